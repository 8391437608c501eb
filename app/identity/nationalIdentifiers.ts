import type { StudySummary } from '../dicom/studySummary';

/** Issuer OID of the French national health identifier, INS (INS-NIR). */
export const INS_ISSUER_OID = '1.2.250.1.213.1.4.8';

/**
 * Issuers whose identifiers name one person nationally; a value shared under one of them links
 * two local identities as `certain`. Compared with the IssuerOfPatientID of the identifier.
 */
export const NATIONAL_ID_ISSUERS: readonly string[] = [INS_ISSUER_OID];

/** One national identifier of a patient: issuer and value. */
export interface NationalIdentifier {
  IssuerOfPatientID: string;
  PatientID: string;
}

/**
 * Whether an INS-NIR value is well formed: 15 characters, the 13-character NIR (digits, with
 * 2A/2B for Corsica at positions 6-7, counted as 19/18) followed by its 2-digit key
 * 97 - (NIR mod 97).
 */
export function isValidIns(value: string): boolean {
  if (!/^\d{5}(\d{2}|2A|2B)\d{8}$/.test(value)) return false;
  const nir = value.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = Number(value.slice(13));
  return 97n - (BigInt(nir) % 97n) === BigInt(key);
}

function isUsable(issuer: string, value: string): boolean {
  return issuer === INS_ISSUER_OID ? isValidIns(value) : value !== '';
}

/**
 * The national identifiers a study carries: the primary PatientID when its IssuerOfPatientID is
 * national, and the items of OtherPatientIDsSequence (0010,1002), PS3.3 C.7.1.1, under a national
 * issuer. Values that are not well formed (an INS with a wrong key) are left out: they are never
 * evidence. Sorted and without duplicates.
 */
export function nationalIdentifiers(
  summary: Pick<StudySummary, 'PatientID' | 'IssuerOfPatientID' | 'OtherPatientIDs'>,
  issuers: readonly string[] = NATIONAL_ID_ISSUERS,
): NationalIdentifier[] {
  const all = [{ PatientID: summary.PatientID, IssuerOfPatientID: summary.IssuerOfPatientID }, ...summary.OtherPatientIDs];
  const found = new Map<string, NationalIdentifier>();
  for (const item of all) {
    const issuer = (item.IssuerOfPatientID ?? '').trim();
    const value = (item.PatientID ?? '').trim();
    if (!issuers.includes(issuer) || !isUsable(issuer, value)) continue;
    found.set(`${issuer}|${value}`, { IssuerOfPatientID: issuer, PatientID: value });
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, id]) => id);
}
