import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom, generateEnhancedMr, patientToPixel, type CtPhantomSeries, type EnhancedMrSeries, type PhantomBox, type PhantomSphere } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const patient = {
  PatientName: 'TOOLS^Tina',
  PatientID: 'VT-5151',
  IssuerOfPatientID: 'CHU-NORD',
  PatientBirthDate: '19700101',
  PatientSex: 'F' as const,
  OtherPatientIDsSequence: [{ PatientID: '270017512345678', IssuerOfPatientID: '1.2.250.1.213.1.4.8', TypeOfPatientID: 'TEXT' }],
};
const study = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9202', StudyDate: toDicomDate(new Date()), StudyTime: '020000', AccessionNumber: 'VT1', StudyID: '2', StudyDescription: 'CT phantom tools' };

/** The viewer's probe on the viewport element (renderer/features/study/useStackCell.ts). */
interface Probe {
  valueAt(column: number, row: number): number | undefined;
  canvasPointOf(column: number, row: number): [number, number] | undefined;
}

describe('viewer reading tools and measurements on a real PACS (web mode, Chromium)', () => {
  let pacs: OrthancInstance;
  let phantom: CtPhantomSeries;
  let mr: EnhancedMrSeries;
  let workstation: Workstation;
  let page: Page;

  beforeAll(async () => {
    // 256² over 400 mm (1.5625 mm pixels), 20 slices of 5 mm: spheres of 18 mm radius.
    phantom = generateCtPhantom({ seed: 'e2e-tools', patient, study, Rows: 256, Columns: 256, slices: 20, SliceThickness: 5 });
    mr = generateEnhancedMr({ seed: 'e2e-tools', patient, study, frames: 12 });
    pacs = await startOrthanc({ name: 'e2e-tools', aeTitle: 'E2E_TOOLS', username: 'tools', password: 'tools-secret' });
    await storeInstancesStow(pacs, [...phantom.instances.map((i) => i.buffer), mr.instance.buffer]);
    workstation = await startWorkstation({ nodes: [dicomwebNode('pacs-tools', 'PACS Tools', pacs)], viewport: { width: 1400, height: 900 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });
  failOnPageErrors(() => workstation);

  const viewport = () => page.getByTestId('stack-viewport');
  const probe = <T>(fn: (p: Probe, args: number[]) => T, args: number[]) =>
    viewport().evaluate((el, [source, a]) => (new Function('p', 'a', `return (${source as string})(p, a)`) as (p: Probe, a: number[]) => T)((el as unknown as { gardeStackView: Probe }).gardeStackView, a as number[]), [fn.toString(), args] as const);
  const canvasPoint = async (column: number, row: number) => (await probe((p, [c, r]) => p.canvasPointOf(c!, r!), [column, row]))!;
  const markers = async () => {
    const text = (edge: string) => page.getByTestId(`marker-${edge}`).textContent();
    return { top: await text('top'), right: await text('right'), bottom: await text('bottom'), left: await text('left') };
  };
  /** Luminance of the displayed canvas at a CSS point of the viewport, read back once SwiftShader has drawn. */
  const luminanceAt = (x: number, y: number) =>
    viewport().evaluate(
      (el, [px, py]) => {
        const canvas = el.querySelector('canvas')!;
        const scale = canvas.width / canvas.clientWidth;
        const [r, g, b] = canvas.getContext('2d')!.getImageData(Math.round(px! * scale), Math.round(py! * scale), 1, 1).data;
        return (r! + g! + b!) / 3;
      },
      [x, y],
    );
  async function waitForLuminance(x: number, y: number, test: (l: number) => boolean): Promise<number> {
    let value = -1;
    for (let k = 0; k < 100; k += 1) {
      value = await luminanceAt(x, y);
      if (test(value)) return value;
      await page.waitForTimeout(50);
    }
    return value;
  }
  async function goToSlice(k: number): Promise<void> {
    await viewport().focus();
    for (let guard = 0; guard < 40 && Number(await viewport().getAttribute('data-index')) !== k; guard += 1) {
      const index = Number(await viewport().getAttribute('data-index'));
      await viewport().press(index < k ? 'ArrowDown' : 'ArrowUp');
      await page.waitForFunction((expected) => document.querySelector('[data-testid=stack-viewport]')?.getAttribute('data-index') === String(expected), index < k ? index + 1 : index - 1);
    }
    await page.locator(`[data-testid=stack-viewport][data-index="${k}"][data-state=ready]`).waitFor({ timeout: 20_000 });
  }
  const sphere = (label: string) => phantom.objects.find((o): o is PhantomSphere => o.kind === 'sphere' && o.label === label)!;
  const nearestSlice = (z: number) => phantom.geometry.positions.reduce((best, p, i) => (Math.abs(p[2] - z) < Math.abs(phantom.geometry.positions[best]![2] - z) ? i : best), 0);
  const pixelOf = (point: [number, number, number], k: number) => patientToPixel(point, phantom.geometry.positions[k]!, phantom.geometry.ImageOrientationPatient, phantom.geometry.PixelSpacing);
  const spacing = () => phantom.geometry.PixelSpacing[1];
  async function press(key: string): Promise<void> {
    await viewport().focus();
    await viewport().press(key);
  }
  /** Drags with the primary button between two image pixel positions (canvas coordinates via the view). */
  async function drag(from: [number, number], to: [number, number]): Promise<void> {
    const box = (await viewport().boundingBox())!;
    const a = await canvasPoint(...from);
    const b = await canvasPoint(...to);
    await page.mouse.move(box.x + a[0], box.y + a[1]);
    await page.mouse.down();
    for (let s = 1; s <= 5; s += 1) await page.mouse.move(box.x + a[0] + ((b[0] - a[0]) * s) / 5, box.y + a[1] + ((b[1] - a[1]) * s) / 5);
    await page.mouse.up();
  }
  const measurementValue = async (tool: string, kind: string) => {
    const value = page.locator(`[data-testid=measurement][data-tool=${tool}] [data-kind=${kind}]`).last();
    await value.waitFor({ timeout: 20_000 });
    return { value: Number(await value.getAttribute('data-value')), unit: await value.getAttribute('data-unit') };
  };
  /** Statistics are recomputed when the annotation is next drawn: poll until the panel shows the expected figure. */
  const expectValue = (tool: string, kind: string, accept: (value: number) => boolean) =>
    expect.poll(async () => (await measurementValue(tool, kind)).value, { timeout: 20_000 }).toSatisfy(accept);

  it('opens the CT and shows A on top, P at the bottom, R on the left edge and L on the right edge', async () => {
    const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${study.StudyInstanceUID}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.getByTestId('worklist-table').press('Enter');
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
    expect(await markers()).toEqual({ top: 'A', right: 'L', bottom: 'P', left: 'R' });
    expect(await page.getByTestId('overlay-patient').textContent()).toContain('TOOLS Tina');
    expect(await page.getByTestId('overlay-position').textContent()).toBe('Pos 47.5 mm');
    expect(await page.getByTestId('overlay-zoom').textContent()).toBe('Zoom 1.00×');
    await page.screenshot({ path: screenshotPath('viewer-tools-open') });
    expect(await page.getByTestId('scale-bar').textContent()).toMatch(/^\d+ mm$/);
  });

  it('draws the left marker block on the viewer’s right half, and on the left half after flip H (markers swap)', async () => {
    const marker = phantom.objects.find((o): o is PhantomBox => o.kind === 'box' && o.label === 'left-marker')!;
    const centre = pixelOf([(marker.min[0] + marker.max[0]) / 2, (marker.min[1] + marker.max[1]) / 2, phantom.geometry.positions[0]![2]], 0);
    const width = (await viewport().boundingBox())!.width;
    const [x, y] = await canvasPoint(centre.column, centre.row);
    expect(x).toBeGreaterThan(width / 2);
    expect(await waitForLuminance(x, y, (l) => l > 200)).toBeGreaterThan(200);
    expect(await luminanceAt(width - x, y)).toBeLessThan(200);
    await page.screenshot({ path: screenshotPath('viewer-tools-axial') });

    await press('h');
    await page.waitForFunction(() => document.querySelector('[data-testid=marker-left]')?.textContent === 'L');
    expect(await markers()).toEqual({ top: 'A', right: 'R', bottom: 'P', left: 'L' });
    const [fx, fy] = await canvasPoint(centre.column, centre.row);
    expect(fx).toBeLessThan(width / 2);
    expect(await waitForLuminance(fx, fy, (l) => l > 200)).toBeGreaterThan(200);
    expect(await luminanceAt(width - fx, fy)).toBeLessThan(200);
    await page.screenshot({ path: screenshotPath('viewer-tools-flipped') });
    await press('h');
    await page.waitForFunction(() => document.querySelector('[data-testid=marker-right]')?.textContent === 'L');
  });

  it('rotates 90° clockwise with R (what was on the left comes on top); four turns come back', async () => {
    await press('r');
    await page.waitForFunction(() => document.querySelector('[data-testid=marker-top]')?.textContent === 'R');
    expect(await markers()).toEqual({ top: 'R', right: 'A', bottom: 'L', left: 'P' });
    await page.screenshot({ path: screenshotPath('viewer-tools-rotated') });
    for (const _ of [1, 2, 3]) await press('r');
    await page.waitForFunction(() => document.querySelector('[data-testid=marker-top]')?.textContent === 'A');
    expect(await markers()).toEqual({ top: 'A', right: 'L', bottom: 'P', left: 'R' });
  });

  it('selects CT window presets with keys 1–9 and the image’s own with 0', async () => {
    await press('4');
    await page.waitForFunction(() => document.querySelector('[data-testid=overlay-wl]')?.textContent === 'W 1500 L -600');
    await press('1');
    await page.waitForFunction(() => document.querySelector('[data-testid=overlay-wl]')?.textContent === 'W 80 L 40');
    await press('8');
    await page.waitForFunction(() => document.querySelector('[data-testid=overlay-wl]')?.textContent === 'W 2000 L 500');
    await press('0');
    await page.waitForFunction(() => document.querySelector('[data-testid=overlay-wl]')?.textContent === 'W 400 L 40');
  });

  it('inverts the grey scale with I: air outside the body turns from black to white', async () => {
    const [x, y] = await canvasPoint(3, 3);
    expect(await waitForLuminance(x, y, (l) => l < 30)).toBeLessThan(30);
    await press('i');
    await page.getByTestId('overlay-invert').waitFor();
    expect(await waitForLuminance(x, y, (l) => l > 225)).toBeGreaterThan(225);
    await press('i');
    expect(await waitForLuminance(x, y, (l) => l < 30)).toBeLessThan(30);
  });

  it('measures a length drawn with the mouse across the bone sphere as its diameter, within half a pixel', async () => {
    const bone = sphere('bone');
    const k = nearestSlice(bone.center[2]);
    await goToSlice(k);
    const chordRadius = Math.sqrt(bone.radiusMm ** 2 - (bone.center[2] - phantom.geometry.positions[k]![2]) ** 2);
    const c = pixelOf(bone.center, k);
    const half = chordRadius / spacing();
    // The caliper ends sit on the sphere's edges as displayed: bone just inside, soft tissue just outside.
    expect(await probe((p, [a, b]) => p.valueAt(a!, b!), [Math.round(c.column - half + 1), Math.round(c.row)])).toBe(bone.HU);
    expect(await probe((p, [a, b]) => p.valueAt(a!, b!), [Math.round(c.column - half - 1.5), Math.round(c.row)])).not.toBe(bone.HU);
    await page.getByTestId('tool-Length').click();
    await drag([c.column - half, c.row], [c.column + half, c.row]);
    await expectValue('Length', 'length', (mm) => Math.abs(mm - 2 * chordRadius) <= 0.5 * spacing());
    expect((await measurementValue('Length', 'length')).unit).toBe('mm');
    expect(await page.locator('[data-testid=measurement][data-tool=Length] [data-field=slice]').textContent()).toBe(`Im ${k + 1}`);
  });

  it('reads a probe on the air sphere (same slice) in HU', async () => {
    const air = sphere('air');
    const k = Number(await viewport().getAttribute('data-index'));
    const c = pixelOf(air.center, k);
    await page.getByTestId('tool-Probe').click();
    const box = (await viewport().boundingBox())!;
    const [x, y] = await canvasPoint(c.column, c.row);
    await page.mouse.click(box.x + x, box.y + y);
    await expectValue('Probe', 'value', (hu) => hu === air.HU);
    expect((await measurementValue('Probe', 'value')).unit).toBe('HU');
  });

  it('reports an ellipse ROI inside the fat sphere with mean = its HU, SD 0, min = max = its HU', async () => {
    const fat = sphere('fat');
    const k = nearestSlice(fat.center[2]);
    await goToSlice(k);
    const c = pixelOf(fat.center, k);
    const r = (0.6 * fat.radiusMm) / spacing();
    await page.getByTestId('tool-EllipticalROI').click();
    // The ellipse tool draws from the centre out to a corner of its bounding box.
    await drag([c.column, c.row], [c.column + r, c.row + r]);
    const expectedArea = Math.PI * (0.6 * fat.radiusMm) ** 2;
    await expectValue('EllipticalROI', 'area', (mm2) => Math.abs(mm2 - expectedArea) / expectedArea < 0.1);
    await expectValue('EllipticalROI', 'mean', (hu) => Math.abs(hu - fat.HU) <= phantom.body.noiseHU);
    expect((await measurementValue('EllipticalROI', 'mean')).unit).toBe('HU');
    expect((await measurementValue('EllipticalROI', 'area')).unit).toBe('mm²');
    expect((await measurementValue('EllipticalROI', 'stdDev')).value).toBeLessThanOrEqual(phantom.body.noiseHU);
    expect((await measurementValue('EllipticalROI', 'min')).value).toBe(fat.HU);
    expect((await measurementValue('EllipticalROI', 'max')).value).toBe(fat.HU);
    await page.screenshot({ path: screenshotPath('viewer-tools-measurements') });
    await page.getByTestId('tool-WindowLevel').click();
  });

  it('deletes a measurement from the panel, and keeps the others when the study is reopened', async () => {
    const rows = page.getByTestId('measurement');
    expect(await rows.count()).toBe(3);
    await page.locator('[data-testid=measurement][data-tool=Probe] [data-testid=measurement-delete]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=measurement]').length === 2);
    await page.getByTestId('nav-worklist').click();
    const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${study.StudyInstanceUID}"]`);
    await row.click();
    await page.getByTestId('worklist-table').press('Enter');
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=measurement]').length === 2);
    expect(await page.locator('[data-testid=measurement]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tool')).sort())).toEqual(['EllipticalROI', 'Length']);
    const length = await measurementValue('Length', 'length');
    const bone = sphere('bone');
    expect(Math.abs(length.value - 2 * bone.radiusMm)).toBeLessThan(2);
  });

  it('shows the DICOM tags of the image: PatientID, and a sequence that expands', async () => {
    await page.getByTestId('tab-tags').click();
    await page.getByTestId('tag-filter').fill('PatientID');
    expect(await page.locator('[data-testid=tag-row][data-keyword=PatientID] > [data-field=value]').first().textContent()).toBe('VT-5151');
    const sequence = page.locator('[data-testid=tag-row][data-keyword=OtherPatientIDsSequence]');
    await sequence.locator('[data-testid=tag-expand]').click();
    expect(await sequence.locator('[data-testid=tag-row][data-keyword=PatientID] [data-field=value]').textContent()).toBe('270017512345678');
    await page.screenshot({ path: screenshotPath('viewer-tools-tags') });
    await page.getByTestId('tab-measurements').click();
  });

  it('displays the enhanced MR multi-frame instance frame by frame, with markers from its functional groups', async () => {
    await page.locator(`[data-testid=series-list] button[data-series="${mr.SeriesInstanceUID}"]`).click();
    await page.locator(`[data-testid=stack-viewport][data-state=ready][data-total="${mr.NumberOfFrames}"]`).waitFor({ timeout: 60_000 });
    expect(await markers()).toEqual({ top: 'A', right: 'L', bottom: 'P', left: 'R' });
    await press('End');
    await page.locator(`[data-testid=stack-viewport][data-state=ready][data-index="${mr.NumberOfFrames - 1}"]`).waitFor({ timeout: 20_000 });
    await press('1');
    expect(await page.getByTestId('overlay-wl').textContent()).toMatch(/^W \d+ L -?\d+$/);
    await page.screenshot({ path: screenshotPath('viewer-tools-enhanced-mr') });
  });
});
