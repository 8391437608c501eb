import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMammographyStudy } from '../../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../../fixtures/pacs';
import { syncCall } from '../pages/syncPageHelpers';
import { saveReader, READER } from '../support/reportPage';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from '../support/workstation';

// The French programme's second reading (issue 16): only the examinations the first reader found
// normal go to the second reader; a first read that recalls closes the case. The first reader's
// second read is written while the PACS is down, stays in the outbox, and is stored exactly once
// when the PACS is back.

const NODE = 'pacs-crcdc';
const who = (familyName: string, professionalId: string) => ({ ...READER, familyName, givenName: 'Lecteur', professionalId });
const FIRST = who('UN', '10000000404');
const SECOND = who('DEUX', '10000000505');
const study = (n: number) =>
  generateMammographyStudy({
    seed: `e2e-second-read-${n}`,
    patient: { PatientName: `NORMALE^Cas${n}`, PatientID: `CRC-${n}`, PatientBirthDate: '19600101', PatientSex: 'F' },
    study: { StudyInstanceUID: `1.2.826.0.1.3680043.10.543.1610${n}`, StudyDate: '20261204', StudyTime: '100000', AccessionNumber: `CRC${n}`, StudyID: String(n), StudyDescription: 'Mammographie de dépistage' },
    Rows: 256,
    Columns: 208,
  });
const NORMAL = study(1);
const RECALLED = study(2);

async function useSecondReadOfNormals(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('screening-workflow').selectOption('second-read-of-normals');
  await page.getByTestId('screening-settings-saved').waitFor();
}

const openCase = (page: Page) => page.locator('[data-testid=screening-session] [data-testid=study-viewer]').getAttribute('data-study');
const readPanel = (page: Page) => page.locator('[data-testid=screening-read][data-role=first], [data-testid=screening-read][data-role=second]').waitFor({ timeout: 60_000 });

describe('second reading of the first reads found normal (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  const stations: Workstation[] = [];
  const stows: number[] = [];
  const start = async (reader: typeof READER, onPage?: (page: Page) => void) => {
    const station = await startWorkstation({ nodes: [dicomwebNode(NODE, 'PACS CRCDC', pacs)], viewport: { width: 1500, height: 950 }, ...(onPage ? { onPage } : {}) });
    stations.push(station);
    await saveReader(station.page, reader);
    await useSecondReadOfNormals(station.page);
    return station;
  };
  const readsOf = async (StudyInstanceUID: string) => {
    const res = await fetch(`${pacs.dicomWebUrl}/studies/${StudyInstanceUID}/instances?Modality=SR`, { headers: { authorization: pacs.authorization, accept: 'application/dicom+json' } });
    return res.status === 204 ? [] : ((await res.json()) as unknown[]);
  };

  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'e2e-second-read', aeTitle: 'E2E_CRCDC', username: 'crc', password: 'crc-secret', workDir: mkdtempSync(join(tmpdir(), 'garde-e2e-second-read-')) });
    await storeInstancesStow(pacs, [...NORMAL.instances, ...RECALLED.instances].map((i) => i.buffer));
  }, 120_000);
  afterAll(async () => {
    for (const s of stations) await s.stop();
    await pacs?.stop({ graceMs: 0 }).catch(() => undefined);
  });
  for (const n of [0, 1]) failOnPageErrors(() => stations[n]);

  it('the first reader reads both cases in one session; the one read with the PACS down is stored once when it is back', async () => {
    const station = await start(FIRST, (p) =>
      p.on('requestfinished', (r) => {
        if (r.method() === 'POST' && r.url().endsWith(`/nodes/${NODE}/dicom-web/studies`)) void r.response().then((res) => res && stows.push(res.status()));
      }),
    );
    const { page } = station;
    await page.getByTestId('nav-screening').click();
    await expect.poll(() => page.locator('[data-testid=screening-cases] tr').count(), { timeout: 30_000 }).toBe(2);
    await page.getByTestId('screening-start').click();
    for (let n = 0; n < 2; n += 1) {
      await page.locator('[data-testid=screening-session] [data-testid=stack-viewport][data-state=ready]').first().waitFor({ timeout: 60_000 });
      await readPanel(page);
      expect(await page.getByTestId('session-counter').textContent()).toContain(String(n + 1));
      if ((await openCase(page)) === NORMAL.StudyInstanceUID) {
        await page.keyboard.press('n');
        await page.keyboard.press('Enter');
        await page.locator('[data-testid=screening-read][data-role=already-read]').waitFor({ timeout: 60_000 });
      } else {
        // The PACS goes away before the read is given.
        station.expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 50[23] \((Service Unavailable|Bad Gateway)\)$/);
        const { httpPort, dicomPort, workDir } = pacs;
        process.kill(pacs.pid, 'SIGKILL');
        await pacs.exited;
        await page.getByTestId('read-R-birads-1').click();
        await page.getByTestId('read-L-birads-5').click();
        await page.getByTestId('read-submit').click();
        await page.getByTestId('read-waiting').waitFor();
        // Queued, not sent: the outbox holds it.
        await expect.poll(async () => (await syncCall<{ StudyInstanceUID: string; state: number }[]>(page, 'outbox')).filter((o) => o.StudyInstanceUID === RECALLED.StudyInstanceUID).length).toBe(1);
        pacs = await startOrthanc({ name: 'e2e-second-read', aeTitle: 'E2E_CRCDC', username: 'crc', password: 'crc-secret', httpPort, dicomPort, workDir });
        await syncCall(page, 'sendNow');
        await page.locator('[data-testid=screening-read][data-stage=closed]').waitFor({ timeout: 60_000 });
        expect(await page.getByTestId('case-outcome').getAttribute('data-recall')).toBe('true');
      }
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('screening-page').waitFor();
    expect(await readsOf(NORMAL.StudyInstanceUID)).toHaveLength(1);
    expect(await readsOf(RECALLED.StudyInstanceUID)).toHaveLength(1);
    expect(stows.filter((s) => s === 200)).toEqual([200, 200]);
  }, 240_000);

  it('only the case read normal is on the second reader’s list; the recalled one is closed', async () => {
    const { page } = await start(SECOND);
    await page.getByTestId('nav-screening').click();
    await page.getByTestId('screening-list-second').click();
    await expect.poll(() => page.locator('[data-testid=screening-cases] tr').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('[data-testid=screening-cases] tr').getAttribute('data-study')).toBe(NORMAL.StudyInstanceUID);
    await page.getByTestId('screening-list-done').click();
    await expect.poll(() => page.locator('[data-testid=screening-cases] tr').count()).toBe(1);
    expect(await page.locator('[data-testid=screening-cases] tr').getAttribute('data-study')).toBe(RECALLED.StudyInstanceUID);
    expect(await page.locator('[data-testid=screening-cases] tr').getAttribute('data-stage')).toBe('closed');
  }, 180_000);
});
