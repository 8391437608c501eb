import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseStage, compareReads, parseScreeningProgramme, professionalKey, roleFor, visibleReads, type SubmittedRead } from '../../../app/screening';
import { parseDicomDateTime } from '../../../app/report/dicomDateTime';
import { sampleRead } from '../../fixtures/screening/sampleRead';

const asset = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'assets', 'screening', 'programme.json'), 'utf8')) as unknown;
const independent = parseScreeningProgramme(asset);
const frenchModel = parseScreeningProgramme(asset, { workflow: 'second-read-of-normals' });

const reader = (familyName: string, professionalId: string) => ({ familyName, givenName: 'X', professionalId, role: '', institution: 'Centre' });
const A = reader('ALPHA', '10000000001');
const B = reader('BETA', '10000000002');
const Z = reader('ZETA', '10000000003');
const normal = { R: { assessment: 1, density: 'b', recall: false }, L: { assessment: 1, density: 'b', recall: false } } as const;
const recallLeft = { R: normal.R, L: { assessment: 4, density: 'b', recall: true } } as const;
const read = (role: SubmittedRead['role'], who: typeof A, breasts: SubmittedRead['breasts'], minute: number): SubmittedRead => ({ ...sampleRead({ role, reader: who, breasts, submittedAt: new Date(2026, 11, 7, 9, minute) }) });

describe('screening programme settings', () => {
  it('defaults to independent blind double reading with BI-RADS 0, 3, 4, 5, 6 recalled', () => {
    expect(independent).toEqual({ workflow: 'independent', showFirstReadBeforeSubmission: false, recallAssessments: [0, 3, 4, 5, 6], consensus: false });
  });
  it('names the field in error', () => {
    expect(() => parseScreeningProgramme(asset, { workflow: 'triple' })).toThrow(/workflow must be independent or second-read-of-normals, not "triple"/);
    expect(() => parseScreeningProgramme(asset, { recallAssessments: [7] })).toThrow(/recallAssessments/);
    expect(() => parseScreeningProgramme(asset, { showFirstReadBeforeSubmission: 'yes' })).toThrow(/showFirstReadBeforeSubmission/);
  });
});

describe('double reading: concordance, stages, roles and blinding', () => {
  it('a breast is recalled by its box or by an assessment the programme recalls; only recall makes a discordance', () => {
    const boxOnly = { R: { assessment: 2, density: 'b', recall: true }, L: normal.L } as const;
    expect(compareReads({ breasts: normal, findings: [], comment: '' }, { breasts: boxOnly, findings: [], comment: '' }, independent).discordant).toBe(true);
    const densityOnly = { R: { ...normal.R, density: 'c' }, L: normal.L } as const;
    const d = compareReads({ breasts: normal, findings: [], comment: '' }, { breasts: densityOnly, findings: [], comment: '' }, independent);
    expect(d.discordant).toBe(false);
    expect(d.breasts[0]).toEqual({ breast: 'R', recall: false, assessment: false, density: true });
    const category3 = { R: { assessment: 3, density: 'b', recall: false }, L: normal.L } as const;
    expect(compareReads({ breasts: normal, findings: [], comment: '' }, { breasts: category3, findings: [], comment: '' }, independent).breasts[0]!.recall).toBe(true);
  });

  it('independent: first read, second read, then closed when concordant or arbitrated when not', () => {
    expect(caseStage([], independent)).toEqual({ stage: 'first-read' });
    const first = read('first', A, normal, 1);
    expect(caseStage([first], independent)).toEqual({ stage: 'second-read' });
    expect(caseStage([first, read('second', B, normal, 2)], independent)).toEqual({ stage: 'closed', recall: false, by: 'concordance' });
    const discordant = [first, read('second', B, recallLeft, 2)];
    expect(caseStage(discordant, independent)).toEqual({ stage: 'arbitration' });
    expect(caseStage([...discordant, read('arbitration', Z, recallLeft, 3)], independent)).toEqual({ stage: 'closed', recall: true, by: 'arbitration' });
  });

  it('second-read-of-normals: a first read that recalls is not read again; a normal one is', () => {
    expect(caseStage([read('first', A, recallLeft, 1)], frenchModel)).toEqual({ stage: 'closed', recall: true, by: 'single-read' });
    expect(caseStage([read('first', A, normal, 1)], frenchModel)).toEqual({ stage: 'second-read' });
    expect(caseStage([read('first', A, recallLeft, 1)], independent)).toEqual({ stage: 'second-read' });
  });

  it('a reader gives one read of a case: the first reader is neither second reader nor arbiter', () => {
    const first = read('first', A, normal, 1);
    expect(roleFor(professionalKey(A), [], independent)).toBe('first');
    expect(roleFor(professionalKey(A), [first], independent)).toBe('already-read');
    expect(roleFor(professionalKey(B), [first], independent)).toBe('second');
    const discordant = [first, read('second', B, recallLeft, 2)];
    expect(roleFor(professionalKey(B), discordant, independent)).toBe('already-read');
    expect(roleFor(professionalKey(Z), discordant, independent)).toBe('arbitration');
  });

  it('blinding: the second reader sees no read before giving theirs, then both; the arbiter sees the two reads', () => {
    const first = read('first', A, normal, 1);
    expect(visibleReads(professionalKey(B), [first], independent)).toEqual([]);
    expect(visibleReads(professionalKey(B), [first], parseScreeningProgramme(asset, { showFirstReadBeforeSubmission: true }))).toEqual([first]);
    const second = read('second', B, recallLeft, 2);
    expect(visibleReads(professionalKey(B), [first, second], independent)).toEqual([first, second]);
    expect(visibleReads(professionalKey(Z), [first, second], independent)).toEqual([first, second]);
    // A reader who has given their read sees the case's reads as they are.
    expect(visibleReads(professionalKey(A), [first], independent)).toEqual([first]);
  });

  it('the same person is recognised by RPPS, else by name', () => {
    expect(professionalKey({ ...A, familyName: 'autre' })).toBe(professionalKey(A));
    expect(professionalKey({ familyName: ' Durand ', givenName: 'ana', professionalId: '' })).toBe('name:DURAND^ANA');
  });
});

describe('DICOM DT values', () => {
  it('reads the moment with and without an offset', () => {
    expect(parseDicomDateTime('20261207091530+0100')?.toISOString()).toBe('2026-12-07T08:15:30.000Z');
    expect(parseDicomDateTime('20261207091530.25-0230')?.toISOString()).toBe('2026-12-07T11:45:30.250Z');
    expect(parseDicomDateTime('20261207091530')?.getHours()).toBe(9);
    expect(parseDicomDateTime('2026-12-07')).toBeUndefined();
  });
});

describe('reader statistics', () => {
  it('count only closed cases: reads, recalls, discordances, arbitrations upheld; CSV one line per reader', async () => {
    const { readerStatistics, readerStatisticsCsv } = await import('../../../app/screening');
    const concordant = [read('first', A, normal, 1), read('second', B, normal, 2)];
    const arbitrated = [read('first', A, normal, 3), read('second', B, recallLeft, 4), read('arbitration', Z, recallLeft, 5)];
    const pending = [read('first', A, recallLeft, 6)];
    const rows = readerStatistics([concordant, arbitrated, pending], independent);
    expect(rows.map((r) => [r.reader, r.reads, r.recalls, r.discordant, r.upheldByArbitration, r.arbitrations])).toEqual([
      ['ALPHA X', 2, 0, 1, 0, 0],
      ['BETA X', 2, 1, 1, 1, 0],
      ['ZETA X', 0, 0, 0, 0, 1],
    ]);
    const csv = readerStatisticsCsv(rows);
    expect(csv.split('\r\n')[0]).toBe('reader,professional_id,reads,recalls,recall_rate,discordant,discordance_rate,upheld_by_arbitration,arbitrations');
    expect(csv.split('\r\n')[2]).toBe('BETA X,10000000002,2,1,0.500,1,0.500,1,0');
    expect(csv.split('\r\n')[3]).toBe('ZETA X,10000000003,0,0,,0,,0,1');
  });
});
