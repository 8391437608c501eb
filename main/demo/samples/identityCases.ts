import type { PatientDescriptor } from './sampleTypes';

/** OID of the French national health identifier (INS-NIR) assigning authority. */
export const INS_ISSUER_OID = '1.2.250.1.213.1.4.8';

/** IssuerOfPatientID (0010,0021) of each regional PACS of the testbed. */
export const PACS_ISSUERS = { PACS_NORD: 'CHU-NORD', PACS_SUD: 'CH-SUD' } as const;

/** Appends the 2-digit NIR key (97 - NIR mod 97) to a 13-digit NIR. */
export function insWithKey(nir13: string): string {
  const key = 97n - (BigInt(nir13) % 97n);
  return `${nir13}${key.toString().padStart(2, '0')}`;
}

function insItem(nir13: string): NonNullable<PatientDescriptor['OtherPatientIDsSequence']>[number] {
  return { PatientID: insWithKey(nir13), IssuerOfPatientID: INS_ISSUER_OID, TypeOfPatientID: 'TEXT' };
}

/**
 * One person known to both PACS under different PatientID / IssuerOfPatientID,
 * sharing the INS in OtherPatientIDsSequence (PS3.3 C.7.1.1).
 */
export function samePersonOnBothPacs(): { nord: PatientDescriptor; sud: PatientDescriptor; INS: string } {
  const base = { PatientName: 'MARTIN^Élodie^Anne', PatientBirthDate: '19790412', PatientSex: 'F' as const, SpecificCharacterSet: 'ISO_IR 192' as const };
  const ins = insItem('2790475056123');
  return {
    nord: { ...base, PatientID: 'N0012345', IssuerOfPatientID: PACS_ISSUERS.PACS_NORD, OtherPatientIDsSequence: [ins] },
    sud: { ...base, PatientID: 'S7788991', IssuerOfPatientID: PACS_ISSUERS.PACS_SUD, OtherPatientIDsSequence: [ins] },
    INS: ins.PatientID,
  };
}

/** Two different people who happen to have the same PatientID, one per PACS (never to be merged). */
export function samePatientIdDifferentPeople(): { nord: PatientDescriptor; sud: PatientDescriptor } {
  return {
    nord: { PatientName: 'NGUYEN^Thi Lan', PatientID: '100200', IssuerOfPatientID: PACS_ISSUERS.PACS_NORD, PatientBirthDate: '19880203', PatientSex: 'F', OtherPatientIDsSequence: [insItem('2880269123045')] },
    sud: { PatientName: 'DURAND^Paul', PatientID: '100200', IssuerOfPatientID: PACS_ISSUERS.PACS_SUD, PatientBirthDate: '19520917', PatientSex: 'M', OtherPatientIDsSequence: [insItem('1520913055321')] },
  };
}

/**
 * Names with accents: one patient in ISO_IR 100 (Latin-1 bytes) and one in
 * ISO_IR 192 (UTF-8) with all five Person Name components (PS3.5 6.2.1:
 * family^given^middle^prefix^suffix).
 */
export function accentedNames(): { latin1: PatientDescriptor; utf8: PatientDescriptor } {
  return {
    latin1: { PatientName: 'LEFÈVRE^Hélène', PatientID: 'N0020001', IssuerOfPatientID: PACS_ISSUERS.PACS_NORD, PatientBirthDate: '19610730', PatientSex: 'F', SpecificCharacterSet: 'ISO_IR 100' },
    utf8: { PatientName: 'GARCÍA LÓPEZ^José^María^Dr^Jr', PatientID: 'S0030002', IssuerOfPatientID: PACS_ISSUERS.PACS_SUD, PatientBirthDate: '19450105', PatientSex: 'M', SpecificCharacterSet: 'ISO_IR 192' },
  };
}
