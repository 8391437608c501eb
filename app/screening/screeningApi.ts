import type { DicomJsonDataset } from '../dicomweb';
import type { BreastDifference } from './concordance';
import type { CaseStage } from './screeningCase';
import type { ReadRole, SubmittedRead } from './screeningTypes';

/**
 * What the gateway's screening service answers (`<gateway>/nodes/<id>/screening/...`), as JSON:
 * the renderer's only way to the reads of a case, under the blinding rules (screeningCase.ts).
 */

/** A read as it travels: the submission time as ISO 8601, the instance it is stored in. */
export type ReadJson = Omit<SubmittedRead, 'submittedAt'> & { submittedAt: string; SOPInstanceUID: string };

/** Where a case stands for the reader who asks. */
export interface ScreeningCaseAnswer {
  StudyInstanceUID: string;
  stage: CaseStage;
  /** The role the reader would read in, or why not. */
  role: ReadRole | 'closed' | 'already-read';
  /** The reads the reader may see now (none of another reader's before their own). */
  reads: ReadJson[];
  /** The first and second reads compared per breast, once both are visible. */
  comparison?: { discordant: boolean; breasts: BreastDifference[] };
  /** SRs of the study that looked like reads and could not be read. */
  problems: string[];
}

/** One case of the screening list: the study (QIDO-RS attributes) and where it stands for the reader. */
export interface ScreeningCaseRow {
  study: DicomJsonDataset;
  StudyInstanceUID: string;
  stage: CaseStage;
  role: ScreeningCaseAnswer['role'];
}

/** A read in its travelling form. */
export function readToJson(read: SubmittedRead & { SOPInstanceUID: string }): ReadJson {
  return { ...read, submittedAt: read.submittedAt.toISOString() };
}

/** A travelling read back as a submitted read. */
export function readFromJson(json: ReadJson): SubmittedRead & { SOPInstanceUID: string } {
  return { ...json, submittedAt: new Date(json.submittedAt) };
}
