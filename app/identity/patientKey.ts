import type { StudySummary } from '../dicom/studySummary';

/**
 * Where the assigning authority of a {@link PatientKey} comes from: the IssuerOfPatientID
 * (0010,0021) the node sent, or the node itself standing in when it sent none.
 */
export type PatientKeyAuthority = 'IssuerOfPatientID' | 'nodeId';

/**
 * The identity one node asserts for a patient: PatientID (0010,0020) within its assigning
 * authority, IssuerOfPatientID (0010,0021), PS3.3 C.7.1.1 Patient Module. A PatientID is only
 * unique within its issuer, so a bare PatientID is scoped to the node that sent it: two nodes'
 * bare "12345" are two different keys.
 */
export interface PatientKey {
  PatientID: string;
  /** The IssuerOfPatientID, or the node id when the node sent no issuer. */
  issuer: string;
  authority: PatientKeyAuthority;
  /** One string per key, for maps and sets: `issuer:<issuer>|<id>` or `node:<nodeId>|<id>`. */
  text: string;
}

/** A value of a LO/SH attribute without the padding spaces PS3.5 6.2 allows. */
function trimmed(value: string | undefined): string {
  return (value ?? '').trim();
}

/**
 * The {@link PatientKey} a study summary asserts (PS3.3 C.7.1.1: PatientID within
 * IssuerOfPatientID; the node id stands in for an absent issuer). Undefined when the study
 * carries no PatientID: such a study asserts no identity.
 */
export function patientKey(summary: Pick<StudySummary, 'nodeId' | 'PatientID' | 'IssuerOfPatientID'>): PatientKey | undefined {
  const PatientID = trimmed(summary.PatientID);
  if (PatientID === '') return undefined;
  const issuerValue = trimmed(summary.IssuerOfPatientID);
  const authority: PatientKeyAuthority = issuerValue === '' ? 'nodeId' : 'IssuerOfPatientID';
  const issuer = authority === 'nodeId' ? summary.nodeId : issuerValue;
  const text = `${authority === 'nodeId' ? 'node' : 'issuer'}:${issuer}|${PatientID}`;
  return { PatientID, issuer, authority, text };
}
