import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { contains, generateCtPhantom, patientToPixel, type CtPhantomSeries, type PhantomSphere } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const patient = { PatientName: 'VIEWER^Paula', PatientID: 'VW-4242', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19610314', PatientSex: 'F' as const };
const study = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9101', StudyDate: toDicomDate(new Date()), StudyTime: '010000', AccessionNumber: 'VW1', StudyID: '1', StudyDescription: 'CT phantom viewer' };

/** The viewer's probe on the viewport element (renderer/features/study/useStackCell.ts). */
interface Probe {
  valueAt(column: number, row: number): number | undefined;
  currentImageId(): string | undefined;
}

describe('stack viewer on a real PACS (web mode, Chromium)', () => {
  let pacs: OrthancInstance;
  let pacsStopped = false;
  let phantom: CtPhantomSeries;
  let workstation: Workstation;
  let page: Page;

  beforeAll(async () => {
    phantom = generateCtPhantom({ seed: 'e2e-viewer', patient, study, Rows: 128, Columns: 128, slices: 20 });
    pacs = await startOrthanc({ name: 'e2e-viewer', aeTitle: 'E2E_VIEWER', username: 'viewer', password: 'viewer-secret' });
    await storeInstancesStow(pacs, phantom.instances.map((i) => i.buffer));
    workstation = await startWorkstation({ nodes: [dicomwebNode('pacs-viewer', 'PACS Viewer', pacs)], viewport: { width: 1400, height: 900 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    if (!pacsStopped) await pacs?.stop({ graceMs: 0 });
  });
  failOnPageErrors(() => workstation);

  const viewport = () => page.getByTestId('stack-viewport');
  // Functions passed to evaluate run in the page: no closure over test variables.
  const valueAt = (column: number, row: number) => viewport().evaluate((el, [c, r]) => (el as unknown as { gardeStackView: Probe }).gardeStackView.valueAt(c!, r!), [column, row]);
  const currentImageId = () => viewport().evaluate((el) => (el as unknown as { gardeStackView: Probe }).gardeStackView.currentImageId());

  async function goToSlice(k: number): Promise<void> {
    await viewport().focus();
    for (let guard = 0; guard < 40; guard += 1) {
      const index = Number(await viewport().getAttribute('data-index'));
      if (index === k) break;
      await viewport().press(index < k ? 'ArrowDown' : 'ArrowUp');
      await page.waitForFunction((expected) => document.querySelector('[data-testid=stack-viewport]')?.getAttribute('data-index') === String(expected), index < k ? index + 1 : index - 1);
    }
    await page.locator(`[data-testid=stack-viewport][data-index="${k}"][data-state=ready]`).waitFor({ timeout: 20_000 });
  }

  it('opens the study from the worklist with Enter and shows its first image', async () => {
    const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${study.StudyInstanceUID}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    const started = Date.now();
    await page.getByTestId('worklist-table').press('Enter');
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
    const firstImageMs = Date.now() - started;
    console.log(`viewer: first image ${firstImageMs} ms after Enter`);
    expect(await viewport().getAttribute('data-index')).toBe('0');
    expect(await viewport().getAttribute('data-total')).toBe('20');
    expect(await page.getByTestId('overlay-slice').textContent()).toBe('Im 1 / 20');
    expect(await page.getByTestId('overlay-wl').textContent()).toBe('W 400 L 40');
    expect(await currentImageId()).toContain(phantom.instances[0]!.SOPInstanceUID);
    expect(await page.locator('[data-testid=series-list] button').count()).toBe(1);
    expect(await page.locator('[data-testid=series-list] button').textContent()).toContain('20 images');
    await page.screenshot({ path: screenshotPath('viewer-first-image') });
  });

  it('shows the right patient in the banner', async () => {
    const field = (name: string) => page.locator(`[data-testid=patient-banner] [data-field=${name}]`).textContent();
    expect(await field('name')).toBe('VIEWER Paula');
    expect(await field('birthDate')).toBe('1961-03-14');
    expect(await field('sex')).toBe('F');
    expect(await field('patientId')).toBe('VW-4242');
    expect(await field('issuer')).toContain('CHU-NORD');
  });

  for (const label of ['bone', 'fat', 'air'] as const) {
    it(`reads the ${label} sphere's HU at its centre after scrolling to it with the keyboard`, async () => {
      const object = phantom.objects.find((o): o is PhantomSphere => o.kind === 'sphere' && o.label === label)!;
      const positions = phantom.geometry.positions;
      const k = positions.reduce((best, p, i) => (Math.abs(p[2] - object.center[2]) < Math.abs(positions[best]![2] - object.center[2]) ? i : best), 0);
      await goToSlice(k);
      expect(await currentImageId()).toContain(phantom.instances[k]!.SOPInstanceUID);
      const ipp = positions[k]!;
      const { PixelSpacing, ImageOrientationPatient } = phantom.geometry;
      const at = patientToPixel(object.center, ipp, ImageOrientationPatient, PixelSpacing);
      const column = Math.round(at.column);
      const row = Math.round(at.row);
      // The pixel centre chosen lies inside the object on this slice.
      expect(contains(object, ipp[0] + column * PixelSpacing[1], ipp[1] + row * PixelSpacing[0], ipp[2])).toBe(true);
      const value = await valueAt(column, row);
      expect(Math.abs((value ?? Number.NaN) - object.HU)).toBeLessThanOrEqual(phantom.body.noiseHU);
      expect(await page.getByTestId('overlay-slice').textContent()).toBe(`Im ${k + 1} / 20`);
      await page.screenshot({ path: screenshotPath(`viewer-${label}`) });
    });
  }

  it('reads the left marker on the patient’s left (+x), not mirrored', async () => {
    const marker = phantom.objects.find((o) => o.label === 'left-marker')!;
    expect(marker.kind).toBe('box');
    if (marker.kind !== 'box') return;
    const k = Number(await viewport().getAttribute('data-index'));
    const ipp = phantom.geometry.positions[k]!;
    const centre: [number, number, number] = [(marker.min[0] + marker.max[0]) / 2, (marker.min[1] + marker.max[1]) / 2, ipp[2]];
    const at = patientToPixel(centre, ipp, phantom.geometry.ImageOrientationPatient, phantom.geometry.PixelSpacing);
    expect(await valueAt(Math.round(at.column), Math.round(at.row))).toBe(marker.HU);
    const mirrored = phantom.geometry.Columns - 1 - Math.round(at.column);
    expect(await valueAt(mirrored, Math.round(at.row))).not.toBe(marker.HU);
  });

  it('reports the image on screen, not the one still loading, when the shown image is drawn again meanwhile', async () => {
    const before = Number(await viewport().getAttribute('data-index'));
    const beforeId = await currentImageId();
    // An image no test has shown yet (the spheres are up to slice 9), so it is fetched now; the last one stays unseen for the next test.
    const last = before + 1;
    expect(last).toBeLessThan(phantom.instances.length - 1);
    let requested!: () => void;
    const seen = new Promise<void>((resolve) => (requested = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const pattern = `**/instances/${phantom.instances[last]!.SOPInstanceUID}/frames/**`;
    await page.route(pattern, async (route) => {
      requested();
      await released;
      await route.continue();
    });
    try {
      await viewport().focus();
      await viewport().press('ArrowDown');
      await seen;
      // Inverting draws the image on screen again while the last one is on its way.
      await viewport().press('i');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await viewport().getAttribute('data-index')).toBe(String(before));
      expect(await currentImageId()).toBe(beforeId);
      expect(await page.getByTestId('overlay-slice').textContent()).toBe(`Im ${before + 1} / 20`);
    } finally {
      release();
    }
    await page.locator(`[data-testid=stack-viewport][data-index="${last}"][data-state=ready]`).waitFor({ timeout: 20_000 });
    await page.unroute(pattern);
    expect(await currentImageId()).toContain(phantom.instances[last]!.SOPInstanceUID);
    expect(await valueAt(64, 64)).toBeTypeOf('number');
    await viewport().press('i');
  });

  it('says in the viewport when a frame cannot be loaded (PACS stopped), instead of a black square', async () => {
    // The gateway answers 503 for the frame of the stopped PACS.
    workstation.expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 503 \(Service Unavailable\)$/);
    await pacs.stop({ graceMs: 0 });
    pacsStopped = true;
    await viewport().focus();
    await viewport().press('End');
    await page.getByTestId('stack-error').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('stack-error').textContent()).toMatch(/^Image 20 cannot be displayed/);
    expect(await viewport().getAttribute('data-state')).toBe('error');
    expect(await page.getByTestId('overlay-slice').textContent()).toBe('Im 20 / 20');
    await page.screenshot({ path: screenshotPath('viewer-frame-error') });
  });
});
