import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom, type CtPhantomSeries } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';
import { idbFrames, syncCall } from './pages/syncPageHelpers';

// The prefetch as the reader drives it with the mouse (issue 5): "Prefetch worklist" in the top
// bar, its queue count, throughput and time left while it runs; each worklist row's badge (percent
// and megabytes, then "offline ready"); cancel of a queued and of a running study; keep offline
// (pin) and unpin, kept across a reload; the outbox in Settings with each item's state.

const NODE = 'pacs-ui';
const SLICES = 100;
const uid = (i: number) => `1.2.826.0.1.3680043.10.543.98${String(i).padStart(2, '0')}`;

function ct(i: number, slices: number, Rows = 256): CtPhantomSeries {
  return generateCtPhantom({
    seed: `ui-${i}`,
    patient: { PatientName: `SYNCUI^P${i}`, PatientID: `SYNCUI-${i}`, PatientBirthDate: '19700101', PatientSex: 'M' },
    study: { StudyInstanceUID: uid(i), StudyDate: toDicomDate(new Date()), StudyTime: `0${i}0000`, AccessionNumber: `U${i}`, StudyID: '1', StudyDescription: `Sync UI ${i}` },
    Rows,
    Columns: Rows,
    slices,
  });
}

/** Limits the page's download rate in bytes per second (-1: no limit), with Chromium's network emulation. */
async function throttle(page: Page, bytesPerSecond: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: bytesPerSecond, uploadThroughput: -1 });
}

describe('prefetch driven from the UI (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);
  const row = (i: number) => page.locator(`[data-testid=worklist-table] tbody tr[data-study="${uid(i)}"]`);
  const badge = (i: number): Locator => row(i).getByTestId('sync-badge');
  const status = () => page.getByTestId('sync-status');
  /** The badge state of studies 1 to 4 (null: no badge), read in one snapshot of the page. */
  const states = () =>
    page.evaluate((uids) => uids.map((u) => document.querySelector(`[data-testid=worklist-table] tbody tr[data-study="${u}"] [data-testid=sync-badge]`)?.getAttribute('data-state') ?? null), [1, 2, 3, 4].map(uid));
  /** The studies whose badge shows a state, from one snapshot. */
  const studiesIn = async (state: string) => (await states()).flatMap((s, k) => (s === state ? [k + 1] : []));

  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'sync-ui', aeTitle: 'SYNC_UI', username: 'ui', password: 'ui-secret' });
    for (let i = 1; i <= 4; i += 1) await storeInstancesStow(pacs, ct(i, SLICES).instances.map((x) => x.buffer));
    workstation = await startWorkstation({ nodes: [dicomwebNode(NODE, 'UI PACS', pacs)], viewport: { width: 1500, height: 900 } });
    page = workstation.page;
    await page.locator('[data-testid=worklist-table][data-count="4"]').waitFor({ timeout: 60_000 });
  }, 300_000);
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });

  it('shows the queue, throughput and time left; badges with percent and megabytes then offline ready; cancels a queued and a running study', async () => {
    // A slow link (Chromium's network emulation) so that the queue is seen running.
    await throttle(page, 4e6);
    await page.getByTestId('sync-prefetch').click();
    // Two studies at once, the other two queued behind them (one snapshot: states move while the page is read).
    await expect.poll(async () => (await states()).map((s) => s ?? 'none').sort().join(' '), { timeout: 60_000 }).toBe('queued queued running running');
    await expect.poll(() => status().getAttribute('data-queue'), { timeout: 10_000 }).toBe('4');
    // Once frames arrive: "Prefetching 4 studies · <rate> MB/s · <m:ss> left".
    await expect.poll(() => status().textContent(), { timeout: 60_000 }).toMatch(/^Prefetching 4 studies · \d+\.\d MB\/s · \d+:\d\d left/);
    const rate = Number(/· (\d+\.\d) MB\/s/.exec((await status().textContent())!)![1]);
    expect(rate).toBeGreaterThan(0);
    const [running, other] = await studiesIn('running');
    await expect.poll(async () => (await badge(running!).textContent()) ?? '', { timeout: 60_000 }).toMatch(/^([1-9]\d?) % · \d+\.\d MB/);

    // Cancel a queued study: its badge goes, the queue shrinks.
    const [queued, kept] = await studiesIn('queued');
    await badge(queued!).getByTestId('sync-cancel').click();
    await expect.poll(() => badge(queued!).count()).toBe(0);
    await expect.poll(() => status().getAttribute('data-queue')).toBe('3');
    // Cancel a running one: it stops with what it stored, never reaches offline ready.
    await badge(other!).getByTestId('sync-cancel').click();
    await expect.poll(() => badge(other!).count()).toBe(0);
    await expect.poll(() => status().getAttribute('data-queue')).toBe('2');

    await throttle(page, -1);
    for (const i of [running!, kept!]) {
      await expect.poll(() => badge(i).getAttribute('data-state'), { timeout: 120_000 }).toBe('done');
      expect(await badge(i).textContent()).toMatch(/^offline ready/);
      expect(await idbFrames(page, NODE, uid(i))).toHaveLength(SLICES);
    }
    await expect.poll(() => status().textContent()).toMatch(/^2 studies offline ready/);
    expect((await idbFrames(page, NODE, uid(other!))).length).toBeLessThan(SLICES);
    expect(await idbFrames(page, NODE, uid(queued!))).toEqual([]);
    expect(await badge(queued!).count()).toBe(0);
    expect(await badge(other!).count()).toBe(0);
  }, 400_000);

  it('keeps a study offline and lets it go, across a reload', async () => {
    const done = (await studiesIn('done'))[0]!;
    const pin = badge(done).getByTestId('sync-pin');
    expect(await pin.textContent()).toBe('keep offline');
    await pin.click();
    await expect.poll(() => badge(done).getAttribute('data-pinned')).toBe('true');
    expect(await pin.getAttribute('aria-pressed')).toBe('true');
    expect(await pin.textContent()).toBe('unpin');
    await page.reload();
    await page.locator('[data-testid=worklist-table][data-count="4"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => badge(done).getAttribute('data-pinned'), { timeout: 30_000 }).toBe('true');
    expect(await syncCall<{ studies: { StudyInstanceUID: string }[] }>(page, 'usage').then((u) => u.studies.some((s) => s.StudyInstanceUID === uid(done)))).toBe(true);
    await badge(done).getByTestId('sync-pin').click();
    await expect.poll(() => badge(done).getAttribute('data-pinned')).toBe('false');
    await page.reload();
    await page.locator('[data-testid=worklist-table][data-count="4"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => badge(done).getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await badge(done).getAttribute('data-pinned')).toBe('false');
  }, 200_000);

  it('lists the outbox in Settings with each item state: delivered, refused', async () => {
    const report = ct(9, 1, 64).instances[0]!;
    await syncCall(page, 'addOutboxItem', { nodeId: NODE, StudyInstanceUID: report.StudyInstanceUID, SOPInstanceUID: report.SOPInstanceUID, bytes: [...new Uint8Array(report.buffer)] });
    // The PACS refuses the bytes that are not DICOM; the gateway answers that refusal with 502 Bad Gateway.
    workstation.expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 502 \(Bad Gateway\)$/);
    await syncCall(page, 'addOutboxItem', { nodeId: NODE, StudyInstanceUID: uid(1), SOPInstanceUID: `${uid(1)}.77`, bytes: [...new TextEncoder().encode('not a DICOM file')] });
    await page.getByTestId('nav-settings').click();
    const item = (sop: string) => page.locator(`[data-testid=outbox-item][data-sop="${sop}"]`);
    await expect.poll(() => item(report.SOPInstanceUID).getAttribute('data-state'), { timeout: 60_000 }).toBe('acknowledged');
    expect(await item(report.SOPInstanceUID).textContent()).toMatch(/^delivered · pacs-ui · /);
    await expect.poll(() => item(`${uid(1)}.77`).getAttribute('data-state'), { timeout: 60_000 }).toBe('rejected');
    expect(await item(`${uid(1)}.77`).textContent()).toMatch(/^refused · pacs-ui · .* · 1 attempt$/);
    // What the settings list says is what the PACS holds.
    const found = await fetch(`${pacs.dicomWebUrl}/instances?SOPInstanceUID=${report.SOPInstanceUID}`, { headers: { authorization: `Basic ${Buffer.from(`${pacs.username}:${pacs.password}`).toString('base64')}`, accept: 'application/dicom+json' } });
    expect(((await found.json()) as unknown[]).length).toBe(1);
  }, 200_000);
});
