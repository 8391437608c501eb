/**
 * Patient identity across nodes (PS3.3 C.7.1.1 Patient Module): the key each node asserts
 * (PatientID within IssuerOfPatientID), links between identities with their strength and
 * evidence, and the prior-study rule. Identities are linked and explained, never merged.
 */
export { patientKey, type PatientKey, type PatientKeyAuthority } from './patientKey';
export { foldPersonName, foldNameComponent, compareFoldedNames, foldedNameText, type FoldedPersonName, type NameComparison } from './normalisePersonName';
export { INS_ISSUER_OID, NATIONAL_ID_ISSUERS, isValidIns, nationalIdentifiers, type NationalIdentifier } from './nationalIdentifiers';
export { identityFacts, normaliseBirthDate, type IdentityFacts, type PatientAttributes } from './identityFacts';
export {
  compareIdentities,
  LINK_STRENGTH_ORDER,
  CONTRADICTING_EVIDENCE,
  type LinkStrength,
  type IdentityEvidence,
  type IdentityComparison,
} from './compareIdentities';
export { linkPatients, type PatientLinking, type PatientRecord, type PatientLink, type PatientGroup, type StudyRef } from './linkPatients';
export { isSamePatientForPriors, type PriorDecision } from './isSamePatientForPriors';
export { identityFlags, type IdentityFlag } from './identityFlags';
