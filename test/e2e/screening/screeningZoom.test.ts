import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../../app/dicom/formatPersonName';
import { generateMammographyStudy } from '../../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../../fixtures/pacs';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from '../support/workstation';

// Mammograms compared at one physical size (issue 16): the current study and its prior, taken on
// detectors of different resolution (0.14 and 0.28 mm pixels over the same field), hang at the same
// millimetres per screen pixel; when the reader zooms one view, the others follow, so that 100 mm of
// breast is the same length on screen in every view (measured in canvas pixels).

const patient = { PatientName: 'ZOOM^Claire', PatientID: 'MG-8801', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19680502', PatientSex: 'F' as const };
const today = new Date();
const study = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.8801', StudyDate: toDicomDate(today), StudyTime: '090000', AccessionNumber: 'ZM1', StudyID: '1', StudyDescription: 'Screening mammography' };
const priorStudy = { ...study, StudyInstanceUID: '1.2.826.0.1.3680043.10.543.8800', StudyDate: toDicomDate(new Date(today.getFullYear() - 2, today.getMonth(), today.getDate())), AccessionNumber: 'ZM0' };
const current = generateMammographyStudy({ seed: 'e2e-zoom', patient, study, Rows: 512, Columns: 416 });
const prior = generateMammographyStudy({ seed: 'e2e-zoom', patient, study: priorStudy, Rows: 256, Columns: 208 });

interface Probe {
  scale(): number | undefined;
  canvasPointOf(column: number, row: number): [number, number] | undefined;
}
/** The view's scale, in mm per CSS pixel. */
const scaleOf = (cell: Locator) => cell.locator('[data-testid=stack-viewport]').evaluate((el) => (el as unknown as { gardeStackView: Probe }).gardeStackView.scale()!);
/** The canvas length, in CSS pixels, of `mm` millimetres along a row of the image of pixel spacing `spacing`. */
const canvasLengthOf = (cell: Locator, mm: number, spacing: number) =>
  cell.locator('[data-testid=stack-viewport]').evaluate(
    (el, [length, s]) => {
      const view = (el as unknown as { gardeStackView: Probe }).gardeStackView;
      const a = view.canvasPointOf(10, 10)!;
      const b = view.canvasPointOf(10 + length! / s!, 10)!;
      return Math.hypot(b[0] - a[0], b[1] - a[1]);
    },
    [mm, spacing],
  );

describe('mammograms at one physical size, current and prior (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let workstation: Workstation;

  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'e2e-mg-zoom', aeTitle: 'E2E_MG_ZOOM', username: 'zoom', password: 'zoom-secret' });
    await storeInstancesStow(pacs, [...current.instances, ...prior.instances].map((i) => i.buffer));
    workstation = await startWorkstation({ nodes: [dicomwebNode('pacs-zoom', 'PACS Zoom', pacs)], viewport: { width: 1400, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 }).catch(() => undefined);
  });
  failOnPageErrors(() => workstation);

  it('hangs current over prior CC at one scale, and keeps it when the reader zooms one view', async () => {
    const { page } = workstation;
    const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${study.StudyInstanceUID}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.getByTestId('worklist-table').press('Enter');
    await page.locator('[data-testid=hanging-layout][data-protocol=mg-screening][data-stage=current]').waitFor({ timeout: 60_000 });
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await page.locator('[data-testid=hanging-layout][data-stage=compare-cc]').waitFor({ timeout: 20_000 });
    const cells = page.locator('[data-testid=hanging-cell][data-state=ready]');
    await cells.nth(3).waitFor({ timeout: 60_000 });
    // Pixel spacing of each cell's image: the current's 0.14 mm, the prior's 0.28 mm.
    const spacings = await Promise.all([0, 1, 2, 3].map(async (i) => ((await cells.nth(i).getAttribute('data-study')) === study.StudyInstanceUID ? 0.07 * 3328 / 416 : 0.07 * 3328 / 208)));
    /** Canvas length of 100 mm along a row of the image, in CSS pixels. */
    const hundredMm = (i: number) => canvasLengthOf(cells.nth(i), 100, spacings[i]!);
    const scales = () => Promise.all([0, 1, 2, 3].map((i) => scaleOf(cells.nth(i))));
    const sameSize = async () => {
      const lengths = await Promise.all([0, 1, 2, 3].map(hundredMm));
      return Math.max(...lengths) / Math.min(...lengths);
    };
    await expect.poll(sameSize, { timeout: 10_000 }).toBeLessThan(1.02);
    const before = (await scales())[0]!;

    // The reader zooms the first view (right drag); the three others follow.
    const box = (await cells.nth(0).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down({ button: 'right' });
    for (let s = 1; s <= 8; s += 1) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 10 * s);
    await page.mouse.up({ button: 'right' });
    await expect.poll(async () => Math.abs((await scales())[0]! - before) / before, { timeout: 10_000 }).toBeGreaterThan(0.05);
    await expect.poll(sameSize, { timeout: 10_000 }).toBeLessThan(1.02);
    const after = await scales();
    expect(Math.max(...after) / Math.min(...after)).toBeLessThan(1.01);
  }, 180_000);
});
