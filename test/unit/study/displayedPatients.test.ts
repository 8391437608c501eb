import { describe, expect, it } from 'vitest';
import { distinctPatients, patientOfInstance } from '../../../renderer/features/study/displayedPatients';

const instance = (id: string, issuer: string | undefined, name: string, birth: string) => ({
  '00100020': { vr: 'LO', Value: [id] },
  ...(issuer ? { '00100021': { vr: 'LO', Value: [issuer] } } : {}),
  '00100010': { vr: 'PN', Value: [{ Alphabetic: name }] },
  '00100030': { vr: 'DA', Value: [birth] },
});

describe('patients shown side by side', () => {
  const current = patientOfInstance('pacs-a', instance('CT-1', 'CHU', 'DOE^Jane', '19600101'));

  it('reads the identity from the instance metadata', () => {
    expect(current).toEqual({ nodeId: 'pacs-a', PatientID: 'CT-1', IssuerOfPatientID: 'CHU', PatientName: 'DOE^Jane', PatientBirthDate: '19600101' });
  });

  it('counts one patient for the same issuer, ID, name (case and accents aside) and birth date', () => {
    const prior = patientOfInstance('pacs-a', instance('CT-1', 'CHU', 'Doé^JANE', '1960.01.01'));
    expect(distinctPatients([current, prior])).toHaveLength(1);
  });

  it('tells apart a probable identity: same name and birth date under another issuer', () => {
    const other = patientOfInstance('pacs-a', instance('CT-1', 'EXT', 'DOE^Jane', '19600101'));
    expect(distinctPatients([current, other, current])).toEqual([current, other]);
  });

  it('tells apart a bare PatientID of another node, another name or another birth date', () => {
    const bare = patientOfInstance('pacs-a', instance('CT-1', undefined, 'DOE^Jane', '19600101'));
    const bareElsewhere = patientOfInstance('pacs-b', instance('CT-1', undefined, 'DOE^Jane', '19600101'));
    expect(distinctPatients([bare, bareElsewhere])).toHaveLength(2);
    expect(distinctPatients([current, patientOfInstance('pacs-a', instance('CT-1', 'CHU', 'DOE^John', '19600101'))])).toHaveLength(2);
    expect(distinctPatients([current, patientOfInstance('pacs-a', instance('CT-1', 'CHU', 'DOE^Jane', '19600102'))])).toHaveLength(2);
  });
});
