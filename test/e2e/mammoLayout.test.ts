import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateMammographyWithPrior, type MammographyStudy, type MammoViewName } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { hangingCells, mammoCellChecks } from './support/mammoCanvas';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const Rows = 512;
const Columns = 416;
const patient = { PatientName: 'MAMMO^Claire', PatientID: 'MG-7001', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19680502', PatientSex: 'F' as const };
const today = new Date();
const twoYearsAgo = new Date(today.getFullYear() - 2, today.getMonth(), today.getDate());
const study = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7001', StudyDate: toDicomDate(today), StudyTime: '090000', AccessionNumber: 'MG1', StudyID: '1', StudyDescription: 'Screening mammography' };
const priorStudy = { ...study, StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7000', StudyDate: toDicomDate(twoYearsAgo), AccessionNumber: 'MG0' };
const ORDER: MammoViewName[] = ['RCC', 'LCC', 'RMLO', 'LMLO'];

describe('mammography hung by its protocol (real PACS, web mode, Chromium)', () => {
  let pacs: OrthancInstance;
  let current: MammographyStudy;
  let prior: MammographyStudy;
  let workstation: Workstation;
  let page: Page;

  beforeAll(async () => {
    ({ current, prior } = generateMammographyWithPrior({ seed: 'e2e-mammo', patient, study, priorStudy, Rows, Columns }));
    pacs = await startOrthanc({ name: 'e2e-mammo', aeTitle: 'E2E_MAMMO', username: 'mammo', password: 'mammo-secret' });
    await storeInstancesStow(pacs, [...current.instances, ...prior.instances].map((i) => i.buffer));
    workstation = await startWorkstation({ nodes: [dicomwebNode('pacs-mammo', 'PACS Mammo', pacs)], viewport: { width: 1400, height: 900 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });
  failOnPageErrors(() => workstation);

  it('opens the screening study from the worklist as RCC | LCC over RMLO | LMLO, chest walls meeting in the middle', async () => {
    const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${study.StudyInstanceUID}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.getByTestId('worklist-table').press('Enter');
    await page.locator('[data-testid=hanging-layout][data-protocol=mg-screening][data-stage=current]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=hanging-cell][data-state=ready]').nth(3).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('mammo-current') });
    expect(await page.getByTestId('hanging-stage').textContent()).toContain('Current: CC over MLO');
    const shown = await hangingCells(page);
    expect(shown).toHaveLength(4);
    for (const [i, cell] of shown.entries()) {
      const view = current.views.find((v) => v.view === ORDER[i])!;
      expect(await cell.getAttribute('data-sop')).toBe(view.instance.SOPInstanceUID);
      expect(await cell.getAttribute('data-view')).toBe(`${ORDER[i]!.slice(0, 1)} ${ORDER[i]!.slice(1)}`);
      await mammoCellChecks(cell, view, Rows, Columns);
    }
    expect(await page.getByTestId('hanging-prior').count()).toBe(0);
  });

  it('shows the prior stage with the prior’s images, labelled Prior with its date, on ]', async () => {
    await page.keyboard.press(']');
    await page.locator('[data-testid=hanging-layout][data-stage=prior]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=hanging-cell][data-state=ready]').nth(3).waitFor({ timeout: 60_000 });
    const shown = await hangingCells(page);
    expect(shown).toHaveLength(4);
    for (const [i, cell] of shown.entries()) {
      const view = prior.views.find((v) => v.view === ORDER[i])!;
      expect(await cell.getAttribute('data-study')).toBe(priorStudy.StudyInstanceUID);
      expect(await cell.getAttribute('data-sop')).toBe(view.instance.SOPInstanceUID);
      await mammoCellChecks(cell, view, Rows, Columns);
    }
    const label = `Prior ${priorStudy.StudyDate.slice(0, 4)}-${priorStudy.StudyDate.slice(4, 6)}-${priorStudy.StudyDate.slice(6, 8)}`;
    expect(await page.getByTestId('hanging-prior').allTextContents()).toEqual([label, label, label, label]);
    // The same issuer and ID on the same node: a certain identity, no warning banner.
    expect(await page.getByTestId('hanging-identity-probable').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('mammo-prior') });
    await page.keyboard.press('[');
    await page.locator('[data-testid=hanging-layout][data-stage=current]').waitFor({ timeout: 20_000 });
  });
});
