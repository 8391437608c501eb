import { describe, expect, it } from 'vitest';
import { foldPersonName, INS_ISSUER_OID, isSamePatientForPriors, isValidIns, linkPatients, patientKey } from '../../../app/identity';
import { accentedNames, insWithKey, samePatientIdDifferentPeople, samePersonOnBothPacs } from '../../../main/demo/samples';
import { summaryOf } from './summaries';

describe('patientKey (PS3.3 C.7.1.1)', () => {
  it('is PatientID within IssuerOfPatientID', () => {
    const { nord } = samePersonOnBothPacs();
    expect(patientKey(summaryOf('pacs-nord', nord))).toMatchObject({ PatientID: 'N0012345', issuer: 'CHU-NORD', authority: 'IssuerOfPatientID' });
  });

  it('scopes a bare PatientID to its node', () => {
    const a = patientKey({ nodeId: 'pacs-nord', PatientID: '12345' });
    const b = patientKey({ nodeId: 'pacs-sud', PatientID: '12345' });
    expect(a?.authority).toBe('nodeId');
    expect(a?.text).not.toBe(b?.text);
    expect(patientKey({ nodeId: 'pacs-nord', PatientID: '12345 ', IssuerOfPatientID: ' ' })?.text).toBe(a?.text);
  });

  it('never confuses a node id with an issuer of the same text', () => {
    expect(patientKey({ nodeId: 'x', PatientID: '1' })?.text).not.toBe(patientKey({ nodeId: 'y', PatientID: '1', IssuerOfPatientID: 'x' })?.text);
  });

  it('is undefined without a PatientID', () => {
    expect(patientKey({ nodeId: 'pacs-nord', PatientID: '  ' })).toBeUndefined();
  });
});

describe('linkPatients with the testbed identity cases', () => {
  it('links one person on both PACS as certain through the INS, keeping both identities', () => {
    const { nord, sud, INS } = samePersonOnBothPacs();
    const result = linkPatients([summaryOf('pacs-nord', nord), summaryOf('pacs-sud', sud)]);
    expect(result.records).toHaveLength(2);
    expect(result.records.map((r) => r.patient.PatientID)).toEqual(['N0012345', 'S7788991']);
    expect(result.links).toHaveLength(1);
    expect(result.links[0]).toMatchObject({ a: 0, b: 1, strength: 'certain' });
    expect(result.links[0]!.evidence).toContainEqual({ kind: 'same-national-id', IssuerOfPatientID: INS_ISSUER_OID, PatientID: INS });
    expect(result.links[0]!.evidence).toContainEqual({ kind: 'same-birth-date', value: '19790412' });
    expect(result.groups).toEqual([{ records: [0, 1], links: [0], weakest: 'certain' }]);
  });

  it('never links two people sharing a PatientID under different issuers', () => {
    const { nord, sud } = samePatientIdDifferentPeople();
    const result = linkPatients([summaryOf('pacs-nord', nord), summaryOf('pacs-sud', sud)]);
    expect(result.links).toEqual([]);
    expect(result.groups).toHaveLength(2);
  });

  it('flags a conflict when one issuer gives the same PatientID to two different people', () => {
    const { nord, sud } = samePatientIdDifferentPeople();
    const result = linkPatients([summaryOf('pacs-nord', nord), summaryOf('pacs-nord', { ...sud, IssuerOfPatientID: nord.IssuerOfPatientID })]);
    expect(result.links).toHaveLength(1);
    expect(result.links[0]!.strength).toBe('conflict');
    const kinds = result.links[0]!.evidence.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['same-key', 'different-national-id', 'different-name', 'different-birth-date', 'different-sex']));
    expect(result.groups[0]!.weakest).toBe('conflict');
  });

  it('flags a conflict for the same key with only a different birth date (a data error)', () => {
    const { latin1 } = accentedNames();
    const result = linkPatients([summaryOf('pacs-nord', latin1), summaryOf('pacs-nord', { ...latin1, PatientBirthDate: '19610703' })]);
    expect(result.links.map((l) => l.strength)).toEqual(['conflict']);
    expect(result.links[0]!.evidence).toContainEqual({ kind: 'different-birth-date', a: '19610730', b: '19610703' });
  });

  it('groups several studies of one identity into one record', () => {
    const { utf8 } = accentedNames();
    const result = linkPatients([summaryOf('pacs-sud', utf8), summaryOf('pacs-sud', utf8), summaryOf('pacs-sud', utf8)]);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]!.studies).toHaveLength(3);
    expect(result.links).toEqual([]);
  });

  it('links accented and unaccented spellings on two nodes as probable', () => {
    const { latin1, utf8 } = accentedNames();
    const plain = { ...latin1, PatientName: 'lefevre^helene', PatientID: 'X991', IssuerOfPatientID: undefined };
    const compound = { ...utf8, PatientName: 'Garcia-Lopez^JOSE', PatientID: 'Y17', IssuerOfPatientID: undefined };
    const result = linkPatients([summaryOf('pacs-nord', latin1), summaryOf('pacs-sud', utf8), summaryOf('cd', plain), summaryOf('cd', compound)]);
    expect(result.links.map(({ a, b, strength }) => ({ a, b, strength }))).toEqual([
      { a: 0, b: 2, strength: 'probable' },
      { a: 1, b: 3, strength: 'probable' },
    ]);
    expect(result.links[0]!.evidence).toContainEqual({ kind: 'same-name', name: 'LEFEVRE^HELENE' });
  });

  it('keeps a same-key name variant as same, with the variant in the evidence', () => {
    const { nord } = samePersonOnBothPacs();
    const result = linkPatients([summaryOf('pacs-nord', nord), summaryOf('pacs-nord', { ...nord, PatientName: 'DUPONT^Élodie' })]);
    expect(result.links[0]!.strength).toBe('same');
    expect(result.links[0]!.evidence).toContainEqual({ kind: 'name-variant', a: 'MARTIN^Élodie^Anne', b: 'DUPONT^Élodie' });
  });

  it('does not link on same name, birth date and sex when the INS differs', () => {
    const { nord } = samePersonOnBothPacs();
    const twin = { ...nord, PatientID: 'S1', IssuerOfPatientID: 'CH-SUD', OtherPatientIDsSequence: [{ PatientID: insWithKey('2790475056124'), IssuerOfPatientID: INS_ISSUER_OID, TypeOfPatientID: 'TEXT' }] };
    expect(linkPatients([summaryOf('pacs-nord', nord), summaryOf('pacs-sud', twin)]).links).toEqual([]);
  });

  it('ignores an INS with a wrong key as evidence', () => {
    const { nord, sud, INS } = samePersonOnBothPacs();
    const broken = `${INS.slice(0, 13)}${String((Number(INS.slice(13)) + 1) % 100).padStart(2, '0')}`;
    expect(isValidIns(INS)).toBe(true);
    expect(isValidIns(broken)).toBe(false);
    const withBroken = (p: typeof nord) => ({ ...p, PatientName: p === nord ? 'A^B' : 'C^D', OtherPatientIDsSequence: [{ PatientID: broken, IssuerOfPatientID: INS_ISSUER_OID, TypeOfPatientID: 'TEXT' }] });
    expect(linkPatients([summaryOf('pacs-nord', withBroken(nord)), summaryOf('pacs-sud', withBroken(sud))]).links).toEqual([]);
  });

  it('folds case, accents, ligatures, spaces and hyphens; keeps family and given only', () => {
    expect(foldPersonName('GARCÍA LÓPEZ^José^María^Dr^Jr')).toEqual({ family: 'GARCIALOPEZ', given: 'JOSE' });
    expect(foldPersonName("d'Œuvray^Zoë=ドウ^ゾエ")).toEqual({ family: 'DOEUVRAY', given: 'ZOE' });
    expect(foldPersonName('^')).toBeUndefined();
  });
});

describe('isSamePatientForPriors', () => {
  it('accepts same and certain silently, probable with a banner, refuses the rest', () => {
    const { nord, sud } = samePersonOnBothPacs();
    const current = summaryOf('pacs-nord', nord);
    expect(isSamePatientForPriors(current, summaryOf('pacs-nord', nord))).toMatchObject({ prior: true, strength: 'same', banner: 'none' });
    expect(isSamePatientForPriors(current, summaryOf('pacs-sud', sud))).toMatchObject({ prior: true, strength: 'certain', banner: 'none' });
    const probable = summaryOf('cd', { ...nord, PatientID: 'CD1', IssuerOfPatientID: undefined, OtherPatientIDsSequence: [] });
    expect(isSamePatientForPriors(current, probable)).toMatchObject({ prior: true, strength: 'probable', banner: 'identity-probable' });
    const conflict = summaryOf('pacs-nord', { ...nord, PatientSex: 'M' });
    expect(isSamePatientForPriors(current, conflict)).toMatchObject({ prior: false, reason: 'conflict' });
    const other = samePatientIdDifferentPeople();
    expect(isSamePatientForPriors(summaryOf('pacs-nord', other.nord), summaryOf('pacs-sud', other.sud))).toMatchObject({ prior: false, reason: 'unlinked' });
    expect(isSamePatientForPriors(current, { ...current, nodeId: 'pacs-sud' })).toMatchObject({ prior: false, reason: 'same-study' });
  });
});
