import dcmjs from 'dcmjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom, type CtPhantomSeries } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { openFromWorklist } from './support/mprPage';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const patient = { PatientName: 'TILT^Theo', PatientID: 'TILT-1', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19650606', PatientSex: 'M' as const };
const study = (uid: string, acc: string, description: string) => ({ StudyInstanceUID: uid, StudyDate: toDicomDate(new Date()), StudyTime: '030000', AccessionNumber: acc, StudyID: acc, StudyDescription: description });
const TILTED = study('1.2.826.0.1.3680043.10.543.9711', 'TILT1', 'CT tilted gantry');
const GAPPED = study('1.2.826.0.1.3680043.10.543.9712', 'GAP1', 'CT missing slice');
const SOUND = study('1.2.826.0.1.3680043.10.543.9713', 'LOST1', 'CT lost slice');
const TILT_DEG = 20;

/** The file with its ImagePositionPatient (0020,0032) moved by `dy` mm along y: a gantry tilt when dy grows with the slice. */
function shiftedY(buffer: ArrayBuffer, dy: number): ArrayBuffer {
  const file = dcmjs.data.DicomMessage.readFile(buffer);
  const ipp = file.dict['00200032']!.Value as number[];
  file.dict['00200032']!.Value = [ipp[0]!, ipp[1]! + dy, ipp[2]!];
  return file.write() as ArrayBuffer;
}

describe('MPR on series that are not sound volumes (web mode, Chromium, real PACS)', () => {
  let pacs: OrthancInstance;
  let sound: CtPhantomSeries;
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    const spacing = 2.5;
    const tilted = generateCtPhantom({ seed: 'mpr-tilt', patient, study: TILTED, Rows: 64, Columns: 64, slices: 20, SliceThickness: spacing });
    const shear = spacing * Math.tan((TILT_DEG * Math.PI) / 180);
    const tiltedFiles = tilted.instances.map((instance, k) => shiftedY(instance.buffer, k * shear));
    const gapped = generateCtPhantom({ seed: 'mpr-gap', patient: { ...patient, PatientName: 'GAP^Gina', PatientID: 'GAP-1', PatientSex: 'F' }, study: GAPPED, Rows: 64, Columns: 64, slices: 20, SliceThickness: spacing });
    const gappedFiles = gapped.instances.filter((_, k) => k !== 8).map((i) => i.buffer);
    sound = generateCtPhantom({ seed: 'mpr-lost', patient: { ...patient, PatientName: 'LOST^Luc', PatientID: 'LOST-1' }, study: SOUND, Rows: 64, Columns: 64, slices: 20, SliceThickness: spacing });
    pacs = await startOrthanc({ name: 'e2e-mpr-bad', aeTitle: 'E2E_MPR_BAD', username: 'mprbad', password: 'mprbad-secret' });
    await storeInstancesStow(pacs, [...tiltedFiles, ...gappedFiles, ...sound.instances.map((i) => i.buffer)]);
    workstation = await startWorkstation({ nodes: [dicomwebNode('pacs-mpr-bad', 'PACS MPR bad', pacs)], viewport: { width: 1300, height: 700 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });

  for (const [name, target, code, words] of [
    ['a gantry-tilted series', TILTED, 'GANTRY_TILT', new RegExp(`gantry tilt of ${TILT_DEG}(\\.0)?°`)],
    ['a series with a missing slice', GAPPED, 'MISSING_SLICES', /about 1 slice\(s\) missing in 1 gap/],
  ] as const) {
    it(`explains why ${name} is not shown in MPR, and the stack still works`, async () => {
      await openFromWorklist(page, target.StudyInstanceUID);
      await page.getByTestId('action-mpr').click();
      const refused = page.getByTestId('mpr-refused');
      await refused.waitFor({ timeout: 30_000 });
      expect(await refused.getAttribute('data-codes')).toBe(code);
      expect(await refused.textContent()).toMatch(words);
      expect(await page.getByTestId('mpr-viewport').first().isVisible()).toBe(false);
      await page.screenshot({ path: screenshotPath(`mpr-refused-${code.toLowerCase()}`) });
      await page.getByTestId('mpr-close').click();
      const viewport = page.getByTestId('stack-viewport');
      await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
      await viewport.press('ArrowDown');
      await page.locator('[data-testid=stack-viewport][data-index="1"][data-state=ready]').waitFor({ timeout: 30_000 });
    });
  }

  it('says which slices a volume lacks when a frame cannot be fetched while it loads, and still shows the others', async () => {
    await openFromWorklist(page, SOUND.StudyInstanceUID);
    const lost = sound.instances[10]!.SOPInstanceUID;
    const pattern = `**/instances/${lost}/frames/**`;
    await page.route(pattern, (route) => route.abort('connectionreset'));
    workstation.expectErrors(/^console\.error: Failed to load resource: net::ERR_CONNECTION_RESET$/);
    try {
      await page.getByTestId('action-mpr').click();
      const failed = page.locator('[data-testid=mpr-slices-failed][data-failed="1"]');
      await failed.waitFor({ timeout: 60_000 });
      expect(await failed.textContent()).toMatch(/1 slice could not be loaded, the volume has a gap there/);
      // Every slice was tried: the others are in the volume, drawn.
      await page.locator('[data-testid=mpr-status][data-loaded="20"][data-total="20"]').waitFor({ timeout: 60_000 });
      await page.locator('[data-testid=mpr-layout][data-state=ready]').waitFor({ timeout: 60_000 });
      await page.screenshot({ path: screenshotPath('mpr-slice-lost') });
    } finally {
      await page.unroute(pattern);
    }
    await page.getByTestId('mpr-close').click();
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
  });
});
