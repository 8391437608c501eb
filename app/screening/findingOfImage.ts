import { getSequence, getString, type DicomJsonDataset } from '../dicomweb';
import type { KeyImageRef } from '../report/reportTypes';
import { keyOfCode, VIEW_CODES } from './breastCodes';
import type { FindingKind, ScreeningFinding } from './screeningTypes';

/**
 * A finding marked at a pixel of a mammogram: its breast from ImageLaterality (PS3.3 C.8.11.7,
 * never guessed), its view from ViewCodeSequence (CID 4014) or else ViewPosition. A problem named
 * when the image does not say its breast.
 */
export function findingOfImage(kind: FindingKind, image: KeyImageRef, instance: DicomJsonDataset, point: [number, number]): { finding: ScreeningFinding } | { problem: 'no-laterality' } {
  const laterality = getString(instance, '00200062');
  if (laterality !== 'R' && laterality !== 'L') return { problem: 'no-laterality' };
  const code = getSequence(instance, '00540220')[0];
  const CodeValue = code && getString(code, '00080100');
  const CodingSchemeDesignator = code && getString(code, '00080102');
  const coded = CodeValue && CodingSchemeDesignator ? keyOfCode(VIEW_CODES, { CodeValue, CodingSchemeDesignator }) : undefined;
  const view = coded ?? getString(instance, '00185101') ?? '';
  return { finding: { kind, laterality, view, image, point: [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10] } };
}
