import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom, type CtPhantomSeries } from '../../main/demo/samples';
import { startRegion, type Region } from '../fixtures/pacs';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const UID = '1.2.826.0.1.3680043.10.543.9301';
const OTHER_UID = '1.2.826.0.1.3680043.10.543.9302';
const patient = { PatientName: 'LINK^Louise', PatientID: 'LK-1', IssuerOfPatientID: 'CH-SUD', PatientBirthDate: '19700505', PatientSex: 'F' as const };
const study = (StudyInstanceUID: string, StudyDate: string, AccessionNumber: string) => ({ StudyInstanceUID, StudyDate, StudyTime: '100000', AccessionNumber, StudyID: '1', StudyDescription: 'CT link' });

/** The viewer's probe on the viewport element (renderer/features/study/useStackCell.ts). */
interface Probe {
  currentImageId(): string | undefined;
}

describe('open-study links (web mode, two real PACS)', () => {
  let region: Region;
  let linked: CtPhantomSeries;
  let workstation: Workstation;
  let page: Page;

  beforeAll(async () => {
    region = await startRegion();
    const make = (seed: string, uid: string, date: string, acc: string) => generateCtPhantom({ seed, patient, study: study(uid, date, acc), Rows: 64, Columns: 64, slices: 3 });
    linked = make('link-a', UID, '20261120', 'LK-A');
    // A day later: not a prior of the linked study, so no cell of its viewer may show it.
    const other = make('link-b', OTHER_UID, '20261121', 'LK-B');
    // Only PACS Sud holds the patient's two studies.
    await region.sud.storeInstances([...linked.instances, ...other.instances].map((i) => i.buffer));
    const nodes = [region.nord, region.sud].map((p) => dicomwebNode(p.id.toLowerCase().replace(/_/g, '-'), p.name, p));
    workstation = await startWorkstation({ nodes, viewport: { width: 1300, height: 850 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await region?.stop();
  });
  failOnPageErrors(() => workstation);

  const open = (query: string) => page.goto(`${workstation.web.origin}/open?${query}`);

  /** Checks that the viewer shows the linked study: its patient, only that study, and its first image from PACS Sud. */
  async function expectLinkedStudyShown(): Promise<void> {
    const viewport = page.locator('[data-testid=stack-viewport][data-state=ready]');
    await viewport.waitFor({ timeout: 60_000 });
    const field = (name: string) => page.locator(`[data-testid=patient-banner] [data-field=${name}]`).textContent();
    expect(await field('name')).toBe('LINK Louise');
    expect(await field('patientId')).toBe('LK-1');
    expect(await field('issuer')).toContain('CH-SUD');
    expect(await page.getByTestId('study-viewer').evaluateAll((els) => els.map((e) => e.getAttribute('data-study')))).toEqual([UID]);
    const cellStudies = await page.getByTestId('hanging-cell').evaluateAll((els) => els.map((e) => e.getAttribute('data-study')));
    expect(cellStudies.length).toBeGreaterThan(0);
    expect(new Set(cellStudies)).toEqual(new Set([UID]));
    expect(await page.locator(`[data-testid=hanging-cell][data-study="${OTHER_UID}"], [data-testid=stack-viewport][data-study="${OTHER_UID}"]`).count()).toBe(0);
    expect(await viewport.count()).toBe(1);
    expect(await viewport.getAttribute('data-study')).toBe(UID);
    expect(await viewport.getAttribute('data-index')).toBe('0');
    const imageId = await viewport.evaluate((el) => (el as unknown as { gardeStackView: Probe }).gardeStackView.currentImageId());
    expect(imageId).toContain(`/nodes/pacs-sud/dicom-web/studies/${UID}/`);
    expect(imageId).toContain(linked.instances[0]!.SOPInstanceUID);
  }

  it('opens the study from whichever PACS has it, by StudyInstanceUID', async () => {
    await open(`StudyInstanceUID=${UID}`);
    await expectLinkedStudyShown();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('accepts the IHE Invoke Image Display form', async () => {
    await open(`requestType=STUDY&studyUID=${UID}`);
    await expectLinkedStudyShown();
  });

  it('opens a series straight in MPR when the link asks view=mpr (a referring portal launching a reformat)', async () => {
    await open(`StudyInstanceUID=${UID}&SeriesInstanceUID=${linked.SeriesInstanceUID}&view=mpr`);
    const layout = page.locator(`[data-testid=mpr-layout][data-series="${linked.SeriesInstanceUID}"][data-state=ready]`);
    await layout.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('study-viewer').getAttribute('data-study')).toBe(UID);
    expect(await page.locator('[data-testid=patient-banner] [data-field=patientId]').textContent()).toBe('LK-1');
    expect(await page.getByTestId('mpr-viewport').count()).toBe(3);
    expect(await page.getByTestId('vr-viewport').count()).toBe(0);
    await page.getByTestId('mpr-close').click();
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
  });

  it('a patient with several studies opens the worklist filtered on them', async () => {
    await open('PatientID=LK-1');
    await page.getByTestId('open-link-notice').filter({ hasText: 'Several studies' }).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=worklist-table][data-count="2"]').waitFor({ timeout: 60_000 });
    const rows = await page.locator('[data-testid=worklist-table] tbody tr[data-index]').evaluateAll((trs) =>
      trs.map((tr) => ({ study: tr.getAttribute('data-study'), name: tr.querySelector('.patient-name')?.textContent, id: tr.children[2]?.firstChild?.textContent, issuer: tr.querySelector('.issuer')?.textContent })),
    );
    expect(rows.map((r) => r.study).sort()).toEqual([UID, OTHER_UID]);
    for (const row of rows) expect(row).toMatchObject({ name: 'LINK Louise', id: 'LK-1', issuer: 'CH-SUD' });
    expect(await page.getByTestId('study-viewer').count()).toBe(0);
  });

  it('an unknown study says so and opens nothing', async () => {
    await open('StudyInstanceUID=1.2.3.4.5.6.7');
    await page.getByTestId('open-link-notice').filter({ hasText: 'not found' }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('patient-banner').count()).toBe(0);
    expect(await page.getByTestId('study-viewer').count()).toBe(0);
  });
});
