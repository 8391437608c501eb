// Full-size screening mammograms (3328 columns × 4096 rows, 12 bits stored in 16, MG For
// Presentation with its own window) hung by the protocol and rendered in Chromium's WebGL2:
// Cornerstone3D has had MG images render grey or blank at this size; every cell is checked by its
// pixels (chest wall bright, background dark, laterality marker where it was painted).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateMammographyStudy, type MammographyStudy, type MammoViewName } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { hangingCells, mammoCellChecks } from './support/mammoCanvas';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const Rows = 4096;
const Columns = 3328;
const patient = { PatientName: 'MAMMO^Pleine', PatientID: 'MG-7101', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19640911', PatientSex: 'F' as const };
const study = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7101', StudyDate: toDicomDate(new Date()), StudyTime: '091500', AccessionNumber: 'MG71', StudyID: '1', StudyDescription: 'Screening mammography full size' };
const ORDER: MammoViewName[] = ['RCC', 'LCC', 'RMLO', 'LMLO'];

describe('full-size mammograms (3328 × 4096) render with their window (real PACS, web mode, Chromium)', () => {
  let pacs: OrthancInstance;
  let mammo: MammographyStudy;
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    mammo = generateMammographyStudy({ seed: 'e2e-mammo-full', patient, study });
    // Default size: 3328 columns × 4096 rows, 16 bits allocated (about 27 MB a view).
    expect(mammo.instances.every((i) => i.buffer.byteLength > Rows * Columns * 2)).toBe(true);
    pacs = await startOrthanc({ name: 'e2e-mammo-full', aeTitle: 'E2E_MGFULL', username: 'mammo', password: 'mammo-secret' });
    for (const instance of mammo.instances) await storeInstancesStow(pacs, [instance.buffer]);
    workstation = await startWorkstation({ nodes: [dicomwebNode('pacs-mammo-full', 'PACS Mammo', pacs)], viewport: { width: 1400, height: 900 } });
    page = workstation.page;
  }, 180_000);
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });

  it('hangs RCC | LCC over RMLO | LMLO, each cell showing its breast, chest wall and marker, not grey or blank', async () => {
    await page.goto(`${workstation.web.origin}/open?StudyInstanceUID=${study.StudyInstanceUID}`);
    await page.locator('[data-testid=hanging-layout][data-protocol=mg-screening]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=hanging-cell][data-state=ready]').nth(3).waitFor({ timeout: 120_000 });
    const shown = await hangingCells(page);
    expect(shown).toHaveLength(4);
    for (const [i, cell] of shown.entries()) {
      const view = mammo.views.find((v) => v.view === ORDER[i])!;
      expect(await cell.getAttribute('data-sop')).toBe(view.instance.SOPInstanceUID);
      await mammoCellChecks(cell, view, Rows, Columns);
    }
    await page.screenshot({ path: screenshotPath('mammo-full-size') });
  }, 300_000);
});
