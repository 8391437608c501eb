import { professionalKey } from './readerKey';
import { compareReads, isNormalRead, recallsCase } from './concordance';
import type { ScreeningProgramme } from './screeningProgramme';
import type { ReadRole, SubmittedRead } from './screeningTypes';

/**
 * Where a screening case stands, from the reads found in its study (from any workstation), under
 * the programme's workflow: which read it waits for, or its outcome.
 */
export type CaseStage =
  | { stage: 'first-read' }
  | { stage: 'second-read' }
  | { stage: 'arbitration' }
  /** Closed: the outcome (recall or not) and how it was reached. */
  | { stage: 'closed'; recall: boolean; by: 'concordance' | 'arbitration' | 'single-read' };

/** The latest read of each role (a role read twice keeps its last submission). */
function latestByRole(reads: readonly SubmittedRead[]): Partial<Record<ReadRole, SubmittedRead>> {
  const out: Partial<Record<ReadRole, SubmittedRead>> = {};
  for (const read of [...reads].sort((x, y) => x.submittedAt.getTime() - y.submittedAt.getTime())) out[read.role] = read;
  return out;
}

/** The stage of a case from its reads. */
export function caseStage(reads: readonly SubmittedRead[], programme: ScreeningProgramme): CaseStage {
  const { first, second, arbitration } = latestByRole(reads);
  if (!first) return { stage: 'first-read' };
  // French programme: a first read that recalls is not read again (it goes to diagnostic work-up).
  if (programme.workflow === 'second-read-of-normals' && !isNormalRead(first, programme)) return { stage: 'closed', recall: true, by: 'single-read' };
  if (!second) return { stage: 'second-read' };
  if (!compareReads(first, second, programme).discordant) return { stage: 'closed', recall: recallsCase(first, programme), by: 'concordance' };
  if (!arbitration) return { stage: 'arbitration' };
  return { stage: 'closed', recall: recallsCase(arbitration, programme), by: 'arbitration' };
}

/**
 * The role a reader would read a case in now, or why they may not: a reader never gives two of
 * the reads of one case (the second read and the arbitration are by someone else).
 */
export function roleFor(readerId: string, reads: readonly SubmittedRead[], programme: ScreeningProgramme): ReadRole | 'closed' | 'already-read' {
  const stage = caseStage(reads, programme);
  if (stage.stage === 'closed') return 'closed';
  if (reads.some((r) => professionalKey(r.reader) === readerId)) return 'already-read';
  return stage.stage === 'first-read' ? 'first' : stage.stage === 'second-read' ? 'second' : 'arbitration';
}

/**
 * What of the other reads a reader may see (blinding): none before the reader has given their own
 * read of the case, unless the programme shows the first read to the second reader; an arbiter sees
 * the two reads they decide between.
 */
export function visibleReads<R extends SubmittedRead>(readerId: string, reads: readonly R[], programme: ScreeningProgramme): R[] {
  if (reads.some((r) => professionalKey(r.reader) === readerId)) return [...reads];
  const role = roleFor(readerId, reads, programme);
  if (role === 'arbitration') return reads.filter((r) => r.role !== 'arbitration');
  if (role === 'second' && programme.showFirstReadBeforeSubmission) return reads.filter((r) => r.role === 'first');
  if (role === 'closed') return [...reads];
  return [];
}
