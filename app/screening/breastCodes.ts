import { code, type Code } from '../report/srContent';
import type { Assessment, Breast, Density, FindingKind, ReadRole } from './screeningTypes';

/**
 * The coded concepts of a screening read (PS3.16 TID 4200 "Breast Imaging Report" and the context
 * groups it draws on), in one place for the writer and the reader of the SR.
 */
export const BREAST_IMAGING_REPORT = code('111400', 'DCM', 'Breast Imaging Report');
export const OVERALL_ASSESSMENT = code('111413', 'DCM', 'Overall Assessment');
export const ASSESSMENT_CATEGORY = code('111005', 'DCM', 'Assessment Category');
export const BREAST_COMPOSITION = code('129715009', 'SCT', 'Breast composition');
export const FINDINGS = code('121070', 'DCM', 'Findings');
export const FINDING = code('121071', 'DCM', 'Finding');
export const LATERALITY = code('272741003', 'SCT', 'Laterality');
export const IMAGE_VIEW = code('111031', 'DCM', 'Image View');
export const RECOMMENDED_FOLLOW_UP = code('111053', 'DCM', 'Recommended Follow-up');
export const COMMENT = code('121106', 'DCM', 'Comment');
export const PROCEDURE_REPORTED = code('121058', 'DCM', 'Procedure reported');
export const BILATERAL_MAMMOGRAM = code('36626-0', 'LN', 'Breast - bilateral mammogram');
export const REASON_FOR_PROCEDURE = code('111401', 'DCM', 'Reason for procedure');
export const SCREENING = code('360156006', 'SCT', 'Screening');
export const ROLE_IN_PROCEDURE = code('121011', 'DCM', "Person Observer's Role in this Procedure");
export const IDENTIFIER_WITHIN_ROLE = code('128775', 'DCM', "Identifier within Person Observer's Role");

/** CID 6022 Side. */
export const SIDE: Record<Breast, Code> = { R: code('73056007', 'SCT', 'Right breast'), L: code('80248007', 'SCT', 'Left breast') };

/** BI-RADS categories 0–5 as SNOMED CT mammography assessments, 6 as DCM (CID 6026). */
export const ASSESSMENT_CODES: Record<Assessment, Code> = {
  0: code('397138000', 'SCT', 'Mammography assessment (Category 0) - Need additional imaging evaluation'),
  1: code('397140005', 'SCT', 'Mammography assessment (Category 1) - Negative'),
  2: code('397141009', 'SCT', 'Mammography assessment (Category 2) - Benign finding'),
  3: code('397143007', 'SCT', 'Mammography assessment (Category 3) - Probably benign finding'),
  4: code('397144001', 'SCT', 'Mammography assessment (Category 4) - Suspicious abnormality'),
  5: code('397145000', 'SCT', 'Mammography assessment (Category 5) - Highly suggestive of malignancy'),
  6: code('111125', 'DCM', 'Known biopsy proven malignancy'),
};

/** CID 6000 Overall Breast Composition (ACR a–d). */
export const DENSITY_CODES: Record<Density, Code> = {
  a: code('129716005', 'SCT', 'Almost entirely fat'),
  b: code('129717001', 'SCT', 'Scattered fibroglandular densities'),
  c: code('129718006', 'SCT', 'Heterogeneously dense'),
  d: code('129719003', 'SCT', 'Extremely dense'),
};

/** CID 6054 Breast Imaging Findings. */
export const FINDING_CODES: Record<FindingKind, Code> = {
  mass: code('129788004', 'SCT', 'Mammographic breast mass'),
  calcifications: code('309587003', 'SCT', 'Calcification of breast'),
  distortion: code('129792006', 'SCT', 'Architectural distortion of breast'),
  asymmetry: code('129790003', 'SCT', 'Asymmetric breast tissue'),
};

/** CID 4014 View for Mammography, by the ACR MQCM abbreviation the hanging uses. */
export const VIEW_CODES: Record<string, Code> = {
  CC: code('399162004', 'SCT', 'cranio-caudal'),
  MLO: code('399368009', 'SCT', 'medio-lateral oblique'),
  ML: code('399260004', 'SCT', 'medio-lateral'),
  LM: code('399352003', 'SCT', 'latero-medial'),
  XCCL: code('399192008', 'SCT', 'cranio-caudal exaggerated laterally'),
  XCCM: code('399101009', 'SCT', 'cranio-caudal exaggerated medially'),
  LMO: code('399099002', 'SCT', 'latero-medial oblique'),
  FB: code('399196006', 'SCT', 'caudo-cranial'),
  SIO: code('399188001', 'SCT', 'superolateral to inferomedial oblique'),
  ISO: code('441555000', 'SCT', 'inferomedial to superolateral oblique'),
};

/** CID 6028 Mammography Recommended Follow-up: recall for assessment, or the next routine round. */
export const FOLLOW_UP = { recall: code('386053000', 'SCT', 'Evaluation procedure'), routine: code('111140', 'DCM', 'Normal interval follow-up') };

/** CID 7453 Performing Roles: a reader (first or second, told apart by the identifier within the role) or the adjudicator. */
export const ROLE_CODES: Record<ReadRole, { role: Code; identifier?: string }> = {
  first: { role: code('C28747', 'NCIt', 'Reader'), identifier: '1' },
  second: { role: code('C28747', 'NCIt', 'Reader'), identifier: '2' },
  arbitration: { role: code('C96561', 'NCIt', 'Adjudicator') },
};

/** The key of a code, to match a read-back code against these tables. */
export const codeKey = (c: Pick<Code, 'CodeValue' | 'CodingSchemeDesignator'>): string => `${c.CodingSchemeDesignator}:${c.CodeValue}`;

/** The key of `table` whose code is `c` (as a string: `'4'` for BI-RADS 4). */
export function keyOfCode(table: Record<string | number, Code>, c: Pick<Code, 'CodeValue' | 'CodingSchemeDesignator'> | undefined): string | undefined {
  return c ? Object.entries(table).find(([, v]) => codeKey(v) === codeKey(c))?.[0] : undefined;
}
