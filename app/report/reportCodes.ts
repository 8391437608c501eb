import { code, type Code } from './srContent';

/**
 * Codes of the report SR (PS3.16): its title (LOINC 18748-4), the TID 2000 section headings
 * (CID 7001) and their text items (CID 7002), and the measurement concepts (CID 7470, 7464).
 */
export const REPORT_TITLE = code('18748-4', 'LN', 'Diagnostic imaging report');

export const SECTIONS = {
  indication: { heading: code('121109', 'DCM', 'Indications for Procedure'), text: code('121106', 'DCM', 'Comment') },
  technique: { heading: code('121064', 'DCM', 'Current Procedure Descriptions'), text: code('121065', 'DCM', 'Procedure Description') },
  findings: { heading: code('121070', 'DCM', 'Findings'), text: code('121071', 'DCM', 'Finding') },
  conclusion: { heading: code('121076', 'DCM', 'Conclusions'), text: code('121077', 'DCM', 'Conclusion') },
} as const;

/** Concept of an image illustrating the findings. */
export const ILLUSTRATION = code('121200', 'DCM', 'Illustration of Finding');

/** The figures a measurement can quote, with their SNOMED CT concepts. */
export const MEASUREMENT_CONCEPTS: Record<string, Code> = {
  length: code('410668003', 'SCT', 'Length'),
  area: code('42798000', 'SCT', 'Area'),
  mean: code('373098007', 'SCT', 'Mean'),
  stdDev: code('386136009', 'SCT', 'Standard Deviation'),
  min: code('255605001', 'SCT', 'Minimum'),
  max: code('56851009', 'SCT', 'Maximum'),
  angle: code('1483009', 'SCT', 'Angle'),
  value: code('112031', 'DCM', 'Attenuation Coefficient'),
};

/** The UCUM unit (CID 7181) of a unit as Cornerstone3D writes it; undefined when there is none. */
export function ucumUnit(unit: string): string | undefined {
  const map: Record<string, string> = { mm: 'mm', 'mm²': 'mm2', 'mm2': 'mm2', cm: 'cm', HU: "[hnsf'U]", '°': 'deg', deg: 'deg', px: '{pixels}' };
  return map[unit];
}
