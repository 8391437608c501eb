import { describe, expect, it } from 'vitest';
import { buildReportSr } from '../../../app/report/buildReportSr';
import { buildKeyObjectSelection } from '../../../app/report/buildKeyObjectSelection';
import { readPart10Dataset } from '../../../app/dicom/part10Dataset';
import { dciodvfy, dsrdump, writeTemp } from '../../fixtures/report/validators';
import { sampleReport } from '../../fixtures/report/sampleReport';

describe('report SR (TID 2000, Enhanced SR)', () => {
  it('parses with dsrdump, passes dciodvfy, and carries the text and the reader as written', () => {
    const file = writeTemp(buildReportSr(sampleReport()), 'sr.dcm');
    const dump = dsrdump(file);
    expect(dump.status, dump.out).toBe(0);
    expect(dump.out).toContain('Diagnostic imaging report');
    expect(dump.out).toContain('Embolie pulmonaire lobaire inférieure droite.');
    expect(dump.out).toContain('LEROY^Anne');
    expect(dump.out).toContain('Verification Flag   : VERIFIED');
    const check = dciodvfy(file);
    expect(check.errors, check.out).toEqual([]);
  });

  it('writes the study and patient as the node identifies them, in UTF-8', () => {
    const { dataset } = readPart10Dataset(buildReportSr(sampleReport()));
    expect(dataset['00080005']?.Value).toEqual(['ISO_IR 192']);
    expect(dataset['0020000D']?.Value).toEqual(['1.2.826.0.1.3680043.10.1']);
    expect(dataset['00100020']?.Value).toEqual(['IPP-4711']);
    expect(dataset['00100021']?.Value).toEqual(['CHU-NORD']);
    expect(dataset['00080050']?.Value).toEqual(['ACC-2026-0042']);
    expect(dataset['00100010']?.Value).toEqual([{ Alphabetic: 'DURAND^Hélène' }]);
  });

  it('names the SR it amends as predecessor', () => {
    const predecessor = { SeriesInstanceUID: '2.25.1001', SOPInstanceUID: '2.25.1002', SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.22' };
    const amended = sampleReport({ version: 2, predecessor, uids: { ...sampleReport().uids, sr: { SeriesInstanceUID: '2.25.1001', SOPInstanceUID: '2.25.1003' } } });
    const file = writeTemp(buildReportSr(amended), 'sr2.dcm');
    const check = dciodvfy(file);
    expect(check.errors, check.out).toEqual([]);
    const { dataset } = readPart10Dataset(buildReportSr(amended));
    const pred = dataset['0040A360']?.Value?.[0] as Record<string, { Value?: unknown[] }>;
    expect(JSON.stringify(pred)).toContain('2.25.1002');
  });

  it('is the same bytes when built twice from the same version (a resend is the same instance)', () => {
    expect(Buffer.from(buildReportSr(sampleReport())).equals(Buffer.from(buildReportSr(sampleReport())))).toBe(true);
  });
});

describe('Key Object Selection (TID 2010)', () => {
  it('parses with dsrdump, passes dciodvfy, and lists the key images', () => {
    const file = writeTemp(buildKeyObjectSelection(sampleReport(), 'Images clés'), 'kos.dcm');
    const dump = dsrdump(file);
    expect(dump.status, dump.out).toBe(0);
    expect(dump.out).toContain('Of Interest');
    expect(dump.out).toContain('1.2.826.0.1.3680043.10.1.2.12');
    expect(dump.out).toContain('1.2.826.0.1.3680043.10.1.2.14');
    const check = dciodvfy(file);
    expect(check.errors, check.out).toEqual([]);
  });

  it('refuses an empty selection', () => {
    expect(() => buildKeyObjectSelection(sampleReport({ keyImages: [] }), '')).toThrow(/at least one image/);
  });
});
