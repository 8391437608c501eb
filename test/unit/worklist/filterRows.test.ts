import { describe, expect, it } from 'vitest';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { ReadState } from '../../../renderer/cache/readState';
import { ALL_ROWS, filterRows, matchesRowFilter } from '../../../renderer/features/worklist/filterRows';

const study = (uid: string, nodeId: string, priority?: StudySummary['RequestedProcedurePriority']): StudySummary => ({
  nodeId,
  StudyInstanceUID: uid,
  ModalitiesInStudy: ['CT'],
  OtherPatientIDs: [],
  ...(priority ? { RequestedProcedurePriority: priority } : {}),
});

const studies = [study('1', 'nord', 'STAT'), study('2', 'sud', 'HIGH'), study('3', 'nord'), study('4', 'sud', 'LOW'), study('5', 'nord', 'MEDIUM')];
const reads: Record<string, ReadState> = { '1': ReadState.inProgress, '2': ReadState.reported, '3': ReadState.sent };
const readOf = (s: StudySummary) => reads[s.StudyInstanceUID] ?? ReadState.new;
const uids = (rows: { study: StudySummary }[]) => rows.map((r) => r.study.StudyInstanceUID);

describe('worklist row filters', () => {
  it('keeps every row by default, with its index', () => {
    expect(filterRows(studies, ALL_ROWS, readOf).map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps one node', () => {
    expect(uids(filterRows(studies, { ...ALL_ROWS, nodeId: 'sud' }, readOf))).toEqual(['2', '4']);
  });

  it('keeps emergencies and urgencies, or one priority; no priority is routine', () => {
    expect(uids(filterRows(studies, { ...ALL_ROWS, urgency: 'urgent' }, readOf))).toEqual(['1', '2']);
    expect(uids(filterRows(studies, { ...ALL_ROWS, urgency: 'ROUTINE' }, readOf))).toEqual(['3']);
    expect(uids(filterRows(studies, { ...ALL_ROWS, urgency: 'LOW' }, readOf))).toEqual(['4']);
  });

  it('hides reported and sent studies (to read), or keeps one read state', () => {
    expect(uids(filterRows(studies, { ...ALL_ROWS, read: 'toRead' }, readOf))).toEqual(['1', '4', '5']);
    expect(uids(filterRows(studies, { ...ALL_ROWS, read: 'new' }, readOf))).toEqual(['4', '5']);
    expect(uids(filterRows(studies, { ...ALL_ROWS, read: 'sent' }, readOf))).toEqual(['3']);
  });

  it('does not hide a study whose read state is unknown (no local cache) from the rows to read', () => {
    expect(matchesRowFilter(studies[0]!, { ...ALL_ROWS, read: 'toRead' }, undefined)).toBe(true);
    expect(matchesRowFilter(studies[0]!, { ...ALL_ROWS, read: 'reported' }, undefined)).toBe(false);
  });

  it('combines filters', () => {
    expect(uids(filterRows(studies, { nodeId: 'nord', urgency: 'any', read: 'toRead' }, readOf))).toEqual(['1', '5']);
  });
});
