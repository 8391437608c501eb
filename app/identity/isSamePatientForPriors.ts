import type { StudySummary } from '../dicom/studySummary';
import { compareIdentities, type IdentityEvidence } from './compareIdentities';
import { identityFacts } from './identityFacts';

/**
 * Whether a study may be shown as a prior of the current study's patient, and how:
 * - `same` and `certain`: shown, labelled with the link (no warning);
 * - `probable`: shown under a red "identity probable" banner;
 * - otherwise (`conflict`, no link, or the very same study): not a prior.
 */
export type PriorDecision =
  | { prior: true; strength: 'same' | 'certain'; banner: 'none'; evidence: IdentityEvidence[] }
  | { prior: true; strength: 'probable'; banner: 'identity-probable'; evidence: IdentityEvidence[] }
  | { prior: false; reason: 'conflict' | 'unlinked' | 'same-study'; evidence: IdentityEvidence[] };

/**
 * Decides whether `candidate` (from any node) may be shown as a prior of `current`, from what
 * both studies say about the patient (PS3.3 C.7.1.1: PatientID within IssuerOfPatientID, the
 * node standing in for an absent issuer; national identifiers in OtherPatientIDsSequence).
 * The same StudyInstanceUID on another node is the same study, not a prior.
 */
export function isSamePatientForPriors(current: StudySummary, candidate: StudySummary, options: { nationalIssuers?: readonly string[] } = {}): PriorDecision {
  if (current.StudyInstanceUID === candidate.StudyInstanceUID) return { prior: false, reason: 'same-study', evidence: [] };
  const verdict = compareIdentities(identityFacts(current, options.nationalIssuers), identityFacts(candidate, options.nationalIssuers));
  if (!verdict) return { prior: false, reason: 'unlinked', evidence: [] };
  switch (verdict.strength) {
    case 'same':
    case 'certain':
      return { prior: true, strength: verdict.strength, banner: 'none', evidence: verdict.evidence };
    case 'probable':
      return { prior: true, strength: 'probable', banner: 'identity-probable', evidence: verdict.evidence };
    case 'conflict':
      return { prior: false, reason: 'conflict', evidence: verdict.evidence };
  }
}
