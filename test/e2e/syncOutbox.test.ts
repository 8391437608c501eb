import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom } from '../../main/demo/samples';
import { startOrthanc, type OrthancInstance } from '../fixtures/pacs';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';
import { syncCall } from './pages/syncPageHelpers';

// Outbox (issue 5 item 7): an item queued while its PACS is down waits with backoff, survives a
// reload, and is delivered exactly once (one acknowledged STOW-RS, one instance in Orthanc).

const NODE = 'pacs-outbox';

describe('outbox sender (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let workstation: Workstation;
  let page: Page;
  const stows: number[] = [];
  failOnPageErrors(() => workstation);
  const item = generateCtPhantom({
    seed: 'outbox',
    patient: { PatientName: 'OUTBOX^Olga', PatientID: 'OUT-1', PatientBirthDate: '19700101', PatientSex: 'F' },
    study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9601', StudyDate: '20260101', StudyTime: '010000', AccessionNumber: 'OB1', StudyID: '1', StudyDescription: 'Outbox' },
    Rows: 64,
    Columns: 64,
    slices: 1,
  }).instances[0]!;

  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'e2e-outbox', aeTitle: 'E2E_OUTBOX', username: 'outbox', password: 'outbox-secret', workDir: mkdtempSync(join(tmpdir(), 'garde-e2e-outbox-')) });
    const watch = (p: Page) =>
      p.on('requestfinished', (r) => {
        if (r.method() === 'POST' && r.url().endsWith(`/nodes/${NODE}/dicom-web/studies`)) void r.response().then((res) => res && stows.push(res.status()));
      });
    workstation = await startWorkstation({ nodes: [dicomwebNode(NODE, 'PACS Outbox', pacs)], onPage: watch });
    page = workstation.page;
  }, 120_000);
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 }).catch(() => undefined);
  });

  const outbox = () => syncCall<{ SOPInstanceUID: string; state?: number; attempts: number; bytes: number }[]>(page, 'outbox');

  it('delivers an item queued while the PACS is down exactly once, across a reload', async () => {
    // Each attempt to send to the stopped PACS: the gateway says 503 Service Unavailable.
    workstation.expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 503 \(Service Unavailable\)$/);
    const { httpPort, dicomPort, workDir } = pacs;
    process.kill(pacs.pid, 'SIGKILL');
    await pacs.exited;
    await syncCall(page, 'addOutboxItem', { nodeId: NODE, StudyInstanceUID: item.StudyInstanceUID, SOPInstanceUID: item.SOPInstanceUID, bytes: [...new Uint8Array(item.buffer)] });
    // Waiting (2) after a failed attempt.
    await expect.poll(async () => (await outbox()).map((r) => [r.state, r.attempts > 0]), { timeout: 30_000 }).toEqual([[2, true]]);
    await page.reload();
    await page.getByTestId('sync-status').waitFor({ timeout: 60_000 });
    pacs = await startOrthanc({ name: 'e2e-outbox', aeTitle: 'E2E_OUTBOX', username: 'outbox', password: 'outbox-secret', httpPort, dicomPort, workDir });
    await syncCall(page, 'sendNow');
    // Acknowledged (3).
    await expect.poll(async () => (await outbox()).map((r) => r.state), { timeout: 60_000 }).toEqual([3]);
    expect(stows.filter((s) => s === 200)).toEqual([200]);
    // The PACS holds it now: the cache keeps no copy of the object.
    expect((await outbox()).map((r) => r.bytes)).toEqual([0]);
    const found = await fetch(`${pacs.dicomWebUrl}/instances?SOPInstanceUID=${item.SOPInstanceUID}`, { headers: { authorization: pacs.authorization, accept: 'application/dicom+json' } });
    expect(((await found.json()) as unknown[]).length).toBe(1);
  }, 180_000);
});
