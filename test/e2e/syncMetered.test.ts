import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom, type CtPhantomSeries } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';
import { idbFrames, syncCall, waitForStudy } from './pages/syncPageHelpers';

// "Pause prefetch on a metered link" (issue 5) against Chromium's own Network Information API,
// driven over CDP: Network.emulateNetworkConditions makes navigator.connection.effectiveType '2g'
// (with a change event) and Emulation.setDataSaverOverride sets navigator.connection.saveData
// (without one). The setting is ticked in Settings like a reader would.

const NODE = 'pacs-metered';
const uid = (i: number) => `1.2.826.0.1.3680043.10.543.99${String(i).padStart(2, '0')}`;

function ct(i: number, slices: number): CtPhantomSeries {
  return generateCtPhantom({
    seed: `metered-${i}`,
    patient: { PatientName: `METERED^P${i}`, PatientID: `METERED-${i}`, PatientBirthDate: '19800101', PatientSex: 'F' },
    study: { StudyInstanceUID: uid(i), StudyDate: '20240301', StudyTime: '010000', AccessionNumber: `M${i}`, StudyID: '1', StudyDescription: `Metered ${i}` },
    Rows: 256,
    Columns: 256,
    slices,
  });
}

describe('prefetch paused on a metered link (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let workstation: Workstation;
  let page: Page;
  let cdp: CDPSession;
  failOnPageErrors(() => workstation);
  const status = () => page.getByTestId('sync-status');
  const link = (conditions: { latency: number; bytesPerSecond: number; connectionType?: string }) =>
    cdp.send('Network.emulateNetworkConditions', { offline: false, latency: conditions.latency, downloadThroughput: conditions.bytesPerSecond, uploadThroughput: conditions.bytesPerSecond, ...(conditions.connectionType ? { connectionType: conditions.connectionType as 'cellular2g' } : {}) });
  const connection = () => page.evaluate(() => {
    const c = (navigator as Navigator & { connection: { effectiveType: string; saveData: boolean } }).connection;
    return { effectiveType: c.effectiveType, saveData: c.saveData };
  });
  const setMeteredSetting = async (on: boolean) => {
    await page.getByTestId('nav-settings').click();
    const box = page.getByTestId('sync-metered');
    if ((await box.isChecked()) !== on) await box.click();
    await expect.poll(() => box.isChecked()).toBe(on);
    await page.getByTestId('nav-worklist').click();
  };

  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'metered', aeTitle: 'METERED', username: 'metered', password: 'metered-secret' });
    await storeInstancesStow(pacs, ct(1, 150).instances.map((x) => x.buffer));
    for (const i of [2, 3]) await storeInstancesStow(pacs, ct(i, 10).instances.map((x) => x.buffer));
    workstation = await startWorkstation({ nodes: [dicomwebNode(NODE, 'Metered PACS', pacs)], viewport: { width: 1400, height: 900 } });
    page = workstation.page;
    await page.getByTestId('sync-status').waitFor({ timeout: 60_000 });
    cdp = await workstation.context.newCDPSession(page);
    await cdp.send('Network.enable');
  }, 300_000);
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });

  it('pauses a running prefetch when the link turns 2G, stores nothing meanwhile, and resumes when it is fast again', async () => {
    await setMeteredSetting(true);
    await link({ latency: 0, bytesPerSecond: 3e6 });
    expect((await connection()).effectiveType).not.toMatch(/2g/);
    await syncCall(page, 'enqueue', [{ nodeId: NODE, StudyInstanceUID: uid(1), reason: 'worklist', priority: 0 }]);
    await waitForStudy(page, uid(1), (s) => s.storedFrames >= 15, 120_000);

    await link({ latency: 2000, bytesPerSecond: 50_000 / 8, connectionType: 'cellular2g' });
    expect((await connection()).effectiveType).toBe('2g');
    await expect.poll(() => status().getAttribute('data-paused'), { timeout: 10_000 }).toBe('metered');
    expect(await status().textContent()).toMatch(/^Prefetch paused on a metered link/);
    await waitForStudy(page, uid(1), (s) => s.state === 'queued', 30_000);
    // What was received before the pause is stored; after that, nothing more while paused.
    await new Promise((r) => setTimeout(r, 1000));
    const atPause = (await idbFrames(page, NODE, uid(1))).length;
    expect(atPause).toBeGreaterThanOrEqual(15);
    expect(atPause).toBeLessThan(150);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await idbFrames(page, NODE, uid(1))).length).toBe(atPause);

    await link({ latency: 0, bytesPerSecond: -1 });
    expect((await connection()).effectiveType).toBe('4g');
    await expect.poll(() => status().getAttribute('data-paused'), { timeout: 10_000 }).toBe('');
    const done = await waitForStudy(page, uid(1), (s) => s.state === 'done', 120_000);
    expect(done.storedFrames).toBe(150);
    expect(await idbFrames(page, NODE, uid(1))).toHaveLength(150);
  }, 300_000);

  it('pauses when the browser is asked to save data, and only when the setting is on', async () => {
    await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
    expect((await connection()).saveData).toBe(true);
    // No change event for saveData: the link is looked at again within two seconds.
    await expect.poll(() => status().getAttribute('data-paused'), { timeout: 10_000 }).toBe('metered');
    await syncCall(page, 'enqueue', [{ nodeId: NODE, StudyInstanceUID: uid(2), reason: 'worklist', priority: 0 }]);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await idbFrames(page, NODE, uid(2))).toEqual([]);
    expect((await waitForStudy(page, uid(2), () => true, 5000)).state).toBe('queued');

    // The reader turns the setting off: the queue runs on the same link.
    await setMeteredSetting(false);
    await expect.poll(() => status().getAttribute('data-paused'), { timeout: 10_000 }).toBe('');
    await waitForStudy(page, uid(2), (s) => s.state === 'done', 60_000);
    expect((await connection()).saveData).toBe(true);

    // On again, then the data saver off: paused, then running.
    await setMeteredSetting(true);
    await expect.poll(() => status().getAttribute('data-paused'), { timeout: 10_000 }).toBe('metered');
    await syncCall(page, 'enqueue', [{ nodeId: NODE, StudyInstanceUID: uid(3), reason: 'worklist', priority: 0 }]);
    await cdp.send('Emulation.setDataSaverOverride', {});
    await expect.poll(() => status().getAttribute('data-paused'), { timeout: 10_000 }).toBe('');
    await waitForStudy(page, uid(3), (s) => s.state === 'done', 60_000);
  }, 300_000);
});
