import type { IdentityFacts } from './identityFacts';
import { compareFoldedNames, foldedNameText } from './normalisePersonName';

/**
 * How strongly two records are the same patient:
 * - `same`: same PatientID within the same issuer (PS3.3 C.7.1.1), nothing contradicting;
 * - `certain`: different local identities sharing a national identifier (e.g. the INS);
 * - `probable`: same folded name, birth date and sex, different identifiers, no national
 *   identifier telling them apart;
 * - `conflict`: same issuer and ID, or same national identifier, but birth date, sex, national
 *   identifier or name (family and given both) contradict: two people sharing an identifier, or
 *   a data error. Shown to the reader, never used to join.
 */
export type LinkStrength = 'same' | 'certain' | 'probable' | 'conflict';

/** Link strengths from the strongest to the weakest. */
export const LINK_STRENGTH_ORDER: readonly LinkStrength[] = ['same', 'certain', 'probable', 'conflict'];

/** One fact behind a link; `a` and `b` are the values of the two records as received. */
export type IdentityEvidence =
  | { kind: 'same-key'; key: string }
  | { kind: 'same-national-id'; IssuerOfPatientID: string; PatientID: string }
  | { kind: 'different-national-id'; IssuerOfPatientID: string; a: string; b: string }
  | { kind: 'same-name'; name: string }
  | { kind: 'name-variant'; a: string; b: string }
  | { kind: 'different-name'; a: string; b: string }
  | { kind: 'same-birth-date'; value: string }
  | { kind: 'different-birth-date'; a: string; b: string }
  | { kind: 'same-sex'; value: string }
  | { kind: 'different-sex'; a: string; b: string };

/** Evidence kinds that speak against two records being one person. */
export const CONTRADICTING_EVIDENCE: readonly IdentityEvidence['kind'][] = ['different-national-id', 'different-name', 'different-birth-date', 'different-sex'];

/** The verdict on a pair of records: its strength and every fact that led to it. */
export interface IdentityComparison {
  strength: LinkStrength;
  evidence: IdentityEvidence[];
}

const KNOWN_SEXES = ['M', 'F'];

function nationalEvidence(a: IdentityFacts, b: IdentityFacts): IdentityEvidence[] {
  const evidence: IdentityEvidence[] = [];
  const issuers = new Set([...a.nationalIds, ...b.nationalIds].map((id) => id.IssuerOfPatientID));
  for (const issuer of [...issuers].sort()) {
    const mine = a.nationalIds.filter((id) => id.IssuerOfPatientID === issuer).map((id) => id.PatientID);
    const theirs = b.nationalIds.filter((id) => id.IssuerOfPatientID === issuer).map((id) => id.PatientID);
    if (mine.length === 0 || theirs.length === 0) continue;
    const shared = mine.filter((value) => theirs.includes(value));
    if (shared.length > 0) for (const PatientID of shared) evidence.push({ kind: 'same-national-id', IssuerOfPatientID: issuer, PatientID });
    else evidence.push({ kind: 'different-national-id', IssuerOfPatientID: issuer, a: mine.join('\\'), b: theirs.join('\\') });
  }
  return evidence;
}

function demographicEvidence(a: IdentityFacts, b: IdentityFacts): IdentityEvidence[] {
  const evidence: IdentityEvidence[] = [];
  const nameA = a.received.PatientName ?? '';
  const nameB = b.received.PatientName ?? '';
  const names = compareFoldedNames(a.name, b.name);
  if (names === 'same' && a.name) evidence.push({ kind: 'same-name', name: foldedNameText(a.name) });
  if (names === 'variant') evidence.push({ kind: 'name-variant', a: nameA, b: nameB });
  if (names === 'different') evidence.push({ kind: 'different-name', a: nameA, b: nameB });
  if (a.birthDate !== undefined && b.birthDate !== undefined) {
    if (a.birthDate === b.birthDate) evidence.push({ kind: 'same-birth-date', value: a.birthDate });
    else evidence.push({ kind: 'different-birth-date', a: a.received.PatientBirthDate ?? '', b: b.received.PatientBirthDate ?? '' });
  }
  if (a.sex !== undefined && b.sex !== undefined) {
    if (a.sex === b.sex) evidence.push({ kind: 'same-sex', value: a.sex });
    else if (KNOWN_SEXES.includes(a.sex) && KNOWN_SEXES.includes(b.sex)) evidence.push({ kind: 'different-sex', a: a.sex, b: b.sex });
  }
  return evidence;
}

/**
 * Compares what two records say about their patient. Undefined when nothing links them, or
 * when a national identifier under the same issuer tells them apart. Symmetric: swapping the
 * records swaps `a` and `b` in the evidence and gives the same strength.
 */
export function compareIdentities(a: IdentityFacts, b: IdentityFacts): IdentityComparison | undefined {
  const sameKey = a.key !== undefined && b.key !== undefined && a.key.text === b.key.text;
  const evidence: IdentityEvidence[] = [...(sameKey && a.key ? [{ kind: 'same-key' as const, key: a.key.text }] : []), ...nationalEvidence(a, b), ...demographicEvidence(a, b)];
  const has = (kind: IdentityEvidence['kind']) => evidence.some((e) => e.kind === kind);
  const contradicted = evidence.some((e) => CONTRADICTING_EVIDENCE.includes(e.kind));
  if (sameKey) return { strength: contradicted ? 'conflict' : 'same', evidence };
  if (has('same-national-id')) return { strength: contradicted ? 'conflict' : 'certain', evidence };
  if (contradicted) return undefined;
  if (has('same-name') && has('same-birth-date') && has('same-sex')) return { strength: 'probable', evidence };
  return undefined;
}
