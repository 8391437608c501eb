import type { ScreeningProgramme } from './screeningProgramme';
import { BREASTS, type Breast, type BreastRead, type ReadForm } from './screeningTypes';

/** Whether a breast is recalled: the reader said so, or its assessment is one the programme recalls. */
export function isRecalled(read: BreastRead, programme: ScreeningProgramme): boolean {
  return read.recall || programme.recallAssessments.includes(read.assessment);
}

/** Whether a read recalls the woman (either breast recalled). */
export function recallsCase(read: ReadForm, programme: ScreeningProgramme): boolean {
  return BREASTS.some((b) => isRecalled(read.breasts[b], programme));
}

/** Whether a read is "normal" in the French sense: no breast recalled (the reads that go to second reading). */
export function isNormalRead(read: ReadForm, programme: ScreeningProgramme): boolean {
  return !recallsCase(read, programme);
}

/** How two reads of one breast differ: `recall` makes the case discordant; the others are shown. */
export interface BreastDifference {
  breast: Breast;
  recall: boolean;
  assessment: boolean;
  density: boolean;
}

/**
 * The differences between two reads, per breast, and whether they disagree on the decision that
 * matters (recall of a breast): a discordant case goes to arbitration (or consensus).
 */
export function compareReads(a: ReadForm, b: ReadForm, programme: ScreeningProgramme): { discordant: boolean; breasts: BreastDifference[] } {
  const breasts = BREASTS.map((breast) => ({
    breast,
    recall: isRecalled(a.breasts[breast], programme) !== isRecalled(b.breasts[breast], programme),
    assessment: a.breasts[breast].assessment !== b.breasts[breast].assessment,
    density: !!a.breasts[breast].density && !!b.breasts[breast].density && a.breasts[breast].density !== b.breasts[breast].density,
  }));
  return { discordant: breasts.some((d) => d.recall), breasts };
}
