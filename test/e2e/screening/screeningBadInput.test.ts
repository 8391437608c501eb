import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../../app/dicom/formatPersonName';
import { generateMammographyStudy } from '../../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../../fixtures/pacs';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from '../support/workstation';

// Screening studies that are not the four views they should be (issue 16): a missing view leaves
// its cell empty and says which view is missing; a view taken twice shows one image and says so;
// neither is ever filled with another view.

const mg = (n: number, seed = `e2e-mg-bad-${n}`, SeriesNumber = 1) =>
  generateMammographyStudy({
    seed,
    patient: { PatientName: `INCOMPLET^Cas${n}`, PatientID: `BAD-${n}`, PatientBirthDate: '19610101', PatientSex: 'F' },
    study: { StudyInstanceUID: `1.2.826.0.1.3680043.10.543.1620${n}`, StudyDate: toDicomDate(new Date()), StudyTime: '090000', AccessionNumber: `BAD${n}`, StudyID: String(n), StudyDescription: 'Mammographie de dépistage' },
    Rows: 256,
    Columns: 208,
    SeriesNumber,
  });
const MISSING = mg(1);
const DUPLICATED = mg(2);
const REPEAT = mg(2, 'e2e-mg-bad-repeat', 2);

async function open(page: Page, StudyInstanceUID: string): Promise<void> {
  await page.getByTestId('nav-worklist').click();
  const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${StudyInstanceUID}"]`);
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.getByTestId('worklist-table').press('Enter');
  await page.locator(`[data-testid=study-viewer][data-study="${StudyInstanceUID}"] [data-testid=hanging-layout][data-protocol=mg-screening]`).waitFor({ timeout: 60_000 });
}

describe('screening studies with a missing or a duplicated view (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let workstation: Workstation;

  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'e2e-mg-bad', aeTitle: 'E2E_MG_BAD', username: 'bad', password: 'bad-secret', workDir: mkdtempSync(join(tmpdir(), 'garde-e2e-mg-bad-')) });
    const missingLmlo = MISSING.views.filter((v) => v.view !== 'LMLO').map((v) => v.instance.buffer);
    const repeatedRcc = REPEAT.views.filter((v) => v.view === 'RCC').map((v) => v.instance.buffer);
    await storeInstancesStow(pacs, [...missingLmlo, ...DUPLICATED.instances.map((i) => i.buffer), ...repeatedRcc]);
    workstation = await startWorkstation({ nodes: [dicomwebNode('pacs-mg', 'PACS MG', pacs)], viewport: { width: 1400, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 }).catch(() => undefined);
  });
  failOnPageErrors(() => workstation);

  it('leaves the LMLO cell empty and says the view is missing', async () => {
    const { page } = workstation;
    await open(page, MISSING.StudyInstanceUID);
    await expect.poll(() => page.locator('[data-testid=stack-viewport][data-state=ready]').count(), { timeout: 60_000 }).toBe(3);
    const missing = page.getByTestId('hanging-missing-view');
    expect(await missing.count()).toBe(1);
    expect(await missing.getAttribute('data-view')).toBe('L MLO');
    expect(await page.locator('[data-testid=hanging-cell-empty]').getAttribute('data-index')).toBe('3');
  }, 120_000);

  it('shows one RCC of two and says the view is duplicated, the other cells as usual', async () => {
    const { page } = workstation;
    await open(page, DUPLICATED.StudyInstanceUID);
    await expect.poll(() => page.locator('[data-testid=stack-viewport][data-state=ready]').count(), { timeout: 60_000 }).toBe(4);
    const duplicated = page.getByTestId('hanging-duplicated-view');
    expect(await duplicated.count()).toBe(1);
    expect(await duplicated.textContent()).toMatch(/2 images of R CC/);
    expect(await page.getByTestId('hanging-missing-view').count()).toBe(0);
  }, 120_000);
});
