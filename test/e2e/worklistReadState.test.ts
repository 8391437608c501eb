import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { syncCall } from './pages/syncPageHelpers';
import { screenshotPath } from './support/chromium';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

// The worklist's read state of each study (new, in progress, reported, sent), from the viewer and
// the outbox, kept across a reload; filtered; marked new again from the row, by button or key.

const NODE = 'pacs-lecture';
const today = toDicomDate(new Date());
const patient = { PatientName: 'LECTURE^Luc', PatientID: 'RS-1', PatientBirthDate: '19580101', PatientSex: 'M' as const };
const read = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9801', StudyDate: today, StudyTime: '010000', AccessionNumber: 'RS1', StudyID: '1', StudyDescription: 'CT read' };
const other = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9802', StudyDate: today, StudyTime: '020000', AccessionNumber: 'RS2', StudyID: '2', StudyDescription: 'CT other' };

describe('worklist read state (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);
  // The answer sent for the study: one more instance of it (a new series), as Part 10 bytes.
  const answer = generateCtPhantom({ seed: 'read-state-answer', patient, study: read, Rows: 32, Columns: 32, slices: 1, SeriesNumber: 99 }).instances[0]!;

  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'e2e-read', aeTitle: 'E2E_READ', username: 'read', password: 'read-secret', workDir: mkdtempSync(join(tmpdir(), 'garde-e2e-read-')) });
    const images = [read, other].flatMap((study, i) => generateCtPhantom({ seed: `read-state-${i}`, patient, study, Rows: 64, Columns: 64, slices: 4 }).instances.map((x) => x.buffer));
    await storeInstancesStow(pacs, images);
    workstation = await startWorkstation({ nodes: [dicomwebNode(NODE, 'PACS Lecture', pacs)], locale: 'fr-FR', viewport: { width: 1600, height: 900 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 }).catch(() => undefined);
  });

  const row = (uid: string) => page.locator(`[data-testid=worklist-table] tbody tr[data-study="${uid}"]`);
  const badge = (uid: string) => row(uid).getByTestId('read-state');
  const stateOf = (uid: string) => badge(uid).getAttribute('data-read-state', { timeout: 30_000 });
  async function open(uid: string): Promise<void> {
    await row(uid).click();
    await page.getByTestId('worklist-table').press('Enter');
    await page.locator(`[data-testid=study-viewer][data-study="${uid}"]`).waitFor({ timeout: 60_000 });
    // A study with a prior opens in the comparison layout: two viewports.
    await page.locator('[data-testid=stack-viewport][data-state=ready]').first().waitFor({ timeout: 60_000 });
    await page.getByTestId('nav-worklist').click();
    await row(uid).waitFor({ timeout: 60_000 });
  }

  it('shows both studies as new, in words', async () => {
    await row(read.StudyInstanceUID).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=page-worklist][data-read-states=known]').waitFor({ timeout: 30_000 });
    expect(await stateOf(read.StudyInstanceUID)).toBe('new');
    expect(await stateOf(other.StudyInstanceUID)).toBe('new');
    expect(await badge(read.StudyInstanceUID).textContent()).toBe('Nouveau');
    expect(await row(read.StudyInstanceUID).getByTestId('mark-new').count()).toBe(0);
  });

  it('shows a study opened in the viewer as in progress once back on the worklist', async () => {
    await open(read.StudyInstanceUID);
    await expect.poll(() => stateOf(read.StudyInstanceUID), { timeout: 30_000 }).toBe('inProgress');
    expect(await badge(read.StudyInstanceUID).textContent()).toBe('En cours');
    expect(await stateOf(other.StudyInstanceUID)).toBe('new');
  });

  it('shows it reported while its answer waits for the stopped PACS, sent once the PACS acknowledges it', async () => {
    // Sending the answer to the stopped PACS: the gateway says 503 Service Unavailable.
    workstation.expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 503 \(Service Unavailable\)$/);
    const { httpPort, dicomPort, workDir } = pacs;
    process.kill(pacs.pid, 'SIGKILL');
    await pacs.exited;
    await syncCall(page, 'addOutboxItem', { nodeId: NODE, StudyInstanceUID: read.StudyInstanceUID, SOPInstanceUID: answer.SOPInstanceUID, bytes: [...new Uint8Array(answer.buffer)] });
    await expect.poll(() => stateOf(read.StudyInstanceUID), { timeout: 30_000 }).toBe('reported');
    expect(await badge(read.StudyInstanceUID).textContent()).toBe('Signé');
    // Waiting (2) after a failed attempt: still reported.
    await expect.poll(async () => (await syncCall<{ state?: number }[]>(page, 'outbox')).map((r) => r.state), { timeout: 30_000 }).toEqual([2]);
    expect(await stateOf(read.StudyInstanceUID)).toBe('reported');
    await page.screenshot({ path: screenshotPath('worklist-read-state-reported-fr') });

    pacs = await startOrthanc({ name: 'e2e-read', aeTitle: 'E2E_READ', username: 'read', password: 'read-secret', httpPort, dicomPort, workDir });
    await syncCall(page, 'sendNow');
    await expect.poll(() => stateOf(read.StudyInstanceUID), { timeout: 60_000 }).toBe('sent');
    expect(await badge(read.StudyInstanceUID).textContent()).toBe('Envoyé');
    const stored = await fetch(`${pacs.dicomWebUrl}/instances?SOPInstanceUID=${answer.SOPInstanceUID}`, { headers: { authorization: pacs.authorization, accept: 'application/dicom+json' } });
    expect(((await stored.json()) as unknown[]).length).toBe(1);
  });

  it('keeps the read states across a reload', async () => {
    await page.reload();
    await row(read.StudyInstanceUID).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=page-worklist][data-read-states=known]').waitFor({ timeout: 30_000 });
    expect(await stateOf(read.StudyInstanceUID)).toBe('sent');
    expect(await stateOf(other.StudyInstanceUID)).toBe('new');
  });

  it('hides reported and sent studies with the read-state filter', async () => {
    await page.getByTestId('filter-read').selectOption('toRead');
    await expect.poll(() => page.locator('[data-testid=worklist-table] tbody tr[data-study]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-study'))), { timeout: 10_000 }).toEqual([other.StudyInstanceUID]);
    await page.getByTestId('filter-read').selectOption('sent');
    await expect.poll(() => page.locator('[data-testid=worklist-table] tbody tr[data-study]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-study'))), { timeout: 10_000 }).toEqual([read.StudyInstanceUID]);
    await page.getByTestId('filter-read').selectOption('any');
    await expect.poll(() => page.locator('[data-testid=worklist-table] tbody tr[data-study]').count(), { timeout: 10_000 }).toBe(2);
  });

  it('marks a study new again from its row with the keyboard: its button, or U on the selected row', async () => {
    const button = row(read.StudyInstanceUID).getByTestId('mark-new');
    expect(await button.textContent()).toBe('Marquer non lu');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => stateOf(read.StudyInstanceUID), { timeout: 10_000 }).toBe('new');
    // Enter on the button did not open the study.
    expect(await page.getByTestId('page-worklist').count()).toBe(1);
    expect(await row(read.StudyInstanceUID).getByTestId('mark-new').count()).toBe(0);

    await open(read.StudyInstanceUID);
    await expect.poll(() => stateOf(read.StudyInstanceUID), { timeout: 30_000 }).toBe('inProgress');
    await row(read.StudyInstanceUID).click();
    await page.getByTestId('worklist-table').press('u');
    await expect.poll(() => stateOf(read.StudyInstanceUID), { timeout: 10_000 }).toBe('new');
    await page.reload();
    await page.locator('[data-testid=page-worklist][data-read-states=known]').waitFor({ timeout: 60_000 });
    expect(await stateOf(read.StudyInstanceUID)).toBe('new');
  });
});
