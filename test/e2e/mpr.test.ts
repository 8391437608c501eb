import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom, type CtPhantomSeries, type PhantomSphere } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { CHROMIUM_ARGS, screenshotPath } from './support/chromium';
import { callMpr } from './support/mprPage';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

type Point = [number, number, number];
type Plane = 'axial' | 'sagittal' | 'coronal';
const patient = { PatientName: 'MPR^Marc', PatientID: 'MPR-1', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19700101', PatientSex: 'M' as const };
const study = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9701', StudyDate: toDicomDate(new Date()), StudyTime: '020000', AccessionNumber: 'MPR1', StudyID: '1', StudyDescription: 'CT phantom MPR' };
/** Window of the pixel read-backs: grey = (HU + 1000) / 2000 × 255. */
const WINDOW = { width: 2000, center: 0 };
const greyOf = (hu: number) => Math.max(0, Math.min(255, ((hu - (WINDOW.center - WINDOW.width / 2)) / WINDOW.width) * 255));
/** Grey levels a volume viewport's drawing may differ by: its compositing darkens the top of the window by up to 3 %. */
const GREY_TOLERANCE = 8;

/** The MPR view the viewer leaves on the MPR layout element (renderer/testHooks/mprViewHook.ts). */
interface MprProbe {
  setCentre(point: Point): void;
  centre(): Point;
  valueAtWorld(point: Point): number | undefined;
  canvasPointOf(plane: Plane, point: Point): [number, number];
  worldAt(plane: Plane, canvas: [number, number]): Point;
  normalOf(plane: Plane): Point;
  rotate(plane: Plane, degrees: number): void;
  setSlab(mode: string, thickness: number): void;
  setWindow(width: number, center: number): void;
  windowOf(plane: Plane): { width: number; center: number } | undefined;
  reset(): void;
}

describe('MPR: three planes of a CT volume with crosshairs and slabs (web mode, Chromium, real PACS)', () => {
  let pacs: OrthancInstance;
  let phantom: CtPhantomSeries;
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    phantom = generateCtPhantom({ seed: 'e2e-mpr', patient, study, Rows: 192, Columns: 192, slices: 40, SliceThickness: 2.5 });
    pacs = await startOrthanc({ name: 'e2e-mpr', aeTitle: 'E2E_MPR', username: 'mpr', password: 'mpr-secret' });
    await storeInstancesStow(pacs, phantom.instances.map((i) => i.buffer));
    // A page that can collect its garbage and tells its heap to the byte: the memory test reads both.
    workstation = await startWorkstation({
      nodes: [dicomwebNode('pacs-mpr', 'PACS MPR', pacs)],
      viewport: { width: 1400, height: 700 },
      chromiumArgs: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
    });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });

  const mpr = <T>(fn: (view: MprProbe, arg: never) => T, arg?: unknown) => callMpr<MprProbe, T>(page)(fn, arg);
  const sphere = (label: string) => phantom.objects.find((o): o is PhantomSphere => o.kind === 'sphere' && o.label === label)!;

  /** The grey level (red channel) drawn at a patient point of a plane, read back from its canvas. */
  async function greyAt(plane: Plane, point: Point): Promise<number> {
    const [x, y] = await mpr((view, p: [Plane, Point]) => view.canvasPointOf(p[0], p[1]), [plane, point]);
    return page.locator(`[data-testid=mpr-viewport][data-plane=${plane}] canvas.cornerstone-canvas`).evaluate(async (canvas: HTMLCanvasElement, [cx, cy]) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const scale = canvas.width / canvas.clientWidth;
      return canvas.getContext('2d')!.getImageData(Math.round(cx! * scale), Math.round(cy! * scale), 1, 1).data[0]!;
    }, [x, y]);
  }

  it('opens the series in three planes from the viewer with M, and loads every slice', async () => {
    const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${study.StudyInstanceUID}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.getByTestId('worklist-table').press('Enter');
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
    await page.getByTestId('stack-viewport').press('m');
    await page.locator('[data-testid=mpr-layout][data-state=ready]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=mpr-status][data-loaded="40"][data-total="40"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('mpr-viewport').evaluateAll((els) => els.map((e) => e.getAttribute('data-plane')))).toEqual(['axial', 'sagittal', 'coronal']);
    await mpr((view, w: typeof WINDOW) => view.setWindow(w.width, w.center), WINDOW);
    // One window for the three planes, shown in the bar.
    for (const plane of ['axial', 'sagittal', 'coronal'] as const) expect(await mpr((view, p: Plane) => view.windowOf(p), plane)).toEqual(WINDOW);
    expect(await page.getByTestId('mpr-status').textContent()).toContain('W 2000 L 0');
  });

  it('puts the crosshair centre on the bone sphere: all three planes pass through it and show it', async () => {
    const bone = sphere('bone');
    await mpr((view, p: Point) => view.setCentre(p), bone.center);
    expect(Math.abs((await mpr((view, p: Point) => view.valueAtWorld(p), bone.center))! - bone.HU)).toBeLessThanOrEqual(1);
    for (const plane of ['axial', 'sagittal', 'coronal'] as const) {
      // The point drawn under the centre's pixel is the centre: the plane goes through it.
      const canvas = await mpr((view, p: [Plane, Point]) => view.canvasPointOf(p[0], p[1]), [plane, bone.center]);
      const back = await mpr((view, p: [Plane, [number, number]]) => view.worldAt(p[0], p[1]), [plane, canvas]);
      const normal = await mpr((view, p: Plane) => view.normalOf(p), plane);
      expect(Math.abs(back.reduce((s, v, i) => s + (v - bone.center[i]!) * normal[i]!, 0)), plane).toBeLessThan(0.5);
      expect(Math.abs((await greyAt(plane, bone.center)) - greyOf(bone.HU)), plane).toBeLessThanOrEqual(GREY_TOLERANCE);
    }
    await page.screenshot({ path: screenshotPath('mpr-bone-centre') });
  });

  it('shows the patient’s left (+x) on the screen’s right in axial and coronal, head up and front left in sagittal', async () => {
    const centre = await mpr((view) => view.centre());
    const at = (plane: Plane, d: Point) => mpr((view, p: [Plane, Point]) => view.canvasPointOf(p[0], p[1]), [plane, centre.map((v, i) => v + d[i]!) as Point]);
    const [axialCentre, axialLeft] = [await at('axial', [0, 0, 0]), await at('axial', [50, 0, 0])];
    expect(axialLeft[0]).toBeGreaterThan(axialCentre[0] + 10);
    const [coronalCentre, coronalLeft, coronalHead] = [await at('coronal', [0, 0, 0]), await at('coronal', [50, 0, 0]), await at('coronal', [0, 0, 20])];
    expect(coronalLeft[0]).toBeGreaterThan(coronalCentre[0] + 10);
    expect(coronalHead[1]).toBeLessThan(coronalCentre[1] - 5);
    // LPS: anterior is −y; a sagittal view shows the face on the viewer's left.
    const [sagittalCentre, sagittalFront, sagittalHead] = [await at('sagittal', [0, 0, 0]), await at('sagittal', [0, -50, 0]), await at('sagittal', [0, 0, 20])];
    expect(sagittalFront[0]).toBeLessThan(sagittalCentre[0] - 10);
    expect(sagittalHead[1]).toBeLessThan(sagittalCentre[1] - 5);
    // The left marker block is drawn where its patient coordinates say, in the coronal plane through it.
    const marker = phantom.objects.find((o) => o.label === 'left-marker')!;
    if (marker.kind !== 'box') throw new Error('the left marker is a box');
    const inside: Point = [(marker.min[0] + marker.max[0]) / 2, (marker.min[1] + marker.max[1]) / 2, 0];
    await mpr((view, p: Point) => view.setCentre(p), inside);
    expect(await greyAt('coronal', inside)).toBeGreaterThanOrEqual(255 - GREY_TOLERANCE);
    expect(Math.abs((await greyAt('coronal', [-inside[0], inside[1], 0])) - greyOf(phantom.body.HU))).toBeLessThanOrEqual(GREY_TOLERANCE);
  });

  it('turns the sagittal and coronal planes 30° about the axial normal: oblique, orthogonal, still through the sphere', async () => {
    const bone = sphere('bone');
    await mpr((view, p: Point) => view.setCentre(p), bone.center);
    const before = await mpr((view) => view.normalOf('sagittal'));
    await mpr((view) => view.rotate('axial', 30));
    const after = await mpr((view) => view.normalOf('sagittal'));
    const coronal = await mpr((view) => view.normalOf('coronal'));
    const dot = (a: Point, b: Point) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    expect(dot(before, after)).toBeCloseTo(Math.cos(Math.PI / 6), 3);
    expect(dot(after, coronal)).toBeCloseTo(0, 3);
    expect(Math.abs((await greyAt('sagittal', bone.center)) - greyOf(bone.HU))).toBeLessThanOrEqual(GREY_TOLERANCE);
    // A point 6 mm above the centre, within the turned plane, is still bone, drawn there.
    const inPlane: Point = [0, 0, 1];
    const up = bone.center.map((v, i) => v + 6 * inPlane[i]!) as Point;
    expect(Math.abs((await greyAt('sagittal', up)) - greyOf(bone.HU))).toBeLessThanOrEqual(GREY_TOLERANCE);
    await page.screenshot({ path: screenshotPath('mpr-oblique-30') });
    await mpr((view) => view.reset());
    await mpr((view, w: typeof WINDOW) => view.setWindow(w.width, w.center), WINDOW);
  });

  it('projects a slab: MIP shows the bone sphere from beside it, MinIP the air sphere, average in between', async () => {
    const bone = sphere('bone');
    const air = sphere('air');
    // An axial plane 6 mm above the two spheres: neither is cut by the plane itself; a 40 mm slab reaches both.
    const beside: Point = [bone.center[0], bone.center[1], bone.center[2] + bone.radiusMm + 6];
    await mpr((view, p: Point) => view.setCentre(p), beside);
    const airBeside: Point = [air.center[0], air.center[1], beside[2]];
    const tissue = greyOf(phantom.body.HU);
    expect(Math.abs((await greyAt('axial', beside)) - tissue)).toBeLessThanOrEqual(GREY_TOLERANCE);
    await mpr((view) => view.setSlab('mip', 40));
    expect(Math.abs((await greyAt('axial', beside)) - greyOf(bone.HU))).toBeLessThanOrEqual(GREY_TOLERANCE);
    await page.screenshot({ path: screenshotPath('mpr-slab-mip') });
    await mpr((view) => view.setSlab('minip', 40));
    expect(await greyAt('axial', airBeside)).toBeLessThanOrEqual(greyOf(air.HU) + GREY_TOLERANCE);
    await mpr((view) => view.setSlab('average', 40));
    const average = await greyAt('axial', beside);
    expect(average).toBeGreaterThan(tissue + GREY_TOLERANCE);
    expect(average).toBeLessThan(greyOf(bone.HU) - GREY_TOLERANCE);
    await mpr((view) => view.setSlab('none', 0));
    expect(Math.abs((await greyAt('axial', beside)) - tissue)).toBeLessThanOrEqual(GREY_TOLERANCE);
  });

  it('renders the volume in 3D with the bone preset: bone is drawn, not background, and another preset draws otherwise', async () => {
    await page.getByTestId('mpr-3d').click();
    const vr = page.locator('[data-testid=vr-viewport][data-state=ready]');
    await vr.waitFor({ timeout: 60_000 });
    expect(await vr.getAttribute('data-preset')).toBe('CT-Bone');
    /** The 3D canvas' pixel statistics: share of non-black pixels and mean grey of the red channel. */
    const stats = () =>
      page.locator('[data-testid=vr-viewport] canvas.cornerstone-canvas').evaluate(async (canvas: HTMLCanvasElement) => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let lit = 0;
        let sum = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i]! + data[i + 1]! + data[i + 2]! > 30) lit += 1;
          sum += data[i]!;
        }
        return { lit: lit / (data.length / 4), mean: sum / (data.length / 4) };
      });
    const bone = await stats();
    await page.screenshot({ path: screenshotPath('mpr-3d-bone') });
    // The body, the spheres and the marker block make an object over part of the view, not an empty frame.
    expect(bone.lit).toBeGreaterThan(0.02);
    expect(bone.lit).toBeLessThan(0.95);
    await page.getByTestId('vr-preset').selectOption('CT-MIP');
    await page.locator('[data-testid=vr-viewport][data-preset=CT-MIP]').waitFor();
    const mip = await stats();
    await page.screenshot({ path: screenshotPath('mpr-3d-mip') });
    expect(Math.abs(mip.mean - bone.mean) + Math.abs(mip.lit - bone.lit) * 255).toBeGreaterThan(2);
    await page.getByTestId('mpr-3d').click();
    expect(await page.getByTestId('vr-viewport').count()).toBe(0);
  });

  it('goes back to the stack with M, and the stack still works', async () => {
    await page.keyboard.press('m');
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('mpr-layout').count()).toBe(0);
  });

  it('releases the volume when MPR closes: ten open/close cycles leave Cornerstone’s cache and the heap where they were', async () => {
    const use = () =>
      page.evaluate(async () => {
        // Two full collections with a pause between: what the closed views left is gone, not merely unreachable.
        (globalThis as unknown as { gc(): void }).gc();
        await new Promise((r) => setTimeout(r, 200));
        (globalThis as unknown as { gc(): void }).gc();
        const diagnostics = (globalThis as unknown as { gardeViewerDiagnostics: { cacheUse(): { bytes: number; volumes: number } } }).gardeViewerDiagnostics;
        return { ...diagnostics.cacheUse(), heap: (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize };
      });
    // One cycle first: what a first opening allocates once (shaders, tool classes) is not a leak.
    const cycle = async () => {
      await page.getByTestId('stack-viewport').press('m');
      await page.locator('[data-testid=mpr-status][data-loaded="40"][data-total="40"]').waitFor({ timeout: 60_000 });
      await page.locator('[data-testid=mpr-layout][data-state=ready]').waitFor({ timeout: 60_000 });
      await page.keyboard.press('m');
      await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
    };
    await cycle();
    const before = await use();
    const heaps: number[] = [];
    for (let k = 0; k < 10; k += 1) {
      await cycle();
      heaps.push((await use()).heap);
    }
    const after = await use();
    const MB = 2 ** 20;
    // The heap's trend over the cycles (least squares): one leaked volume a cycle would add its voxels each time.
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const xs = heaps.map((_, k) => k);
    const slope = xs.reduce((sum, x, k) => sum + (x - mean(xs)) * (heaps[k]! - mean(heaps)), 0) / xs.reduce((sum, x) => sum + (x - mean(xs)) ** 2, 0);
    const voxels = 192 * 192 * 40 * 4;
    console.log(
      `mpr memory: cache ${(before.bytes / MB).toFixed(1)} → ${(after.bytes / MB).toFixed(1)} MB, volumes ${before.volumes} → ${after.volumes}, heap ${(before.heap / MB).toFixed(1)} → ${(after.heap / MB).toFixed(1)} MB after 10 cycles, trend ${(slope / MB).toFixed(2)} MB a cycle (a volume is ${(voxels / MB).toFixed(1)} MB)`,
    );
    expect(after.volumes).toBe(0);
    expect(after.bytes).toBeLessThanOrEqual(before.bytes);
    expect(slope).toBeLessThan(voxels / 3);
  });
});
