import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../../app/dicom/formatPersonName';
import { INS_ISSUER_OID } from '../../../app/identity';
import { generateCtPhantom } from '../../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../../fixtures/pacs';
import { openStudyReport, saveReader } from '../support/reportPage';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from '../support/workstation';

// Identity safety at sign time (issue 15 item 5): with the current CT beside a prior held under
// another identifier of the same person (linked by the INS, so hung, but not the same identity),
// the screen shows two patients and signing is refused, saying why; back to the current study
// alone, the sign dialog names its patient, ID, issuer and accession number.

const ins = (nir: string) => `${nir}${String(97n - (BigInt(nir) % 97n)).padStart(2, '0')}`;
const today = new Date();
const yearsAgo = (years: number) => toDicomDate(new Date(today.getFullYear() - years, today.getMonth(), today.getDate()));
const person = { PatientName: 'MOREAU^Jeanne', PatientBirthDate: '19490707', PatientSex: 'F' as const, OtherPatientIDsSequence: [{ PatientID: ins('2490775123041'), IssuerOfPatientID: INS_ISSUER_OID, TypeOfPatientID: 'TEXT' }] };
/** A small CT of the person under one of their identifiers. */
const ct = (seed: string, PatientID: string, IssuerOfPatientID: string, StudyInstanceUID: string, years: number, AccessionNumber: string) =>
  generateCtPhantom({
    seed,
    patient: { ...person, PatientID, IssuerOfPatientID },
    study: { StudyInstanceUID, StudyDate: yearsAgo(years), StudyTime: '010000', AccessionNumber, StudyID: AccessionNumber, StudyDescription: 'CT chest' },
    Rows: 64,
    Columns: 64,
    slices: 4,
  });
const current = ct('id-current', 'S-4401', 'CH-SUD', '1.2.826.0.1.3680043.10.543.9901', 0, 'ID-CUR');
const prior = ct('id-prior', 'N-9902', 'CHU-NORD', '1.2.826.0.1.3680043.10.543.9900', 1, 'ID-PRI');

describe('signing refused on an ambiguous two-patient screen (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let workstation: Workstation;
  let page: Page;
  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'e2e-report-id', aeTitle: 'E2E_RID', username: 'rid', password: 'rid-secret' });
    await storeInstancesStow(pacs, [...current.instances, ...prior.instances].map((i) => i.buffer));
    workstation = await startWorkstation({ nodes: [dicomwebNode('pacs-rid', 'PACS Identité', pacs)], viewport: { width: 1500, height: 950 } });
    page = workstation.page;
    await saveReader(page);
  }, 180_000);
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });
  failOnPageErrors(() => workstation);

  it('refuses to sign while two patients are on screen, and names the patient once only this study is shown', async () => {
    await openStudyReport(page, current.instances[0]!.StudyInstanceUID);
    await page.locator('[data-testid=hanging-cell][data-prior=true][data-state=ready]').waitFor({ timeout: 60_000 });
    await page.getByTestId('patient-mismatch').waitFor();
    await page.getByTestId('report-begin').click();
    await page.getByTestId('report-conclusion').fill('Stable.');
    expect(await page.getByTestId('report-blocker').getAttribute('data-blocker')).toBe('twoPatients');
    expect(await page.getByTestId('report-sign').isDisabled()).toBe(true);
    // The current study alone: one patient, signing allowed; the dialog names them.
    await page.getByTestId('layout-picker').click();
    await page.getByTestId('layout-1x1').click();
    await expect.poll(() => page.getByTestId('patient-mismatch').count()).toBe(0);
    await expect.poll(() => page.getByTestId('report-sign').isDisabled()).toBe(false);
    await page.getByTestId('report-sign').click();
    expect(await page.getByTestId('sign-field').allTextContents()).toEqual(expect.arrayContaining(['MOREAU Jeanne', 'S-4401 (CH-SUD)', 'ID-CUR']));
  }, 120_000);
});
