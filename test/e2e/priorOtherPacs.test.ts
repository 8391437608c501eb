// A prior held by the other PACS of the testbed is hung beside the current study, read from the
// PACS holding it: the screening mammogram's prior stage (the demo's case: the patient known under
// each PACS's own PatientID, linked by the INS both carry) and a CT's comparison layout (the patient
// under the INS on both PACS). Each prior viewport is checked by its image ids (study, SOP
// instance, node) and by its pixel values against the prior's own files.
import dcmjs from 'dcmjs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { INS_ISSUER_OID } from '../../app/identity';
import { generateCtPhantom, generateMammographyStudy, type CtPhantomSeries, type GeneratedInstance, type MammographyStudy, type MammoViewName } from '../../main/demo/samples';
import { startRegion, type Region } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { hangingCells, mammoCellChecks } from './support/mammoCanvas';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

/** A well-formed INS-NIR: the 13-digit NIR followed by its key 97 - (NIR mod 97). */
const ins = (nir: string) => `${nir}${String(97n - (BigInt(nir) % 97n)).padStart(2, '0')}`;
const today = new Date();
const yearsAgo = (years: number) => toDicomDate(new Date(today.getFullYear() - years, today.getMonth(), today.getDate()));
const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

const mgIns = { PatientID: ins('2721175123018'), IssuerOfPatientID: INS_ISSUER_OID, TypeOfPatientID: 'TEXT' };
const mgBase = { PatientName: 'LAMBERT^Sophie', PatientBirthDate: '19721105', PatientSex: 'F' as const, OtherPatientIDsSequence: [mgIns] };
const mgOnSud = { ...mgBase, PatientID: 'S0071001', IssuerOfPatientID: 'CH-SUD' };
const mgOnNord = { ...mgBase, PatientID: 'N0071009', IssuerOfPatientID: 'CHU-NORD' };
const mgStudy = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7301', StudyDate: yearsAgo(0), StudyTime: '083000', AccessionNumber: 'S7301', StudyID: '1', StudyDescription: 'Screening mammography' };
const mgPriorStudy = { ...mgStudy, StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7300', StudyDate: yearsAgo(2), AccessionNumber: 'N7300' };

const ctPatient = { PatientName: 'FAURE^Henri', PatientID: ins('1530369123456'), IssuerOfPatientID: INS_ISSUER_OID, PatientBirthDate: '19530312', PatientSex: 'M' as const };
const ctStudy = (uid: string, date: string, acc: string) => ({ StudyInstanceUID: uid, StudyDate: date, StudyTime: '073000', AccessionNumber: acc, StudyID: acc, StudyDescription: 'CT chest' });
const ctCurrentStudy = ctStudy('1.2.826.0.1.3680043.10.543.7401', yearsAgo(0), 'N7401');
const ctPriorStudy = ctStudy('1.2.826.0.1.3680043.10.543.7400', yearsAgo(1), 'S7400');

const Rows = 512;
const Columns = 416;
const ORDER: MammoViewName[] = ['RCC', 'LCC', 'RMLO', 'LMLO'];

/** The probe the viewer leaves on each viewport element (renderer/features/study/useStackCell.ts). */
interface Probe {
  valueAt(column: number, row: number): number | undefined;
  currentImageId(): string | undefined;
}

/** Modality values (stored × RescaleSlope + RescaleIntercept, PS3.3 C.11.1.1.2) of a generated file, read with dcmjs. */
function modalityValues(instance: GeneratedInstance): { at(column: number, row: number): number; Rows: number; Columns: number } {
  const file = dcmjs.data.DicomMessage.readFile(instance.buffer);
  const ds = dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.dict) as Record<string, unknown>;
  const bytes = (ds.PixelData as ArrayBuffer[])[0]!;
  const stored = ds.PixelRepresentation === 1 ? new Int16Array(bytes) : new Uint16Array(bytes);
  const slope = Number(ds.RescaleSlope ?? 1);
  const intercept = Number(ds.RescaleIntercept ?? 0);
  const cols = Number(ds.Columns);
  return { at: (column, row) => stored[row * cols + column]! * slope + intercept, Rows: Number(ds.Rows), Columns: cols };
}

/** A grid of image points (column, row), `n` × `n`, away from the edges. */
function gridPoints(Rows: number, Columns: number, n = 7): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (let i = 1; i <= n; i += 1) for (let j = 1; j <= n; j += 1) points.push([Math.floor((Columns * i) / (n + 1)), Math.floor((Rows * j) / (n + 1))]);
  return points;
}

describe('a prior on the other PACS is hung with its own images (two real PACS, web mode, Chromium)', () => {
  let region: Region;
  let mgCurrent: MammographyStudy;
  let mgPrior: MammographyStudy;
  let ctCurrent: CtPhantomSeries;
  let ctPrior: CtPhantomSeries;
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    mgCurrent = generateMammographyStudy({ seed: 'e2e-prior-pacs', patient: mgOnSud, study: mgStudy, Rows, Columns });
    mgPrior = generateMammographyStudy({ seed: 'e2e-prior-pacs', patient: mgOnNord, study: mgPriorStudy, Rows, Columns, lesionRadiusFraction: 0.01 });
    ctCurrent = generateCtPhantom({ seed: 'e2e-prior-ct', patient: ctPatient, study: ctCurrentStudy, Rows: 96, Columns: 96, slices: 20, SliceThickness: 5, SeriesDescription: 'Axial' });
    ctPrior = generateCtPhantom({ seed: 'e2e-prior-ct-old', patient: ctPatient, study: ctPriorStudy, Rows: 96, Columns: 96, slices: 30, SliceThickness: 3, SeriesDescription: 'Axial' });
    region = await startRegion();
    // The screening study on PACS Sud, its prior on PACS Nord; the CT on PACS Nord, its prior on PACS Sud.
    await region.sud.storeInstances([...mgCurrent.instances, ...ctPrior.instances].map((i) => i.buffer));
    await region.nord.storeInstances([...mgPrior.instances, ...ctCurrent.instances].map((i) => i.buffer));
    workstation = await startWorkstation({ nodes: [dicomwebNode('pacs-nord', 'PACS Nord', region.nord), dicomwebNode('pacs-sud', 'PACS Sud', region.sud)], viewport: { width: 1400, height: 900 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await region?.stop({ graceMs: 0 });
  });

  const element = (cell: Locator) => cell.getByTestId('stack-viewport');
  const imageIdOf = (cell: Locator) => element(cell).evaluate((el) => (el as unknown as { gardeStackView: Probe }).gardeStackView.currentImageId());
  const valuesAt = (cell: Locator, points: Array<[number, number]>) =>
    element(cell).evaluate((el, pts) => pts.map(([c, r]) => (el as unknown as { gardeStackView: Probe }).gardeStackView.valueAt(c, r)), points);

  async function openStudy(uid: string): Promise<void> {
    await page.getByTestId('nav-worklist').click();
    const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${uid}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.getByTestId('worklist-table').press('Enter');
    await page.locator(`[data-testid=study-viewer][data-study="${uid}"]`).waitFor({ timeout: 30_000 });
  }

  /** Checks that a cell shows `instance`, read from `nodeId`, by its image id and its modality values, and that these tell it from `other`. */
  async function expectImageOf(cell: Locator, instance: GeneratedInstance, nodeId: string, other: GeneratedInstance): Promise<void> {
    const imageId = (await imageIdOf(cell)) ?? '';
    expect(imageId).toContain(`/nodes/${nodeId}/dicom-web/studies/${instance.StudyInstanceUID}/`);
    expect(imageId).toContain(`/instances/${instance.SOPInstanceUID}/`);
    const expected = modalityValues(instance);
    const points = gridPoints(expected.Rows, expected.Columns);
    const shown = await valuesAt(cell, points);
    expect(shown).toEqual(points.map(([c, r]) => expected.at(c, r)));
    const elsewhere = modalityValues(other);
    expect(points.filter(([c, r], k) => elsewhere.at(c, r) !== shown[k]).length, 'the points tell the prior from the current').toBeGreaterThan(points.length / 4);
  }

  it('hangs the screening study from PACS Sud with its current stage, then the prior stage with the prior’s images from PACS Nord', async () => {
    await openStudy(mgStudy.StudyInstanceUID);
    await page.locator('[data-testid=hanging-layout][data-protocol=mg-screening][data-stage=current]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=hanging-cell][data-state=ready]').nth(3).waitFor({ timeout: 60_000 });
    // The protocol found the prior: it has a prior stage to go to.
    expect(await page.getByTestId('hanging-stage').textContent()).toContain('Current: CC over MLO');
    await page.keyboard.press(']');
    await page.locator('[data-testid=hanging-layout][data-protocol=mg-screening][data-stage=prior]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid=hanging-cell][data-state=ready]').nth(3).waitFor({ timeout: 60_000 });
    const shown = await hangingCells(page);
    expect(shown).toHaveLength(4);
    for (const [i, cell] of shown.entries()) {
      const view = mgPrior.views.find((v) => v.view === ORDER[i])!;
      const currentView = mgCurrent.views.find((v) => v.view === ORDER[i])!;
      expect(await cell.getAttribute('data-study')).toBe(mgPriorStudy.StudyInstanceUID);
      expect(await cell.getAttribute('data-sop')).toBe(view.instance.SOPInstanceUID);
      await expectImageOf(cell, view.instance, 'pacs-nord', currentView.instance);
      await mammoCellChecks(cell, view, Rows, Columns);
    }
    const label = `Prior ${iso(mgPriorStudy.StudyDate)}`;
    expect(await page.getByTestId('hanging-prior').allTextContents()).toEqual([label, label, label, label]);
    // Two local identities sharing the INS: a certain link, no "identity probable" banner.
    expect(await page.getByTestId('hanging-identity-probable').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('prior-other-pacs-mammo') });
    await page.keyboard.press('[');
    await page.locator('[data-testid=hanging-layout][data-stage=current]').waitFor({ timeout: 20_000 });
  });

  it('opens the CT from PACS Nord as current | prior, the prior’s slices read from PACS Sud', async () => {
    await openStudy(ctCurrentStudy.StudyInstanceUID);
    await page.locator('[data-testid=hanging-layout][data-protocol=ct-comparison][data-stage=compare-soft-tissue]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=hanging-cell][data-state=ready]').nth(1).waitFor({ timeout: 60_000 });
    const cell = (index: number) => page.locator(`[data-testid=hanging-cell][data-index="${index}"]`);
    expect(await cell(0).getAttribute('data-study')).toBe(ctCurrentStudy.StudyInstanceUID);
    expect(await cell(1).getAttribute('data-study')).toBe(ctPriorStudy.StudyInstanceUID);
    expect(await cell(1).getAttribute('data-series')).toBe(ctPrior.SeriesInstanceUID);
    expect(await cell(1).getAttribute('data-prior')).toBe('true');
    const index = Number(await element(cell(1)).getAttribute('data-index'));
    await expectImageOf(cell(0), ctCurrent.instances[Number(await element(cell(0)).getAttribute('data-index'))]!, 'pacs-nord', ctPrior.instances[index]!);
    await expectImageOf(cell(1), ctPrior.instances[index]!, 'pacs-sud', ctCurrent.instances[index]!);
    const banner = (i: number, field: string) => cell(i).locator(`[data-testid=group-banner] [data-field=${field}]`).textContent();
    expect(await banner(0, 'label')).toBe(`Current ${iso(ctCurrentStudy.StudyDate)}`);
    expect(await banner(1, 'label')).toBe(`Prior ${iso(ctPriorStudy.StudyDate)}`);
    // The same PatientID under the same issuer (the INS) on both PACS: one patient on screen, no warning.
    expect(await page.getByTestId('patient-mismatch').count()).toBe(0);
    expect(await page.getByTestId('hanging-identity-probable').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('prior-other-pacs-ct') });
  });
});
