import { describe, expect, it } from 'vitest';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { matchesFilter } from '../../../renderer/cache/cachedWorklist';
import { defaultFilter } from '../../../renderer/features/worklist/defaultFilter';

const study: StudySummary = {
  nodeId: 'nord',
  StudyInstanceUID: '1.2.3',
  PatientName: 'DUPONT^Jean Pierre',
  PatientID: 'F-1',
  StudyDate: '20260114',
  AccessionNumber: 'ACC-A',
  ModalitiesInStudy: ['CT', 'SR'],
  OtherPatientIDs: [],
};

describe('default worklist search', () => {
  it('starts yesterday in local time, across a month and a year boundary', () => {
    expect(defaultFilter([{ kind: 'dicomweb' }], new Date(2026, 0, 14, 23, 30))).toEqual({ fromDate: '20260113' });
    expect(defaultFilter([{ kind: 'dimse' }], new Date(2026, 2, 1, 0, 5))).toEqual({ fromDate: '20260228' });
    expect(defaultFilter([{ kind: 'dicomweb' }, { kind: 'folder' }], new Date(2026, 0, 1, 1, 0))).toEqual({ fromDate: '20251231' });
  });
  it('has no date limit with only folders (CD, demo archive)', () => {
    expect(defaultFilter([{ kind: 'folder' }], new Date(2026, 0, 14))).toEqual({});
  });
});

describe('search filter on cached studies (as QIDO-RS would match them, PS3.4 C.2.2.2)', () => {
  it('matches the date range inclusively, and not a study without a date', () => {
    expect(matchesFilter(study, { fromDate: '20260114', toDate: '20260114' })).toBe(true);
    expect(matchesFilter(study, { fromDate: '20260115' })).toBe(false);
    expect(matchesFilter(study, { toDate: '20260113' })).toBe(false);
    expect(matchesFilter({ ...study, StudyDate: undefined }, { fromDate: '20260101' })).toBe(false);
  });
  it('matches the name as a case-insensitive prefix of family then given names', () => {
    expect(matchesFilter(study, { patientName: 'dup' })).toBe(true);
    expect(matchesFilter(study, { patientName: 'Dupont  jean' })).toBe(true);
    expect(matchesFilter(study, { patientName: 'jean' })).toBe(false);
  });
  it('matches patient ID, accession number and modality exactly', () => {
    expect(matchesFilter(study, { patientId: ' F-1 ' })).toBe(true);
    expect(matchesFilter(study, { patientId: 'F-10' })).toBe(false);
    expect(matchesFilter(study, { accessionNumber: 'ACC-A' })).toBe(true);
    expect(matchesFilter(study, { accessionNumber: 'ACC' })).toBe(false);
    expect(matchesFilter(study, { modality: 'SR' })).toBe(true);
    expect(matchesFilter(study, { modality: 'MR' })).toBe(false);
  });
  it('needs every criterion', () => {
    expect(matchesFilter(study, { fromDate: '20260113', patientName: 'DUPONT', modality: 'CT', accessionNumber: 'ACC-A', patientId: 'F-1' })).toBe(true);
    expect(matchesFilter(study, { fromDate: '20260113', patientName: 'DUPONT', modality: 'MR' })).toBe(false);
  });
});
