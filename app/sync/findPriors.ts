import type { StudySummary } from '../dicom/studySummary';
import { isSamePatientForPriors, linkPatients, type PriorDecision } from '../identity';

/** A study found for the current study's patient, with how the identity link was made. */
export interface PriorCandidate {
  study: StudySummary;
  decision: Extract<PriorDecision, { prior: true }>;
}

/** StudyDate + StudyTime (DA + TM, PS3.5 6.2) as one sortable text; empty when unknown. */
export function studyMoment(s: Pick<StudySummary, 'StudyDate' | 'StudyTime'>): string {
  const date = (s.StudyDate ?? '').trim();
  return date === '' ? '' : `${date}${(s.StudyTime ?? '').trim().padEnd(6, '0')}`;
}

/**
 * The priors of `current` among `candidates` (studies from every node): studies of the same
 * patient by {@link isSamePatientForPriors} (PatientID within its issuer, national identifiers;
 * a probable identity is kept with its banner, a conflict never), not later than the current
 * study, most recent first (undated ones last). A study found on several nodes appears once,
 * preferably on the current study's node; each keeps the nodeId it was found on.
 *
 * The one prior rule of the workstation: the prefetch planner ({@link priorFinder}) and the
 * hanging protocols (the renderer's gatherPriors) both choose priors with it.
 */
export function findPriors(current: StudySummary, candidates: readonly StudySummary[]): PriorCandidate[] {
  const now = studyMoment(current);
  const byUid = new Map<string, PriorCandidate>();
  for (const study of candidates) {
    const moment = studyMoment(study);
    if (now !== '' && moment !== '' && moment > now) continue;
    const decision = isSamePatientForPriors(current, study);
    if (!decision.prior) continue;
    const known = byUid.get(study.StudyInstanceUID);
    if (!known || (known.study.nodeId !== current.nodeId && study.nodeId === current.nodeId)) byUid.set(study.StudyInstanceUID, { study, decision });
  }
  return [...byUid.values()].sort((a, b) => {
    const [ma, mb] = [studyMoment(a.study), studyMoment(b.study)];
    if (ma === mb) return 0;
    if (ma === '') return 1;
    if (mb === '') return -1;
    return ma < mb ? 1 : -1;
  });
}

/**
 * {@link findPriors} for many current studies over one set of studies: the studies are linked
 * once (`linkPatients` compares only records sharing a key, a national identifier or name +
 * birth date + sex), and each current study is compared with its own record and the records
 * linked to it only. Same answers as `findPriors(current, studies)`.
 */
export function priorFinder(studies: readonly StudySummary[]): (current: StudySummary) => PriorCandidate[] {
  const { records, links } = linkPatients(studies);
  const recordOfStudy = new Map<StudySummary, number>();
  records.forEach((record, index) => record.sources.forEach((source) => recordOfStudy.set(studies[source]!, index)));
  const neighbours = records.map((_, index) => [index]);
  for (const link of links) {
    neighbours[link.a]!.push(link.b);
    neighbours[link.b]!.push(link.a);
  }
  return (current) => {
    const own = recordOfStudy.get(current);
    if (own === undefined) return findPriors(current, studies);
    const sources = neighbours[own]!.flatMap((index) => records[index]!.sources).sort((a, b) => a - b);
    return findPriors(current, sources.map((source) => studies[source]!));
  };
}
