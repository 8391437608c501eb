import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProtocols, matchProtocol, stepStage, type StudyDescriptor } from '../../../app/hanging';
import { mammographyStudies, viewNames } from './hangingFixtures';

const { current, prior } = mammographyStudies();
const names = new Map([...viewNames(current), ...viewNames(prior)]);
const SLOTS = ['RCC', 'LCC', 'RMLO', 'LMLO'];
/** Chest wall on the right edge of the left column, on the left edge of the right column. */
const ALIGNMENT = ['right', 'left', 'right', 'left'];

function shownViews(study: StudyDescriptor, priors: StudyDescriptor[] = [], stage = 0): Array<string | undefined> {
  const result = matchProtocol(defaultProtocols(), { current: study, priors })!;
  expect(result.protocol.id).toBe('mg-screening');
  return result.stages[stage]!.viewports.map((v) => (v.displaySet?.SOPInstanceUID ? names.get(v.displaySet.SOPInstanceUID) : undefined));
}

/** The study with its images in another order and each image's row direction set to A or P. */
function reshaped(study: StudyDescriptor, order: number[], rows: Array<'A' | 'P'>): StudyDescriptor {
  const copy = structuredClone(study);
  const series = copy.series[0]!;
  series.images = order.map((i) => series.images[i]!);
  series.images.forEach((image, i) => (image.PatientOrientation = [rows[i]!, image.PatientOrientation![1]!]));
  return copy;
}

describe('screening mammography hanging', () => {
  it('hangs RCC | LCC over RMLO | LMLO, mirrored so the chest walls meet in the middle', () => {
    const result = matchProtocol(defaultProtocols(), { current })!;
    const [stage] = result.stages;
    expect(shownViews(current)).toEqual(SLOTS);
    expect(stage!.viewports.map((v) => [v.row, v.column])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(stage!.viewports.map((v) => v.display.alignment)).toEqual(ALIGNMENT);
    // The generator stores right breasts with rows toward P and left ones toward A: no flip needed.
    expect(stage!.viewports.map((v) => [v.display.chestWallSide, v.display.flipHorizontal])).toEqual(ALIGNMENT.map((side) => [side, false]));
    expect(stage!.viewports[0]!.reasons).toContain('+10 ViewCode is code (399162004, SCT) (seen (399162004, SCT))');
  });

  it('lands each view in its slot and flips exactly the images whose chest wall is on the wrong side, whatever the input order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        fc.array(fc.constantFrom<'A' | 'P'>('A', 'P'), { minLength: 4, maxLength: 4 }),
        (order, rows) => {
          const study = reshaped(current, order, rows);
          const stage = matchProtocol(defaultProtocols(), { current: study })!.stages[0]!;
          const rowOf = new Map(study.series[0]!.images.map((image) => [image.SOPInstanceUID, image.PatientOrientation![0]]));
          stage.viewports.forEach((viewport, i) => {
            expect(names.get(viewport.displaySet!.SOPInstanceUID!)).toBe(SLOTS[i]);
            const chestWall = rowOf.get(viewport.displaySet!.SOPInstanceUID!) === 'P' ? 'right' : 'left';
            expect(viewport.display.flipHorizontal).toBe(chestWall !== ALIGNMENT[i]);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leaves the LMLO slot empty when that view is missing, never filling it with another view', () => {
    const study = structuredClone(current);
    study.series[0]!.images = study.series[0]!.images.filter((image) => names.get(image.SOPInstanceUID) !== 'LMLO');
    const stage = matchProtocol(defaultProtocols(), { current: study })!.stages[0]!;
    expect(shownViews(study)).toEqual(['RCC', 'LCC', 'RMLO', undefined]);
    expect(stage.viewports[3]!.reasons[0]).toMatch(/none of the 3 display set\(s\) of the current study meets the required rules/);
    expect(stage.filled).toBe(3);
    // The empty viewport names the view that is missing.
    expect(stage.viewports[3]!.label).toEqual({ fr: 'G MLO', en: 'L MLO' });
  });

  it('says when a view is duplicated (two equally good images of RCC), showing one of them', () => {
    const study = structuredClone(current);
    const images = study.series[0]!.images;
    const rcc = images.find((image) => names.get(image.SOPInstanceUID) === 'RCC')!;
    images.push({ ...structuredClone(rcc), SOPInstanceUID: '2.25.4001.98', InstanceNumber: 9 });
    const stage = matchProtocol(defaultProtocols(), { current: study })!.stages[0]!;
    expect(stage.viewports[0]!.duplicates).toBe(1);
    expect(stage.viewports[0]!.reasons).toContain('2 display sets meet the selector equally: a duplicated view');
    expect(stage.viewports.slice(1).map((v) => v.duplicates)).toEqual([undefined, undefined, undefined]);
  });

  it('prefers the plain view to one with a view modifier (e.g. spot compression)', () => {
    const study = structuredClone(current);
    const images = study.series[0]!.images;
    const rcc = images.find((image) => names.get(image.SOPInstanceUID) === 'RCC')!;
    const modifier = { CodeValue: '99MOD', CodingSchemeDesignator: '99GARDE', CodeMeaning: 'a view modifier' };
    images.unshift({ ...structuredClone(rcc), SOPInstanceUID: '2.25.4001.99', InstanceNumber: 0, ViewCodeSequence: [{ ...rcc.ViewCodeSequence![0]!, ViewModifierCodeSequence: [modifier] }] });
    const stage = matchProtocol(defaultProtocols(), { current: study })!.stages[0]!;
    expect(stage.viewports[0]!.displaySet!.SOPInstanceUID).toBe(rcc.SOPInstanceUID);
    study.series[0]!.images = images.filter((image) => image !== rcc);
    const onlyModified = matchProtocol(defaultProtocols(), { current: study })!.stages[0]!.viewports[0]!;
    expect([onlyModified.displaySet!.SOPInstanceUID, onlyModified.score]).toEqual(['2.25.4001.99', 22]);
  });

  it('accepts legacy SNOMED-RT view codes (SRT R-10226 for MLO)', () => {
    const study = structuredClone(current);
    for (const image of study.series[0]!.images) {
      if (image.ViewPosition === 'MLO') image.ViewCodeSequence = [{ CodeValue: 'R-10226', CodingSchemeDesignator: 'SRT' }];
    }
    expect(shownViews(study)).toEqual(SLOTS);
  });

  it('keeps the protocol flip when PatientOrientation is absent, and says so', () => {
    const study = structuredClone(current);
    for (const image of study.series[0]!.images) delete image.PatientOrientation;
    const viewport = matchProtocol(defaultProtocols(), { current: study })!.stages[0]!.viewports[0]!;
    expect(viewport.display.flipHorizontal).toBe(false);
    expect(viewport.display.reason).toMatch(/does not tell the chest wall side/);
  });

  it('shows the prior (two years earlier) on stage 2 and current over prior per view on stages 3 and 4', () => {
    const result = matchProtocol(defaultProtocols(), { current, priors: [prior] })!;
    expect(result.stages.map((s) => s.id)).toEqual(['current', 'prior', 'compare-cc', 'compare-mlo']);
    const priorStage = result.stages[1]!;
    expect(priorStage.viewports.map((v) => v.displaySet?.StudyInstanceUID)).toEqual(Array(4).fill(prior.StudyInstanceUID));
    expect(shownViews(current, [prior], 1)).toEqual(SLOTS);
    expect(priorStage.viewports.map((v) => v.display.alignment)).toEqual(ALIGNMENT);
    const cc = result.stages[2]!;
    expect(cc.viewports.map((v) => [v.displaySet?.study, names.get(v.displaySet!.SOPInstanceUID!)])).toEqual([
      ['current', 'RCC'],
      ['current', 'LCC'],
      ['prior', 'RCC'],
      ['prior', 'LCC'],
    ]);
    expect(shownViews(current, [prior], 3)).toEqual(['RMLO', 'LMLO', 'RMLO', 'LMLO']);
  });

  it('without a prior, leaves the prior stage empty and steps over it', () => {
    const result = matchProtocol(defaultProtocols(), { current })!;
    expect(result.stages.map((s) => s.filled)).toEqual([4, 0, 2, 2]);
    expect(result.stages[1]!.viewports[0]!.reasons[0]).toBe('no prior #0 (0 prior(s) given)');
    expect(stepStage(result.stages, 0, 1)).toBe(2);
    expect(stepStage(result.stages, 2, -1)).toBe(0);
    expect(stepStage(result.stages, 3, 1)).toBe(3);
  });
});
