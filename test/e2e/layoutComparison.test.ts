import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtCoronal, generateCtPhantom, type CtCoronalSeries, type CtPhantomSeries, type PhantomSphere } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const patient = { PatientName: 'COMPARE^Carla', PatientID: 'CMP-1', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19550505', PatientSex: 'F' as const };
// Same name, birth date and sex under another PatientID authority: a probable identity only.
const other = { PatientName: 'OTHER^Olga', PatientID: 'CMP-2', PatientBirthDate: '19480808', PatientSex: 'F' as const };
const otherElsewhere = { ...other, IssuerOfPatientID: 'PACS-EXT' };
const today = new Date();
const dateOf = (years: number) => toDicomDate(new Date(today.getFullYear() - years, today.getMonth(), today.getDate()));
const study = (uid: string, date: string, acc: string) => ({ StudyInstanceUID: uid, StudyDate: date, StudyTime: '080000', AccessionNumber: acc, StudyID: acc, StudyDescription: 'CT chest' });
const current = study('1.2.826.0.1.3680043.10.543.8101', dateOf(0), 'CMP1');
const prior = study('1.2.826.0.1.3680043.10.543.8100', dateOf(2), 'CMP0');
const otherCurrent = study('1.2.826.0.1.3680043.10.543.8201', dateOf(0), 'OTH1');
const otherPrior = study('1.2.826.0.1.3680043.10.543.8200', dateOf(1), 'OTH0');
const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

/** The probe the viewer leaves on each viewport element (renderer/features/study/useStackCell.ts). */
interface Probe {
  valueAt(column: number, row: number): number | undefined;
  canvasPointOf(column: number, row: number): [number, number] | undefined;
  canvasPointOfPatient(point: [number, number, number]): [number, number];
  currentImageId(): string | undefined;
}

describe('comparison and reader layouts on a real PACS (web mode, Chromium)', () => {
  let pacs: OrthancInstance;
  let axial: CtPhantomSeries;
  let coronal: CtCoronalSeries;
  let priorAxial: CtPhantomSeries;
  let otherAxial: CtPhantomSeries;
  let otherPriorAxial: CtPhantomSeries;
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    // Current: 20 slices of 5 mm; prior: 30 slices of 3 mm in its own frame of reference (index sync).
    axial = generateCtPhantom({ seed: 'cmp-current', patient, study: current, Rows: 96, Columns: 96, slices: 20, SliceThickness: 5, SeriesDescription: 'Axial' });
    coronal = generateCtCoronal({ seed: 'cmp-current', patient, study: current, axial, slices: 12 });
    priorAxial = generateCtPhantom({ seed: 'cmp-prior', patient, study: prior, Rows: 96, Columns: 96, slices: 30, SliceThickness: 3, SeriesDescription: 'Axial' });
    // The other patient's prior shares the frame of reference of the current (position sync).
    otherAxial = generateCtPhantom({ seed: 'oth-current', patient: other, study: otherCurrent, Rows: 64, Columns: 64, slices: 20, SliceThickness: 5 });
    otherPriorAxial = generateCtPhantom({ seed: 'oth-prior', patient: otherElsewhere, study: otherPrior, Rows: 64, Columns: 64, slices: 30, SliceThickness: 3, FrameOfReferenceUID: otherAxial.FrameOfReferenceUID });
    pacs = await startOrthanc({ name: 'e2e-compare', aeTitle: 'E2E_COMPARE', username: 'compare', password: 'compare-secret' });
    await storeInstancesStow(pacs, [axial, coronal, priorAxial, otherAxial, otherPriorAxial].flatMap((s) => s.instances.map((i) => i.buffer)));
    workstation = await startWorkstation({ nodes: [dicomwebNode('pacs-compare', 'PACS Compare', pacs)], viewport: { width: 1400, height: 900 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });

  const cell = (index: number) => page.locator(`[data-testid=hanging-cell][data-index="${index}"]`);
  const element = (index: number) => cell(index).getByTestId('stack-viewport');
  const indexOf = async (index: number) => Number(await element(index).getAttribute('data-index'));
  const probe = <T>(index: number, fn: (p: Probe, args: number[]) => T, args: number[] = []) =>
    element(index).evaluate((el, [source, a]) => (new Function('p', 'a', `return (${source as string})(p, a)`) as (p: Probe, a: number[]) => T)((el as unknown as { gardeStackView: Probe }).gardeStackView, a as number[]), [fn.toString(), args] as const);
  /** Luminance of a cell's canvas at a CSS point of its viewport, after two animation frames. */
  const luminanceAt = (index: number, [x, y]: [number, number]) =>
    element(index).evaluate(async (el, [px, py]) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const canvas = el.querySelector('canvas')!;
      const scale = canvas.width / canvas.clientWidth;
      const [r, g, b] = canvas.getContext('2d')!.getImageData(Math.round(px! * scale), Math.round(py! * scale), 1, 1).data;
      return (r! + g! + b!) / 3;
    }, [x, y]);

  async function openStudy(uid: string): Promise<void> {
    await page.getByTestId('nav-worklist').click();
    const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${uid}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.getByTestId('worklist-table').press('Enter');
    await page.locator(`[data-testid=study-viewer][data-study="${uid}"]`).waitFor({ timeout: 30_000 });
  }

  async function scrollTo(index: number, k: number): Promise<void> {
    await element(index).focus();
    for (let guard = 0; guard < 60 && (await indexOf(index)) !== k; guard += 1) {
      const at = await indexOf(index);
      await element(index).press(at < k ? 'ArrowDown' : 'ArrowUp');
      await page.waitForFunction(([i, v]) => document.querySelector(`[data-testid=hanging-cell][data-index="${i}"] [data-testid=stack-viewport]`)?.getAttribute('data-index') === String(v), [index, at < k ? at + 1 : at - 1] as const);
    }
    await cell(index).locator(`[data-testid=stack-viewport][data-index="${k}"][data-state=ready]`).waitFor({ timeout: 20_000 });
  }

  /** Where a point of the patient (LPS, mm) lies in a cell's canvas (CSS px). */
  const canvasPointOfPatient = (index: number, point: [number, number, number]) => probe(index, (p, a) => p.canvasPointOfPatient(a as [number, number, number]), point);

  it('opens a CT with a prior as current | prior, each with its own banner, same window, index sync said on screen', async () => {
    await openStudy(current.StudyInstanceUID);
    await page.locator('[data-testid=hanging-layout][data-protocol=ct-comparison][data-stage=compare-soft-tissue]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=hanging-cell][data-state=ready]').nth(1).waitFor({ timeout: 60_000 });
    expect(await cell(0).getAttribute('data-column')).toBe('0');
    expect(await cell(0).getAttribute('data-study')).toBe(current.StudyInstanceUID);
    expect(await cell(0).getAttribute('data-series')).toBe(axial.SeriesInstanceUID);
    expect(await cell(1).getAttribute('data-column')).toBe('1');
    expect(await cell(1).getAttribute('data-study')).toBe(prior.StudyInstanceUID);
    expect(await cell(1).getAttribute('data-prior')).toBe('true');
    expect(await probe(0, (p) => p.currentImageId())).toContain(axial.instances[0]!.SOPInstanceUID);
    expect(await probe(1, (p) => p.currentImageId())).toContain(priorAxial.instances[0]!.SOPInstanceUID);
    const banner = (index: number, field: string) => cell(index).locator(`[data-testid=group-banner] [data-field=${field}]`).textContent();
    expect(await banner(0, 'label')).toBe(`Current ${iso(current.StudyDate)}`);
    expect(await banner(1, 'label')).toBe(`Prior ${iso(prior.StudyDate)}`);
    for (const index of [0, 1]) {
      expect(await banner(index, 'name')).toBe('COMPARE Carla');
      expect(await banner(index, 'patientId')).toBe('ID CMP-1 (CHU-NORD)');
      expect(await banner(index, 'birthDate')).toBe('Born 1955-05-05');
      // The protocol's mediastinum window (W 350 L 50) on both sides.
      expect(await cell(index).getByTestId('overlay-wl').textContent()).toBe('W 350 L 50');
    }
    expect(await page.getByTestId('patient-banner').locator('[data-field=patientId]').textContent()).toBe('CMP-1');
    expect(await page.getByTestId('patient-mismatch').count()).toBe(0);
    const sync = page.getByTestId('scroll-sync');
    expect(await sync.getAttribute('data-mode')).toBe('index');
    expect(await sync.textContent()).toBe('sync: index');
    await page.screenshot({ path: screenshotPath('compare-opened') });
  });

  it('scrolls the prior with the current, by index, and shows each study’s own pixels', async () => {
    await scrollTo(0, 10);
    await cell(1).locator('[data-testid=stack-viewport][data-index="10"][data-state=ready]').waitFor({ timeout: 20_000 });
    expect(await probe(1, (p) => p.currentImageId())).toContain(priorAxial.instances[10]!.SOPInstanceUID);
    // 13 mm beside the bone sphere's centre: inside it on the current (5 mm slices, z -2.5 mm, radius 17.8 mm
    // there), outside it on the prior (3 mm slices, z 13.5 mm: radius 9 mm there).
    const bone = axial.objects.find((o): o is PhantomSphere => o.kind === 'sphere' && o.label === 'bone')!;
    const zCurrent = axial.geometry.positions[10]![2];
    const zPrior = priorAxial.geometry.positions[10]![2];
    const inCurrent = await canvasPointOfPatient(0, [bone.center[0] + 13, bone.center[1], zCurrent]);
    const inPrior = await canvasPointOfPatient(1, [bone.center[0] + 13, bone.center[1], zPrior]);
    await expect.poll(() => luminanceAt(0, inCurrent), { timeout: 10_000 }).toBeGreaterThan(230);
    const priorLuminance = await luminanceAt(1, inPrior);
    expect(priorLuminance).toBeGreaterThan(60);
    expect(priorLuminance).toBeLessThan(180);
    await page.screenshot({ path: screenshotPath('compare-scrolled') });
  });

  it('lets the reader turn sync off and on again', async () => {
    await page.getByTestId('scroll-sync-toggle').click();
    expect(await page.getByTestId('scroll-sync').getAttribute('data-mode')).toBe('off');
    await scrollTo(0, 12);
    expect(await indexOf(1)).toBe(10);
    await page.getByTestId('scroll-sync-toggle').click();
    expect(await page.getByTestId('scroll-sync').getAttribute('data-mode')).toBe('index');
    // Linked again with the offset the reader left: the current two ahead of the prior.
    await scrollTo(0, 14);
    await cell(1).locator('[data-testid=stack-viewport][data-index="12"]').waitFor({ timeout: 20_000 });
  });

  it('goes to a 2 × 2 layout, shows a clicked series in the active cell, draws the reference line, and back', async () => {
    await page.getByTestId('layout-picker').click();
    await page.getByTestId('layout-2x2').click();
    await page.locator('[data-testid=hanging-layout][data-rows="2"][data-columns="2"]').waitFor();
    expect(await page.getByTestId('hanging-cell').count()).toBe(2);
    expect(await page.getByTestId('hanging-cell-empty').count()).toBe(2);
    // Fitted images are fitted again to their smaller cells.
    await expect.poll(() => cell(0).getByTestId('overlay-zoom').textContent(), { timeout: 10_000 }).toBe('Zoom 1.00×');
    await page.locator('[data-testid=hanging-cell-empty][data-index="2"]').click();
    await page.locator('[data-testid=hanging-cell-empty][data-index="2"][data-active=true]').waitFor();
    await page.locator(`[data-testid=series-list] button[data-series="${coronal.SeriesInstanceUID}"]`).click();
    await cell(2).locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 30_000 });
    expect(await cell(2).getAttribute('data-series')).toBe(coronal.SeriesInstanceUID);
    expect(await cell(2).getAttribute('data-active')).toBe('true');
    expect(await page.getByTestId('hanging-stage').getAttribute('data-changed')).toBe('true');

    // The axial is the source: the coronal shows where its slice cuts it, at the row of the slice's z.
    await element(0).click();
    for (const k of [4, 15]) {
      await scrollTo(0, k);
      // Where the axial slice's plane (z of slice k) lies on the coronal image.
      const expected = (await canvasPointOfPatient(2, [0, 0, axial.geometry.positions[k]![2]]))[1];
      const line = cell(2).locator('svg line[data-id$="-line"]');
      await expect.poll(async () => ((await line.count()) > 0 ? Math.abs(Number(await line.first().getAttribute('y1')) - expected) : 'no line'), { timeout: 10_000 }).toBeLessThan(1.5);
      expect(Math.abs(Number(await line.first().getAttribute('y2')) - expected)).toBeLessThan(1.5);
      const [x1, x2] = [Number(await line.first().getAttribute('x1')), Number(await line.first().getAttribute('x2'))];
      expect(Math.abs(x2 - x1)).toBeGreaterThan(50);
    }
    // No line on the prior: another frame of reference, and parallel to the source anyway.
    expect(await cell(1).locator('svg line[data-id$="-line"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('compare-2x2-reference-line') });

    // A series dragged from the list onto a cell shows there, a prior's with its own banner.
    await page.locator(`[data-testid=series-list] button[data-series="${priorAxial.SeriesInstanceUID}"]`).dragTo(page.locator('[data-testid=hanging-cell-empty][data-index="3"]'));
    await cell(3).locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 30_000 });
    expect(await cell(3).getAttribute('data-study')).toBe(prior.StudyInstanceUID);
    expect(await cell(3).getAttribute('data-active')).toBe('true');
    expect(await cell(3).locator('[data-testid=group-banner] [data-field=label]').textContent()).toBe(`Prior ${iso(prior.StudyDate)}`);

    await page.getByTestId('layout-picker').click();
    await page.getByTestId('layout-1x2').click();
    await page.locator('[data-testid=hanging-layout][data-rows="1"][data-columns="2"]').waitFor();
    expect(await page.getByTestId('hanging-cell').count()).toBe(2);
    expect(await cell(0).getAttribute('data-study')).toBe(current.StudyInstanceUID);
    expect(await cell(1).getAttribute('data-study')).toBe(prior.StudyInstanceUID);
    await page.getByTestId('layout-picker').click();
    await page.getByTestId('layout-1x1').click();
    await page.locator('[data-testid=hanging-layout][data-rows="1"][data-columns="1"]').waitFor();
    expect(await page.getByTestId('stack-viewport').count()).toBe(1);
    expect(await cell(0).getAttribute('data-series')).toBe(axial.SeriesInstanceUID);
  });

  it('keeps the reader’s layout when the study is opened again', async () => {
    await openStudy(current.StudyInstanceUID);
    await page.locator('[data-testid=hanging-layout][data-rows="1"][data-columns="1"]').waitFor({ timeout: 30_000 });
    await cell(0).locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 30_000 });
    expect(await cell(0).getAttribute('data-series')).toBe(axial.SeriesInstanceUID);
  });

  it('says in red that the viewports show different patients, naming both, and syncs by position in one frame of reference', async () => {
    await openStudy(otherCurrent.StudyInstanceUID);
    await page.locator('[data-testid=hanging-layout][data-protocol=ct-comparison]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=hanging-cell][data-state=ready]').nth(1).waitFor({ timeout: 60_000 });
    expect(await cell(1).getAttribute('data-study')).toBe(otherPrior.StudyInstanceUID);
    const mismatch = page.getByTestId('patient-mismatch');
    await mismatch.waitFor({ timeout: 10_000 });
    const text = (await mismatch.textContent()) ?? '';
    expect(text).toContain('Different patients on screen');
    expect(text).toContain('OTHER Olga (ID CMP-2, no issuer, born 1948-08-08)');
    expect(text).toContain('OTHER Olga (ID CMP-2, PACS-EXT, born 1948-08-08)');
    // The study's own banner stays the current patient's; the prior's banner shows the prior's identity.
    expect(await page.getByTestId('patient-banner').locator('[data-field=patientId]').textContent()).toBe('CMP-2');
    expect(await page.getByTestId('patient-banner').locator('[data-field=issuer]').count()).toBe(0);
    expect(await cell(1).locator('[data-testid=group-banner] [data-field=patientId]').textContent()).toBe('ID CMP-2 (PACS-EXT)');
    await page.screenshot({ path: screenshotPath('compare-different-patients') });

    expect(await page.getByTestId('scroll-sync').getAttribute('data-mode')).toBe('position');
    for (const k of [6, 13]) {
      await scrollTo(0, k);
      // 5 mm slices against 3 mm ones: the prior goes to the slice nearest the current's z.
      const z = otherAxial.geometry.positions[k]![2];
      const nearest = otherPriorAxial.geometry.positions.reduce((best, p, i) => (Math.abs(p[2] - z) < Math.abs(otherPriorAxial.geometry.positions[best]![2] - z) ? i : best), 0);
      expect(nearest).not.toBe(k);
      await cell(1).locator(`[data-testid=stack-viewport][data-index="${nearest}"]`).waitFor({ timeout: 20_000 });
    }
  });

  it('clears the red banner when only one patient is on screen', async () => {
    await page.getByTestId('layout-picker').click();
    await page.getByTestId('layout-1x1').click();
    await page.locator('[data-testid=hanging-layout][data-rows="1"][data-columns="1"]').waitFor();
    await expect.poll(() => page.getByTestId('patient-mismatch').count(), { timeout: 10_000 }).toBe(0);
  });
});

