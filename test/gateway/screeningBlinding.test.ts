import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMultipart } from '../../app/dicomweb';
import type { ReaderIdentity } from '../../app/report/reportTypes';
import { buildScreeningReadSr, parseScreeningProgramme, type ReadToWrite, type ScreeningCaseAnswer, type ScreeningCaseRow } from '../../app/screening';
import programmeAsset from '../../assets/screening/programme.json';
import { generateMammographyStudy } from '../../main/demo/samples';
import { ReadWithholding } from '../../main/screening/withholdReads';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { sampleRead } from '../fixtures/screening/sampleRead';
import { gatewayUnderTest, type GatewayUnderTest } from './support/gatewayUnderTest';

// Blinding of screening reads at the gateway (issue 16): before the second reader gives their
// read, nothing of the first read reaches them — not in the screening service's answers, not in
// any DICOMweb answer about the study (lists, metadata, retrieves); afterwards both reads and their
// comparison do; a third reader is given the discordant case to arbitrate.

const NODE = 'pacs-depistage';
const reader = (familyName: string, professionalId: string): ReaderIdentity => ({ familyName, givenName: 'Test', professionalId, role: '', institution: 'Centre de dépistage' });
const FIRST = reader('PREMIERE', '10000000011');
const SECOND = reader('SECONDE', '10000000022');
const ARBITER = reader('TIERCE', '10000000033');

const mg = generateMammographyStudy({
  seed: 'gw-screening',
  patient: { PatientName: 'DEPISTAGE^Anne', PatientID: 'DEP-77', PatientBirthDate: '19650505', PatientSex: 'F' },
  study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7716', StudyDate: '20261201', StudyTime: '091500', AccessionNumber: 'DEP77', StudyID: '77', StudyDescription: 'Mammographie de dépistage' },
  Rows: 256,
  Columns: 208,
});
const STUDY = mg.StudyInstanceUID;
const study = { StudyInstanceUID: STUDY, PatientName: 'DEPISTAGE^Anne', PatientID: 'DEP-77', PatientBirthDate: '19650505', PatientSex: 'F' as const, StudyDate: '20261201', AccessionNumber: 'DEP77' };
const normal = { R: { assessment: 1, density: 'b', recall: false }, L: { assessment: 1, density: 'b', recall: false } } as const;
const recallLeft = { R: normal.R, L: { assessment: 4, density: 'b', recall: true } } as const;

function readBy(who: ReaderIdentity, role: ReadToWrite['role'], breasts: ReadToWrite['breasts'], n: number, comment: string): Uint8Array {
  return buildScreeningReadSr(sampleRead({ role, reader: who, study, breasts, findings: [], comment, submittedAt: new Date(2026, 11, 7, 10, n), uids: { SeriesInstanceUID: `2.25.9977${n}1`, SOPInstanceUID: `2.25.9977${n}2` } }));
}

describe('screening reads through the gateway: blinding, comparison, arbitration (real Orthanc)', () => {
  let pacs: OrthancInstance;
  let gw: GatewayUnderTest;
  let current: ReaderIdentity = SECOND;
  const programme = parseScreeningProgramme(programmeAsset);

  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'gw-screening', aeTitle: 'GW_DEPIST', username: 'dep', password: 'dep-secret' });
    await storeInstancesStow(pacs, [...mg.instances.map((i) => i.buffer), readBy(FIRST, 'first', normal, 1, 'Lecture de PREMIERE : normal.')]);
    gw = await gatewayUnderTest([{ id: NODE, name: 'PACS Dépistage', kind: 'dicomweb', baseUrl: pacs.dicomWebUrl, auth: { type: 'basic', username: pacs.username, password: pacs.password } }], {
      screening: { programme: () => programme, reader: () => current, withholding: new ReadWithholding() },
    });
  }, 120_000);
  afterAll(async () => {
    await gw?.close();
    await pacs?.stop();
  });

  const text = async (path: string, accept = 'application/dicom+json') => {
    const res = await gw.call(path, { headers: { accept } });
    return { status: res.status, body: res.status === 204 ? '' : Buffer.from(await res.arrayBuffer()).toString('latin1') };
  };
  const caseOf = async () => (await (await gw.call(`/nodes/${NODE}/screening/studies/${STUDY}`)).json()) as ScreeningCaseAnswer;

  it('lists the case for the second reader, with no trace of the first read in any answer about the study', async () => {
    current = SECOND;
    const rows = (await (await gw.call(`/nodes/${NODE}/screening/cases`)).json()) as ScreeningCaseRow[];
    expect(rows.map((r) => [r.StudyInstanceUID, r.stage.stage, r.role])).toEqual([[STUDY, 'second-read', 'second']]);
    const answer = await caseOf();
    expect(answer).toMatchObject({ stage: { stage: 'second-read' }, role: 'second', reads: [], problems: [] });
    expect(answer.comparison).toBeUndefined();
    const base = `/nodes/${NODE}/dicom-web/studies/${STUDY}`;
    const answers = [
      await text(`${base}/series`),
      await text(`${base}/instances`),
      await text(`${base}/metadata`),
      await text(`${base}/series?Modality=SR`),
      await text(`${base}`, 'multipart/related; type="application/dicom"'),
      { status: 200, body: JSON.stringify(rows) + JSON.stringify(answer) },
    ];
    for (const { body } of answers) {
      expect(body).not.toContain('PREMIERE');
      expect(body).not.toContain('2.25.997712');
      expect(body).not.toContain('"Screening read"');
    }
    // The image series is all the study shows; the read's series cannot be asked for by its UID.
    expect(JSON.parse(answers[0]!.body).length).toBe(1);
    expect(answers[1]!.body && JSON.parse(answers[1]!.body).length).toBe(4);
    expect(answers[3]!.status).toBe(204);
    expect(answers[4]!.status).toBe(403);
    const direct = await text(`${base}/series/2.25.997711/metadata`);
    expect(direct.status).toBe(403);
    expect(JSON.parse(direct.body).code).toBe('READ_BLINDED');
  });

  it('shows both reads and their comparison once the second read is given; a discordant case goes to a third reader', async () => {
    const boundary = 'garde-screening-read';
    const body = buildMultipart([{ headers: { 'Content-Type': 'application/dicom' }, body: readBy(SECOND, 'second', recallLeft, 2, 'Lecture de SECONDE : masse gauche.') }], boundary);
    const contentType = `multipart/related; type="application/dicom"; boundary=${boundary}`;
    const stored = await gw.call(`/nodes/${NODE}/dicom-web/studies`, { method: 'POST', headers: { 'content-type': contentType, accept: 'application/dicom+json' }, body: new Uint8Array(body) });
    expect(stored.status).toBe(200);
    const afterwards = await caseOf();
    expect(afterwards.stage).toEqual({ stage: 'arbitration' });
    expect(afterwards.role).toBe('already-read');
    expect(afterwards.reads.map((r) => [r.role, r.reader.familyName]).sort()).toEqual([['first', 'PREMIERE'], ['second', 'SECONDE']]);
    expect(afterwards.comparison?.discordant).toBe(true);
    expect(afterwards.comparison?.breasts.map((b) => [b.breast, b.recall])).toEqual([['R', false], ['L', true]]);

    current = ARBITER;
    const forArbiter = await caseOf();
    expect(forArbiter.role).toBe('arbitration');
    expect(forArbiter.reads).toHaveLength(2);
    // The first reader cannot arbitrate their own case.
    current = FIRST;
    expect((await caseOf()).role).toBe('already-read');
  });

  it('closes the case with the arbiter’s decision', async () => {
    await storeInstancesStow(pacs, [readBy(ARBITER, 'arbitration', recallLeft, 3, 'Arbitrage : rappel gauche.')]);
    current = ARBITER;
    const closed = await caseOf();
    expect(closed.stage).toEqual({ stage: 'closed', recall: true, by: 'arbitration' });
    expect(closed.reads).toHaveLength(3);
    // The readers' statistics over the closed case, as CSV.
    const statistics = await gw.call(`/nodes/${NODE}/screening/statistics`);
    expect(statistics.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await statistics.text()).trim().split('\r\n');
    expect(lines.slice(1)).toEqual(['PREMIERE Test,10000000011,1,0,0.000,1,1.000,0,0', 'SECONDE Test,10000000022,1,1,1.000,1,1.000,1,0', 'TIERCE Test,10000000033,0,0,,0,,0,1']);
    const audit = gw.auditRecords().filter((r) => JSON.stringify(r).includes(STUDY));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuses the screening service until the reader is given', async () => {
    const gwNoReader = await gatewayUnderTest([{ id: NODE, name: 'PACS Dépistage', kind: 'dicomweb', baseUrl: pacs.dicomWebUrl, auth: { type: 'basic', username: pacs.username, password: pacs.password } }], {
      screening: { programme: () => programme, reader: () => undefined, withholding: new ReadWithholding() },
    });
    try {
      const res = await gwNoReader.call(`/nodes/${NODE}/screening/cases`);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { message: string }).message).toMatch(/reader in Settings/);
    } finally {
      await gwNoReader.close();
    }
  });
});
