import { describe, expect, it } from 'vitest';
import { defaultProtocols, matchProtocol, type SeriesDescriptor, type StudyDescriptor } from '../../../app/hanging';
import { mrStudy } from './hangingFixtures';

function series(SeriesNumber: number, Modality: string, SeriesDescription: string, images = 1): SeriesDescriptor {
  const uid = `2.25.9${SeriesNumber}`;
  return { SeriesInstanceUID: uid, SeriesNumber, Modality, SeriesDescription, images: Array.from({ length: images }, (_, i) => ({ SOPInstanceUID: `${uid}.${i + 1}`, InstanceNumber: i + 1 })) };
}

function descriptions(study: StudyDescriptor, stage = 0): Array<string | undefined> {
  const result = matchProtocol(defaultProtocols(), { current: study })!;
  return result.stages[stage]!.viewports.map((v) => study.series.find((s) => s.SeriesInstanceUID === v.displaySet?.SeriesInstanceUID)?.SeriesDescription);
}

describe('MR hanging by sequence', () => {
  const study = mrStudy();

  it('puts the generated T1 and T2 in their slots and leaves FLAIR and diffusion empty', () => {
    const result = matchProtocol(defaultProtocols(), { current: study })!;
    expect(result.protocol.id).toBe('mr');
    expect(descriptions(study)).toEqual(['AX T1 SE', 'AX T2 SE', undefined, undefined]);
    expect(result.stages[0]!.viewports[2]!.reasons[0]).toMatch(/SeriesDescription matches \/flair\/i failed for 2/);
    expect(result.stages[0]!.syncGroups[0]).toMatchObject({ group: 'sequences', mode: 'position', viewports: [0, 1] });
  });

  it('tells T2 from T2 FLAIR, and diffusion from its ADC map', () => {
    const full = structuredClone(study);
    full.series.push(series(5, 'MR', 'AX T2 FLAIR'), series(6, 'MR', 'ADC'), series(7, 'MR', 'DWI b1000'));
    full.series.reverse();
    expect(descriptions(full)).toEqual(['AX T1 SE', 'AX T2 SE', 'AX T2 FLAIR', 'DWI b1000']);
    const flairOnly = { ...full, series: full.series.filter((s) => s.SeriesDescription !== 'AX T2 SE') };
    expect(descriptions(flairOnly)[1]).toBeUndefined();
  });
});

describe('CR/DX hanging', () => {
  it('shows one image per viewport: the frontal view first, then the lateral', () => {
    const study: StudyDescriptor = { StudyInstanceUID: '2.25.5', series: [series(1, 'DX', 'Thorax', 0), series(2, 'DX', 'Thorax', 0)] };
    study.series[0]!.images = [{ SOPInstanceUID: '2.25.5.1', InstanceNumber: 1, ViewPosition: 'LL' }];
    study.series[1]!.images = [{ SOPInstanceUID: '2.25.5.2', InstanceNumber: 1, ViewPosition: 'PA' }];
    const result = matchProtocol(defaultProtocols(), { current: study })!;
    expect(result.protocol.id).toBe('xray');
    expect(result.stages[0]!.viewports.map((v) => v.displaySet?.SOPInstanceUID)).toEqual(['2.25.5.2', '2.25.5.1']);
  });

  it('splits a multi-image series into one viewport per image', () => {
    const study: StudyDescriptor = { StudyInstanceUID: '2.25.6', series: [series(1, 'CR', 'Bassin', 3)] };
    const result = matchProtocol(defaultProtocols(), { current: study })!;
    expect(result.stages[1]!.viewports.map((v) => v.displaySet?.SOPInstanceUID)).toEqual(['2.25.91.1', '2.25.91.2', '2.25.91.3', undefined]);
  });
});

describe('fallback', () => {
  it('hangs an unknown modality with the generic protocol: one series, then four', () => {
    const study: StudyDescriptor = { StudyInstanceUID: '2.25.8', series: [series(2, 'US', 'Echo'), series(1, 'OT', 'Other'), series(3, 'US', 'Doppler')] };
    const result = matchProtocol(defaultProtocols(), { current: study })!;
    expect(result.protocol.id).toBe('generic');
    expect(result.stages.map((s) => [s.rows, s.columns, s.filled])).toEqual([[1, 1, 1], [2, 2, 3]]);
    expect(descriptions(study, 1)).toEqual(['Other', 'Echo', 'Doppler', undefined]);
  });

  it('has nothing to hang for a study without series', () => {
    expect(matchProtocol(defaultProtocols(), { current: { StudyInstanceUID: '2.25.9', series: [] } })).toBeUndefined();
  });
});
