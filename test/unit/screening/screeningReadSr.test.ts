import { describe, expect, it } from 'vitest';
import { readPart10Dataset } from '../../../app/dicom/part10Dataset';
import { buildScreeningReadSr, isScreeningReadInstance, readScreeningRead } from '../../../app/screening';
import { dciodvfy, dsrdump, writeTemp } from '../../fixtures/report/validators';
import { sampleRead } from '../../fixtures/screening/sampleRead';

describe('screening read SR (TID 4200, Comprehensive SR)', () => {
  it('parses with dsrdump, passes dciodvfy, and says the reader, role, assessments and finding', () => {
    const file = writeTemp(buildScreeningReadSr(sampleRead()), 'read.dcm');
    const dump = dsrdump(file);
    expect(dump.status, dump.out).toBe(0);
    expect(dump.out).toContain('Comprehensive SR');
    expect(dump.out).toContain('Breast Imaging Report');
    expect(dump.out).toContain('MOREAU^Claire');
    expect(dump.out).toMatch(/Person Observer's Role in this Procedure"\)=\(C28747,NCIt,"Reader"\)/);
    expect(dump.out).toMatch(/Identifier within Person Observer's Role"\)="1"/);
    expect(dump.out).toContain('Mammography assessment (Category 4)');
    expect(dump.out).toContain('Mammographic breast mass');
    expect(dump.out).toContain('SCOORD:=(POINT,812.5/1460)');
    expect(dump.out).toContain('Verification Flag   : VERIFIED');
    const check = dciodvfy(file);
    expect(check.errors, check.out).toEqual([]);
  });

  it('reads back as the read written (every field, both breasts, the finding on its image)', () => {
    const written = sampleRead();
    const { dataset } = readPart10Dataset(buildScreeningReadSr(written));
    expect(isScreeningReadInstance(dataset)).toBe(true);
    const back = readScreeningRead(dataset);
    if (!('read' in back)) throw new Error(back.problem);
    expect(back.read.role).toBe('first');
    expect(back.read.breasts).toEqual(written.breasts);
    expect(back.read.findings).toEqual(written.findings);
    expect(back.read.comment).toBe(written.comment);
    expect(back.read.submittedAt.getTime()).toBe(written.submittedAt.getTime());
    expect(back.read.reader).toMatchObject({ familyName: 'MOREAU', givenName: 'Claire', professionalId: '10009876543', institution: 'Centre de dépistage Sud' });
    expect(back.read.study).toMatchObject({ StudyInstanceUID: written.study.StudyInstanceUID, PatientID: 'DEP-1001', IssuerOfPatientID: 'CRCDC-OC' });
    expect(back.read.SOPInstanceUID).toBe('2.25.77002');
  });

  it('tells second reader and adjudicator apart, and writes a read without findings', () => {
    for (const role of ['second', 'arbitration'] as const) {
      const bytes = buildScreeningReadSr(sampleRead({ role, findings: [], comment: '', breasts: { R: { assessment: 1, density: 'a', recall: false }, L: { assessment: 2, density: 'a', recall: false } } }));
      const file = writeTemp(bytes, `${role}.dcm`);
      expect(dciodvfy(file).errors).toEqual([]);
      const back = readScreeningRead(readPart10Dataset(bytes).dataset);
      expect('read' in back && back.read.role).toBe(role);
      expect('read' in back && back.read.findings).toEqual([]);
    }
  });

  it('writes a read without composition (a normal case given in one key)', () => {
    const bytes = buildScreeningReadSr(sampleRead({ breasts: { R: { assessment: 1, recall: false }, L: { assessment: 1, recall: false } }, findings: [] }));
    expect(dciodvfy(writeTemp(bytes, 'no-density.dcm')).errors).toEqual([]);
    const back = readScreeningRead(readPart10Dataset(bytes).dataset);
    expect('read' in back && back.read.breasts).toEqual({ R: { assessment: 1, recall: false }, L: { assessment: 1, recall: false } });
  });

  it('names what is missing in an SR that is not a complete read', () => {
    const { dataset } = readPart10Dataset(buildScreeningReadSr(sampleRead()));
    const content = dataset['0040A730']!.Value as Record<string, unknown>[];
    // Drop the overall assessment container.
    const without = { ...dataset, '0040A730': { vr: 'SQ', Value: content.filter((item) => !JSON.stringify(item).includes('"111413"')) } };
    expect(readScreeningRead(without as typeof dataset)).toEqual({ problem: 'screening read 2.25.77002: no assessment for the right breast' });
    const notBreast = { ...dataset, '0040A043': { vr: 'SQ', Value: [{ '00080100': { vr: 'SH', Value: ['18748-4'] }, '00080102': { vr: 'SH', Value: ['LN'] } }] } };
    expect(readScreeningRead(notBreast as typeof dataset)).toEqual({ problem: 'screening read 2.25.77002: not a Breast Imaging Report (TID 4200)' });
  });
});

describe('a finding marked on a mammogram', () => {
  const image = { SeriesInstanceUID: '2.25.1', SOPInstanceUID: '2.25.2', SOPClassUID: '1.2.840.10008.5.1.4.1.1.1.2' };
  const instance = (laterality?: string) => ({
    ...(laterality ? { '00200062': { vr: 'CS', Value: [laterality] } } : {}),
    '00185101': { vr: 'CS', Value: ['MLO'] },
    '00540220': { vr: 'SQ', Value: [{ '00080100': { vr: 'SH', Value: ['399162004'] }, '00080102': { vr: 'SH', Value: ['SCT'] } }] },
  });
  it('takes its breast from ImageLaterality and its view from the view code', async () => {
    const { findingOfImage } = await import('../../../app/screening');
    expect(findingOfImage('calcifications', image, instance('L'), [10.04, 20.96])).toEqual({ finding: { kind: 'calcifications', laterality: 'L', view: 'CC', image, point: [10, 21] } });
  });
  it('refuses an image that does not say its breast', async () => {
    const { findingOfImage } = await import('../../../app/screening');
    expect(findingOfImage('mass', image, instance(), [1, 1])).toEqual({ problem: 'no-laterality' });
    expect(findingOfImage('mass', image, instance('B'), [1, 1])).toEqual({ problem: 'no-laterality' });
  });
});
