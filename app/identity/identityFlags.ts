import type { StudySummary } from '../dicom/studySummary';
import type { LinkStrength } from './compareIdentities';
import { linkPatients } from './linkPatients';

/** A link the reader must see next to a study: another identity that is (or may be) the same person. */
export interface IdentityFlag {
  /** The most alarming link of the study's patient: conflict, then probable, then certain. */
  strength: Exclude<LinkStrength, 'same'>;
  /** The other identities, as their nodes assert them. */
  others: { PatientName?: string; PatientID?: string; IssuerOfPatientID?: string; nodeId: string }[];
}

const ALARM: Exclude<LinkStrength, 'same'>[] = ['conflict', 'probable', 'certain'];

/**
 * The identity flag of each study of a list (by index), from {@link linkPatients}: a study whose
 * patient identity is linked to a different identity — same national identifier (certain), same
 * name, birth date and sex (probable), or the same key with contradicting demographics (conflict) —
 * carries a flag naming the other identities. Studies are never merged; unlinked ones get no flag.
 */
export function identityFlags(studies: readonly StudySummary[]): Map<number, IdentityFlag> {
  const { records, links } = linkPatients(studies);
  const flags = new Map<number, IdentityFlag>();
  for (const [recordIndex, record] of records.entries()) {
    const mine = links.filter((l) => l.strength !== 'same' && (l.a === recordIndex || l.b === recordIndex));
    if (mine.length === 0) continue;
    const strength = ALARM.find((s) => mine.some((l) => l.strength === s))!;
    const others = mine.map((l) => records[l.a === recordIndex ? l.b : l.a]!.patient);
    for (const source of record.sources) flags.set(source, { strength, others });
  }
  return flags;
}
