import { describe, expect, it } from 'vitest';
import { parsePart10 } from '../../../app/dicom/parsePart10';
import { accentedNames, generateCtPhantom, INS_ISSUER_OID, insWithKey, samePatientIdDifferentPeople, samePersonOnBothPacs } from '../../../main/demo/samples';
import { STUDY } from './sampleFixtures';

function indexOfBytes(haystack: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i <= haystack.length - needle.length; i += 1) {
    for (let k = 0; k < needle.length; k += 1) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

const firstFile = (patient: Parameters<typeof generateCtPhantom>[0]['patient']) =>
  generateCtPhantom({ seed: 'charset', patient, study: STUDY, Rows: 16, Columns: 16, slices: 1 }).instances[0]!.buffer;

describe('identity cases', () => {
  it('gives one person two local identities sharing the INS', () => {
    const { nord, sud, INS } = samePersonOnBothPacs();
    expect(nord.PatientID).not.toBe(sud.PatientID);
    expect(nord.IssuerOfPatientID).not.toBe(sud.IssuerOfPatientID);
    for (const patient of [nord, sud]) expect(patient.OtherPatientIDsSequence).toEqual([{ PatientID: INS, IssuerOfPatientID: INS_ISSUER_OID, TypeOfPatientID: 'TEXT' }]);
    expect(INS_ISSUER_OID).toBe('1.2.250.1.213.1.4.8');
  });

  it('computes the INS key so that the 15 digits are divisible by 97', () => {
    const ins = insWithKey('2790475056123');
    expect(ins).toMatch(/^\d{15}$/);
    // NIR key: 97 - (NIR mod 97), so NIR + key is a multiple of 97.
    expect((BigInt(ins.slice(0, 13)) + BigInt(ins.slice(13))) % 97n).toBe(0n);
  });

  it('gives two different people the same PatientID on the two PACS', () => {
    const { nord, sud } = samePatientIdDifferentPeople();
    expect(nord.PatientID).toBe(sud.PatientID);
    expect([nord.PatientName, nord.PatientBirthDate, nord.IssuerOfPatientID]).not.toEqual([sud.PatientName, sud.PatientBirthDate, sud.IssuerOfPatientID]);
    expect(nord.OtherPatientIDsSequence?.[0]?.PatientID).not.toBe(sud.OtherPatientIDsSequence?.[0]?.PatientID);
  });

  it('writes ISO_IR 100 names in Latin-1 bytes', () => {
    const { latin1 } = accentedNames();
    const bytes = new Uint8Array(firstFile(latin1));
    expect(indexOfBytes(bytes, [0x4c, 0x45, 0x46, 0xc8, 0x56, 0x52, 0x45])).toBeGreaterThan(0); // LEF\xC8VRE
    expect(indexOfBytes(bytes, [0xc3, 0x88])).toBe(-1); // no UTF-8 È
    const { dataset } = parsePart10(bytes);
    expect(dataset.SpecificCharacterSet).toBeDefined();
    expect(JSON.stringify(dataset.PatientName)).toContain('LEFÈVRE^Hélène');
    expect(JSON.stringify(dataset.RequestAttributesSequence)).toContain('Douleur thoracique');
  });

  it('writes ISO_IR 192 names in UTF-8 with five name components', () => {
    const { utf8 } = accentedNames();
    const bytes = new Uint8Array(firstFile(utf8));
    expect(indexOfBytes(bytes, [...'GARC'].map((c) => c.charCodeAt(0)).concat([0xc3, 0x8d]))).toBeGreaterThan(0); // GARCÍ in UTF-8
    const { dataset } = parsePart10(bytes);
    expect(dataset.SpecificCharacterSet).toBe('ISO_IR 192');
    expect(JSON.stringify(dataset.PatientName)).toContain('GARCÍA LÓPEZ^José^María^Dr^Jr');
  });
});
