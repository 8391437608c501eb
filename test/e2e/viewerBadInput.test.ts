import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { startLoopbackServer, type LoopbackServer } from '../gateway/support/loopbackServer';
import { screenshotPath } from './support/chromium';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const patient = { PatientName: 'BADINPUT^Gap', PatientID: 'BI-1', PatientBirthDate: '19700101', PatientSex: 'M' as const };
const gapStudy = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9201', StudyDate: toDicomDate(new Date()), StudyTime: '020000', AccessionNumber: 'BI1', StudyID: '1', StudyDescription: 'CT phantom with a gap' };
const garbageStudy = '1.2.826.0.1.3680043.10.543.9202';
const garbageSeries = '1.2.826.0.1.3680043.10.543.9202.1';

/** A DICOMweb node answering a valid study and series listing, then a series metadata cut mid-way. */
function garbageHandler(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '').replace(/\?.*$/, '');
  const json = (body: string): void => void res.writeHead(200, { 'content-type': 'application/dicom+json' }).end(body);
  const ui = (v: string) => ({ vr: 'UI', Value: [v] });
  if (path.endsWith('/metadata')) return json(`[{"0020000D":{"vr":"UI","Value":["${garbageStudy}"]},"0020000E":{"vr":"UI","Val`);
  if (path.endsWith('/series')) return json(JSON.stringify([{ '0020000D': ui(garbageStudy), '0020000E': ui(garbageSeries), '00080060': { vr: 'CS', Value: ['CT'] }, '00200011': { vr: 'IS', Value: [1] } }]));
  const asked = new URL(req.url ?? '/', 'http://loopback').searchParams.get('StudyInstanceUID');
  if (path.endsWith('/studies') && asked && asked !== garbageStudy) return json('[]');
  if (path.endsWith('/studies'))
    return json(JSON.stringify([{ '0020000D': ui(garbageStudy), '00100010': { vr: 'PN', Value: [{ Alphabetic: 'BADINPUT^Garbage' }] }, '00100020': { vr: 'LO', Value: ['BI-3'] }, '00080020': { vr: 'DA', Value: [gapStudy.StudyDate] } }]));
  json('[]');
}

describe('viewer on bad input (web mode, Chromium, real Orthanc)', () => {
  let gapPacs: OrthancInstance;
  let garbage: LoopbackServer;
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    const phantom = generateCtPhantom({ seed: 'e2e-bad-input', patient, study: gapStudy, Rows: 64, Columns: 64, slices: 20 });
    [gapPacs, garbage] = await Promise.all([
      startOrthanc({ name: 'e2e-bad-gap', aeTitle: 'E2E_BADGAP', username: 'bad', password: 'bad-secret' }),
      startLoopbackServer(garbageHandler),
    ]);
    // Two adjacent slices left out: one gap of three spacings.
    await storeInstancesStow(gapPacs, phantom.instances.filter((_, k) => k !== 8 && k !== 9).map((i) => i.buffer));
    const nodes = [dicomwebNode('pacs-gap', 'PACS Gap', gapPacs), { id: 'garbage', name: 'Garbage', kind: 'dicomweb', baseUrl: garbage.url, auth: { type: 'none' } }];
    workstation = await startWorkstation({ nodes, viewport: { width: 1200, height: 800 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await garbage?.close();
    await gapPacs?.stop({ graceMs: 0 });
  });

  const open = async (StudyInstanceUID: string) => {
    await page.goto(`${workstation.web.origin}/open?StudyInstanceUID=${StudyInstanceUID}`);
    await page.getByTestId('patient-banner').waitFor({ timeout: 20_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: screenshotPath('viewer-bad-input-open-failed') });
      console.log(await page.locator('body').innerText());
      throw e;
    });
  };

  it('warns above the viewport that slices are missing', async () => {
    await open(gapStudy.StudyInstanceUID);
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
    const warning = page.getByTestId('series-geometry-warning');
    await warning.waitFor();
    expect(await warning.getAttribute('data-codes')).toBe('MISSING_SLICES');
    expect(await warning.textContent()).toContain('About 2 slices missing');
    await page.screenshot({ path: screenshotPath('viewer-bad-input-gap') });
  });

  it('reports a truncated series metadata answer as an error, without crashing', async () => {
    // The gateway answers the garbage node's cut metadata with 502 Bad Gateway.
    workstation.expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 502 \(Bad Gateway\)$/);
    await open(garbageStudy);
    const alert = page.getByTestId('stack-error');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/cannot be displayed/);
    expect(garbage.received.some((r) => r.url.includes('/metadata'))).toBe(true);
    // The page still works: the study that loads fine opens again.
    await open(gapStudy.StudyInstanceUID);
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
  });
});
