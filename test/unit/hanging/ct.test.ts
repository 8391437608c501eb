import { describe, expect, it } from 'vitest';
import { defaultProtocols, matchProtocol } from '../../../app/hanging';
import { ctStudy } from './hangingFixtures';

describe('CT hanging', () => {
  const { study, FrameOfReferenceUID } = ctStudy('2.25.1001', '20260314');
  const axialUid = study.series.find((s) => s.SeriesNumber === 1)!.SeriesInstanceUID;
  const scoutUid = study.series.find((s) => s.SeriesNumber === 2)!.SeriesInstanceUID;

  it('picks the CT protocol: the axial series in mediastinum, lung and bone windows, synced by position', () => {
    const result = matchProtocol(defaultProtocols(), { current: study })!;
    expect(result.protocol.id).toBe('ct');
    const [, windows] = result.stages;
    expect(windows!.viewports.slice(0, 3).map((v) => [v.displaySet?.SeriesInstanceUID, v.display.windowPreset])).toEqual([
      [axialUid, 'mediastinum'],
      [axialUid, 'lung'],
      [axialUid, 'bone'],
    ]);
    expect(windows!.syncGroups).toEqual([{ group: 'windows', requested: 'position', mode: 'position', viewports: [0, 1, 2], reason: `same FrameOfReferenceUID ${FrameOfReferenceUID}` }]);
  });

  it('opens on the axial series alone, in its own window, before the windows stage', () => {
    const result = matchProtocol(defaultProtocols(), { current: study })!;
    const [axial] = result.stages;
    expect([axial!.id, axial!.rows, axial!.columns]).toEqual(['axial', 1, 1]);
    expect(axial!.viewports.map((v) => [v.displaySet?.SeriesInstanceUID, v.display.windowPreset])).toEqual([[axialUid, undefined]]);
  });

  it('never takes the scout for the windows, and shows it as the other series', () => {
    const result = matchProtocol(defaultProtocols(), { current: study })!;
    const [, windows, series] = result.stages;
    expect(windows!.viewports[3]!.displaySet?.SeriesInstanceUID).toBe(scoutUid);
    expect(series!.viewports.map((v) => v.displaySet?.SeriesInstanceUID)).toEqual([axialUid, scoutUid, undefined, undefined]);
    expect(series!.viewports[2]!.reasons[0]).toMatch(/no match #0/);
  });

  it('explains the choice: protocol ranking and rule outcomes', () => {
    const result = matchProtocol(defaultProtocols(), { current: study })!;
    expect(result.reasons).toContain('+10 ModalitiesInStudy equals "CT" (seen CT)');
    expect(result.ranking.find((c) => c.id === 'mg-screening')!.rejected).toBe('a required study rule failed');
    expect(result.ranking.find((c) => c.id === 'ct-comparison')!.rejected).toBeDefined();
    expect(result.stages[0]!.viewports[0]!.reasons).toContain('+5 ImageType equals "AXIAL" (seen ORIGINAL\\PRIMARY\\AXIAL)');
  });

  it('does not depend on the order of the protocols', () => {
    const reversed = [...defaultProtocols()].reverse();
    expect(matchProtocol(reversed, { current: study })!.protocol.id).toBe('ct');
  });
});

describe('CT comparison with the most recent prior', () => {
  const current = ctStudy('2.25.1002', '20260314', false);
  const prior = ctStudy('2.25.1000', '20250101', false);
  const older = ctStudy('2.25.0999', '20230101', false);

  it('picks the comparison protocol: current left, prior right, index sync across frames of reference', () => {
    const result = matchProtocol(defaultProtocols(), { current: current.study, priors: [prior.study, older.study] })!;
    expect(result.protocol.id).toBe('ct-comparison');
    const [stage] = result.stages;
    expect(stage!.viewports.map((v) => [v.column, v.displaySet?.study, v.displaySet?.StudyInstanceUID])).toEqual([
      [0, 'current', '2.25.1002'],
      [1, 'prior', '2.25.1000'],
    ]);
    expect(stage!.syncGroups[0]).toMatchObject({ group: 'compare', mode: 'index', reason: expect.stringMatching(/2 different FrameOfReferenceUIDs/) });
    expect(stage!.viewports[1]!.sync).toEqual({ group: 'compare', mode: 'index' });
  });

  it('syncs by position when both series share the frame of reference', () => {
    const sameFrame = structuredClone(prior.study);
    for (const series of sameFrame.series) series.FrameOfReferenceUID = current.FrameOfReferenceUID;
    const result = matchProtocol(defaultProtocols(), { current: current.study, priors: [sameFrame] })!;
    expect(result.protocol.id).toBe('ct-comparison');
    expect(result.stages[0]!.syncGroups[0]).toMatchObject({ group: 'compare', requested: 'position', mode: 'position', viewports: [0, 1] });
  });

  it('falls back to the CT protocol when the prior is not a CT', () => {
    const mrPrior = { StudyInstanceUID: '2.25.7', series: [{ SeriesInstanceUID: '2.25.7.1', Modality: 'MR', images: [{ SOPInstanceUID: '2.25.7.1.1' }] }] };
    expect(matchProtocol(defaultProtocols(), { current: current.study, priors: [mrPrior] })!.protocol.id).toBe('ct');
  });
});
