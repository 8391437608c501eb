import type { DicomJsonDataset } from '../dicomweb';
import type { BreastDifference } from './concordance';
import type { CaseStage } from './screeningCase';
import { isRecalled } from './concordance';
import type { ScreeningProgramme } from './screeningProgramme';
import { BREASTS, type Breast, type ReadRole, type SubmittedRead } from './screeningTypes';

/**
 * What the gateway's screening service answers (`<gateway>/nodes/<id>/screening/...`), as JSON:
 * the renderer's only way to the reads of a case, under the blinding rules (screeningCase.ts).
 */

/** A read as it travels: the submission time as ISO 8601, the instance it is stored in. */
export type ReadJson = Omit<SubmittedRead, 'submittedAt'> & { submittedAt: string; SOPInstanceUID: string; recalled: Record<Breast, boolean> };

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

/** A read in its travelling form, with whether each breast is recalled under the programme (its box, or its assessment). */
export function readToJson(read: SubmittedRead & { SOPInstanceUID: string }, programme: ScreeningProgramme): ReadJson {
  const recalled = Object.fromEntries(BREASTS.map((b) => [b, isRecalled(read.breasts[b], programme)])) as Record<Breast, boolean>;
  return { ...read, submittedAt: read.submittedAt.toISOString(), recalled };
}
