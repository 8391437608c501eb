import { describe, expect, it } from 'vitest';
import { parsePart10 } from '../../../app/dicom/parsePart10';
import { generateMammographyStudy, generateMammographyWithPrior, MAMMO_VIEWS } from '../../../main/demo/samples';
import { PATIENT, STUDY } from './sampleFixtures';

/** Expected per view: laterality, view, PatientOrientation (row then column direction), SNOMED CT view code. */
const EXPECTED = {
  RCC: { ImageLaterality: 'R', ViewPosition: 'CC', PatientOrientation: ['P', 'L'], code: '399162004' },
  LCC: { ImageLaterality: 'L', ViewPosition: 'CC', PatientOrientation: ['A', 'R'], code: '399162004' },
  RMLO: { ImageLaterality: 'R', ViewPosition: 'MLO', PatientOrientation: ['P', 'F'], code: '399368009' },
  LMLO: { ImageLaterality: 'L', ViewPosition: 'MLO', PatientOrientation: ['A', 'F'], code: '399368009' },
} as const;

describe('generateMammographyStudy', () => {
  const study = generateMammographyStudy({ seed: 'mg', patient: PATIENT, study: STUDY, Rows: 256, Columns: 208 });

  it('writes the four screening views with laterality, view code and orientation', () => {
    expect(study.views.map((v) => v.view)).toEqual(['RCC', 'LCC', 'RMLO', 'LMLO']);
    for (const view of study.views) {
      const { dataset } = parsePart10(view.instance.buffer);
      const expected = EXPECTED[view.view];
      expect(dataset).toMatchObject({
        SOPClassUID: '1.2.840.10008.5.1.4.1.1.1.2',
        Modality: 'MG',
        PresentationIntentType: 'FOR PRESENTATION',
        ImageLaterality: expected.ImageLaterality,
        ViewPosition: expected.ViewPosition,
        PatientOrientation: expected.PatientOrientation,
        BreastImplantPresent: 'NO',
        BodyPartExamined: 'BREAST',
        ImageType: ['ORIGINAL', 'PRIMARY', ''],
      });
      const code = (dataset.ViewCodeSequence as Array<Record<string, unknown>>)[0];
      expect(code).toMatchObject({ CodeValue: expected.code, CodingSchemeDesignator: 'SCT' });
    }
  });

  it('puts the chest wall where PatientOrientation says posterior is', () => {
    for (const view of study.views) {
      const definition = MAMMO_VIEWS.find((v) => v.name === view.view)!;
      // Rows run toward P when the chest wall (posterior) is on the right.
      expect(view.truth.chestWallSide).toBe(definition.PatientOrientation[0] === 'P' ? 'right' : 'left');
      const { dataset } = parsePart10(view.instance.buffer);
      const pixels = new Uint16Array((dataset.PixelData as ArrayBuffer[])[0]!);
      const middle = 128 * 208;
      const [left, right] = [pixels[middle]!, pixels[middle + 207]!];
      expect(view.truth.chestWallSide === 'right' ? [left === 0, right > 0] : [left > 0, right === 0]).toEqual([true, true]);
    }
  });

  it('is 3328 columns × 4096 rows by default', () => {
    const full = generateMammographyStudy({ seed: 'mg-full', patient: PATIENT, study: STUDY });
    const { dataset } = parsePart10(full.instances[0]!.buffer);
    expect([dataset.Columns, dataset.Rows, dataset.BitsStored]).toEqual([3328, 4096, 12]);
  }, 60_000);

  it('makes a prior with its own study and a smaller lesion', () => {
    const prior = { ...STUDY, StudyInstanceUID: '2.25.99', StudyDate: '20240314' };
    const { current, prior: older } = generateMammographyWithPrior({ seed: 'mg', patient: PATIENT, study: STUDY, priorStudy: prior, Rows: 256, Columns: 208 });
    expect(older.StudyInstanceUID).toBe('2.25.99');
    expect(new Set([...current.instances, ...older.instances].map((i) => i.SOPInstanceUID)).size).toBe(8);
    const lesion = (s: typeof current) => s.views.find((v) => v.view === 'LCC')!.truth.lesion!.radiusPx;
    expect(lesion(older)).toBeLessThan(lesion(current));
  });
});
