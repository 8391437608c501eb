import { describe, expect, it } from 'vitest';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { identityFlags } from '../../../app/identity';
import { samePatientIdDifferentPeople, samePersonOnBothPacs } from '../../../main/demo/samples';

function study(nodeId: string, uid: string, p: { PatientName: string; PatientID: string; IssuerOfPatientID?: string; PatientBirthDate: string; PatientSex: string; OtherPatientIDsSequence?: { PatientID: string; IssuerOfPatientID: string }[] }): StudySummary {
  return {
    nodeId,
    StudyInstanceUID: uid,
    PatientName: p.PatientName,
    PatientID: p.PatientID,
    IssuerOfPatientID: p.IssuerOfPatientID,
    PatientBirthDate: p.PatientBirthDate,
    PatientSex: p.PatientSex,
    ModalitiesInStudy: ['CT'],
    OtherPatientIDs: (p.OtherPatientIDsSequence ?? []).map((o) => ({ PatientID: o.PatientID, IssuerOfPatientID: o.IssuerOfPatientID })),
  };
}

describe('identityFlags', () => {
  it('flags the same person on two PACS (shared INS) on both studies, naming the other identity', () => {
    const martin = samePersonOnBothPacs();
    const flags = identityFlags([study('nord', '1.1', martin.nord), study('sud', '1.2', martin.sud)]);
    expect(flags.get(0)).toMatchObject({ strength: 'certain', others: [{ PatientID: martin.sud.PatientID }] });
    expect(flags.get(1)).toMatchObject({ strength: 'certain', others: [{ PatientID: martin.nord.PatientID }] });
  });

  it('does not flag two different people who only share a PatientID under different issuers', () => {
    const shared = samePatientIdDifferentPeople();
    const [a, b] = Object.values(shared) as [never, never];
    expect(identityFlags([study('nord', '2.1', a), study('sud', '2.2', b)]).size).toBe(0);
  });

  it('flags a probable match (same name, birth date and sex, different IDs, no INS) as probable', () => {
    const p = { PatientName: 'DUPONT^Jeanne', PatientBirthDate: '19500101', PatientSex: 'F' };
    const flags = identityFlags([study('nord', '3.1', { ...p, PatientID: 'A1', IssuerOfPatientID: 'CHU-NORD' }), study('sud', '3.2', { ...p, PatientName: 'Dupont^Jeanne', PatientID: 'B2', IssuerOfPatientID: 'CH-SUD' })]);
    expect(flags.get(0)?.strength).toBe('probable');
  });

  it('flags a conflict (same issuer and ID, different birth date) as the most alarming link', () => {
    const flags = identityFlags([
      study('nord', '4.1', { PatientName: 'MARTIN^Paul', PatientID: 'X9', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19400101', PatientSex: 'M' }),
      study('nord', '4.2', { PatientName: 'MARTIN^Paul', PatientID: 'X9', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19900101', PatientSex: 'M' }),
    ]);
    expect(flags.get(0)?.strength).toBe('conflict');
    expect(flags.get(1)?.strength).toBe('conflict');
  });

  it('gives no flag to a patient with several studies under one identity', () => {
    const p = { PatientName: 'SEUL^Sam', PatientID: 'S1', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19600101', PatientSex: 'M' };
    expect(identityFlags([study('nord', '5.1', p), study('nord', '5.2', p)]).size).toBe(0);
  });
});
