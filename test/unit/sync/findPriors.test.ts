import { describe, expect, it } from 'vitest';
import { withPatientOfInstance, type StudySummary } from '../../../app/dicom/studySummary';
import { INS_ISSUER_OID } from '../../../app/identity';
import { findPriors } from '../../../app/sync';

// The one prior rule (app/sync/findPriors.ts), used by the prefetch planner and by the hanging
// protocols: candidates from every node, earlier studies only, one record per study, identity by
// issuer + ID and national identifiers, never a silent merge.

/** A well-formed INS-NIR: the 13-digit NIR and its key 97 - (NIR mod 97). */
const INS = `2660833063042${String(97n - (2660833063042n % 97n)).padStart(2, '0')}`;

type Patient = Pick<StudySummary, 'PatientName' | 'PatientID' | 'IssuerOfPatientID' | 'PatientBirthDate' | 'PatientSex' | 'OtherPatientIDs'>;

const chantalSud: Patient = { PatientName: 'BERNARD^Chantal', PatientID: 'S0040044', IssuerOfPatientID: 'CH-SUD', PatientBirthDate: '19660815', PatientSex: 'F', OtherPatientIDs: [{ PatientID: INS, IssuerOfPatientID: INS_ISSUER_OID }] };
const chantalNord: Patient = { ...chantalSud, PatientID: 'N0040004', IssuerOfPatientID: 'CHU-NORD' };

function study(nodeId: string, StudyInstanceUID: string, patient: Patient, StudyDate: string | undefined, StudyTime = '090000'): StudySummary {
  return { nodeId, StudyInstanceUID, ...patient, ...(StudyDate !== undefined ? { StudyDate, StudyTime } : {}), ModalitiesInStudy: ['MG'] };
}

const uids = (priors: ReturnType<typeof findPriors>) => priors.map((p) => `${p.study.nodeId}/${p.study.StudyInstanceUID}`);

describe('findPriors, the one prior rule', () => {
  const current = study('pacs-sud', '9.1', chantalSud, '20261206', '100000');

  it('takes priors from every node, each with the node it was found on, most recent first', () => {
    const priors = findPriors(current, [
      study('pacs-nord', '9.0', chantalNord, '20241206'),
      study('pacs-sud', '8.9', chantalSud, '20221206'),
      study('pacs-nord', '8.8', chantalNord, '20251206'),
    ]);
    expect(uids(priors)).toEqual(['pacs-nord/8.8', 'pacs-nord/9.0', 'pacs-sud/8.9']);
    // Two local identities sharing a national identifier: certain, no banner; the own node's: same.
    expect(priors.map((p) => [p.decision.strength, p.decision.banner])).toEqual([
      ['certain', 'none'],
      ['certain', 'none'],
      ['same', 'none'],
    ]);
    expect(priors[0]!.decision.evidence).toContainEqual({ kind: 'same-national-id', IssuerOfPatientID: INS_ISSUER_OID, PatientID: INS });
  });

  it('leaves out later studies (a later day, or the same day later) and keeps undated ones last', () => {
    const priors = findPriors(current, [
      study('pacs-nord', '10.1', chantalNord, '20261207'),
      study('pacs-nord', '10.2', chantalNord, '20261206', '100001'),
      study('pacs-nord', '10.3', chantalNord, '20261206', '095959'),
      study('pacs-sud', '10.4', chantalSud, undefined),
      study('pacs-sud', '10.5', chantalSud, '20200101'),
    ]);
    expect(uids(priors)).toEqual(['pacs-nord/10.3', 'pacs-sud/10.5', 'pacs-sud/10.4']);
  });

  it('never gives the current study itself as its prior, not even from another node', () => {
    expect(findPriors(current, [study('pacs-nord', '9.1', chantalNord, '20261206', '100000'), current])).toEqual([]);
  });

  it('keeps a study held by several nodes once, on the current study’s node whatever the order', () => {
    const onNord = study('pacs-nord', '7.1', chantalNord, '20241206');
    const onSud = study('pacs-sud', '7.1', chantalSud, '20241206');
    expect(uids(findPriors(current, [onNord, onSud]))).toEqual(['pacs-sud/7.1']);
    expect(uids(findPriors(current, [onSud, onNord]))).toEqual(['pacs-sud/7.1']);
    // Neither copy on the current node: the first one found.
    const onCd = study('cd', '7.1', { ...chantalNord, IssuerOfPatientID: 'CD' }, '20241206');
    expect(uids(findPriors(current, [onNord, onCd]))).toEqual(['pacs-nord/7.1']);
  });

  it('does not merge the same PatientID under another issuer silently: probable with its banner when name, birth date and sex agree, else no prior', () => {
    const namesake = { ...chantalSud, IssuerOfPatientID: 'PACS-EXT', OtherPatientIDs: [] };
    const [probable] = findPriors({ ...current, OtherPatientIDs: [] }, [study('pacs-ext', '6.1', namesake, '20231206')]);
    expect(probable?.decision).toMatchObject({ prior: true, strength: 'probable', banner: 'identity-probable' });
    expect(probable?.decision.evidence.map((e) => e.kind)).not.toContain('same-key');
    const someoneElse: Patient = { PatientName: 'MOREAU^Josiane', PatientID: 'S0040044', IssuerOfPatientID: 'PACS-EXT', PatientBirthDate: '19511203', PatientSex: 'F', OtherPatientIDs: [] };
    expect(findPriors(current, [study('pacs-ext', '6.2', someoneElse, '20231206')])).toEqual([]);
  });

  it('scopes a PatientID without issuer to its node: the same bare ID on another node is not the same patient', () => {
    const bare: Patient = { PatientName: 'MOREAU^Josiane', PatientID: '12345', PatientBirthDate: '19511203', PatientSex: 'F', OtherPatientIDs: [] };
    const here = study('pacs-a', '5.2', bare, '20261206');
    const [sameNode] = findPriors(here, [study('pacs-a', '5.1', bare, '20241206')]);
    expect(sameNode?.decision.strength).toBe('same');
    const [otherNode] = findPriors(here, [study('pacs-b', '5.0', bare, '20241206')]);
    expect(otherNode?.decision).toMatchObject({ strength: 'probable', banner: 'identity-probable' });
    expect(findPriors(here, [study('pacs-b', '5.0', { ...bare, PatientBirthDate: '19511204' }, '20241206')])).toEqual([]);
  });

  it('refuses a conflict: the same issuer and ID with another birth date, or another national identifier', () => {
    expect(findPriors(current, [study('pacs-sud', '4.1', { ...chantalSud, PatientBirthDate: '19660816' }, '20241206')])).toEqual([]);
    const otherIns = `1840575123456${String(97n - (1840575123456n % 97n)).padStart(2, '0')}`;
    expect(findPriors(current, [study('pacs-nord', '4.2', { ...chantalNord, OtherPatientIDs: [{ PatientID: otherIns, IssuerOfPatientID: INS_ISSUER_OID }] }, '20241206')])).toEqual([]);
  });

  it('decides again on the patients of the instance metadata: a search answer without issuer and INS gives probable, the metadata gives certain', () => {
    // What Orthanc answers at study level: no IssuerOfPatientID, no OtherPatientIDsSequence.
    const bare = (p: Patient): Patient => ({ ...p, IssuerOfPatientID: undefined, OtherPatientIDs: [] });
    const listed = study('pacs-sud', '9.1', bare(chantalSud), '20261206', '100000');
    const candidate = study('pacs-nord', '9.0', bare(chantalNord), '20241206');
    expect(findPriors(listed, [candidate])[0]?.decision).toMatchObject({ strength: 'probable', banner: 'identity-probable' });
    const instance = (p: Patient) => ({
      '00100010': { vr: 'PN', Value: [{ Alphabetic: p.PatientName }] },
      '00100020': { vr: 'LO', Value: [p.PatientID] },
      '00100021': { vr: 'LO', Value: [p.IssuerOfPatientID] },
      '00101002': { vr: 'SQ', Value: p.OtherPatientIDs.map((id) => ({ '00100020': { vr: 'LO', Value: [id.PatientID] }, '00100021': { vr: 'LO', Value: [id.IssuerOfPatientID] } })) },
      '0020000D': { vr: 'UI', Value: ['another study'] },
    });
    const current = withPatientOfInstance(listed, instance(chantalSud));
    const prior = withPatientOfInstance(candidate, instance(chantalNord));
    expect(current).toMatchObject({ StudyInstanceUID: '9.1', nodeId: 'pacs-sud', IssuerOfPatientID: 'CH-SUD', OtherPatientIDs: [{ PatientID: INS, IssuerOfPatientID: INS_ISSUER_OID }], PatientBirthDate: '19660815', StudyDate: '20261206' });
    expect(findPriors(current, [prior])[0]?.decision).toMatchObject({ strength: 'certain', banner: 'none' });
    // An attribute the metadata lacks keeps the search's value.
    expect(withPatientOfInstance(study('pacs-sud', '9.1', chantalSud, '20261206'), {}).IssuerOfPatientID).toBe('CH-SUD');
  });
});
