import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom, type CtPhantomSeries } from '../../main/demo/samples';
import { loadDemoScenario, startRegion, type LoadedScenario, type Region, type RegionalPacs } from '../fixtures/pacs';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';
import { idbFrames, nodeIdOf, restartPacs, syncCall, waitForStudy } from './pages/syncPageHelpers';

// Prefetch queue (issue 5 items 4, 5): the demo night and its priors from the other PACS fetched
// into the encrypted cache; a PACS killed in the middle of a 300-slice series and restarted on the
// same storage: the sync completes, no frame fetched twice; a reload in the middle of a sync.

const BIG_SLICES = 300;
const FRAME_RECORD_BYTES = 256 * 256 * 2 + 12 + 16;

function bigCt(uid: string, seed: string, slices: number): CtPhantomSeries {
  return generateCtPhantom({
    seed,
    patient: { PatientName: `BULK^${seed}`, PatientID: `BULK-${seed}`, PatientBirthDate: '19600101', PatientSex: 'M' },
    study: { StudyInstanceUID: uid, StudyDate: '20200101', StudyTime: '010000', AccessionNumber: seed, StudyID: '1', StudyDescription: 'CT bulk' },
    Rows: 256,
    Columns: 256,
    slices,
  });
}

/** Limits the page's download rate in bytes per second (-1: no limit), with Chromium's network emulation. */
async function throttle(page: Page, bytesPerSecond: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: bytesPerSecond, uploadThroughput: -1 });
}

describe('prefetch queue (web mode, Chromium, two real Orthanc)', () => {
  let region: Region;
  let nord: RegionalPacs;
  let scenario: LoadedScenario;
  let workstation: Workstation;
  let page: Page;
  const requests: { url: string; method: string }[] = [];
  /** Gateway answers that delivered their body (HTTP 200): what was really fetched. */
  const delivered: string[] = [];
  const big = bigCt('1.2.826.0.1.3680043.10.543.9501', 'kill', BIG_SLICES);
  const mid = bigCt('1.2.826.0.1.3680043.10.543.9502', 'reload', 120);
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    region = await startRegion({ stateDir: mkdtempSync(join(tmpdir(), 'garde-e2e-sync-')) });
    nord = region.nord;
    scenario = await loadDemoScenario(region, { scale: 0.1 });
    for (let i = 0; i < big.instances.length; i += 50) await nord.storeInstances(big.instances.slice(i, i + 50).map((x) => x.buffer));
    await nord.storeInstances(mid.instances.map((x) => x.buffer));
    const node = (p: RegionalPacs) => dicomwebNode(nodeIdOf(p), p.name, p);
    const watch = (p: Page) => {
      p.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/gateway/nodes/')) requests.push({ url: r.url(), method: r.method() });
      });
      p.on('requestfinished', (r) => {
        void r.response().then((res) => res?.status() === 200 && new URL(r.url()).pathname.startsWith('/gateway/nodes/') && delivered.push(r.url()));
      });
    };
    workstation = await startWorkstation({ nodes: [node(region.nord), node(region.sud)], viewport: { width: 1400, height: 900 }, onPage: watch });
    page = workstation.page;
    await page.getByTestId('sync-status').waitFor({ timeout: 60_000 });
  }, 300_000);
  afterAll(async () => {
    await workstation?.stop();
    await region?.stop({ graceMs: 0 });
    await nord?.stop({ graceMs: 0 }).catch(() => undefined);
  });

  it('prefetches the night worklist and the priors of its patients found on the other PACS', async () => {
    const yesterday = new Date(scenario.now);
    yesterday.setDate(yesterday.getDate() - 1);
    await syncCall(page, 'prefetch', { fromDate: toDicomDate(yesterday) });
    // Frames are sealed and written off the page's thread.
    expect(await syncCall(page, 'frameStore')).toBe('worker');
    const priors = scenario.studies.filter((s) => s.isPrior);
    const tonight = scenario.studies.filter((s) => !s.isPrior);
    expect(priors.length).toBeGreaterThan(0);
    for (const s of [...tonight, ...priors]) {
      const done = await waitForStudy(page, s.study.StudyInstanceUID, (x) => x.state === 'done', 240_000);
      expect(done.nodeId).toBe(s.pacs === 'PACS_NORD' ? nodeIdOf(region.nord) : nodeIdOf(region.sud));
      expect(done.storedFrames).toBe(done.totalFrames);
      if (s.isPrior) expect(done.reason).toBe('prior');
    }
    // Each prior sits on the other PACS than the worklist study of its patient.
    for (const p of priors) expect(tonight.some((t) => t.patient.PatientName === p.patient.PatientName && t.pacs !== p.pacs)).toBe(true);
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-queue')).toBe('0');
  }, 300_000);

  it('completes a 300-slice series after its PACS is killed mid-stream and restarted, with no frame fetched twice', async () => {
    const uid = big.instances[0]!.StudyInstanceUID;
    const nodeId = nodeIdOf(nord);
    const before = requests.length;
    // A slow link (Chromium's network emulation) so the series is still streaming when the PACS dies.
    await throttle(page, 5e6);
    await syncCall(page, 'enqueue', [{ nodeId, StudyInstanceUID: uid, reason: 'worklist', priority: 0 }]);
    await waitForStudy(page, uid, (x) => x.storedFrames >= 60, 120_000);
    // Frames asked of the killed PACS: the gateway says 503 Service Unavailable.
    workstation.expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 503 \(Service Unavailable\)$/);
    process.kill(nord.pid, 'SIGKILL');
    await nord.exited;
    await waitForStudy(page, uid, (x) => x.state === 'waiting' || x.state === 'failed', 60_000);
    const kept = await idbFrames(page, nodeId, uid);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(BIG_SLICES);
    const atKill = delivered.length;
    nord = await restartPacs(nord);
    await throttle(page, -1);
    // Retries may have been spent while the PACS was down: resuming queues failed studies again.
    await syncCall(page, 'resume');
    const done = await waitForStudy(page, uid, (x) => x.state === 'done', 180_000);
    expect(done.storedFrames).toBe(BIG_SLICES);
    const after = delivered.slice(atKill);
    // Requests made while the PACS was down failed without a body; those delivered count.
    const frameRequests = after.filter((u) => u.includes('/frames/'));
    const frameSops = frameRequests.map((u) => /instances\/([^/]+)\/frames/.exec(u)![1]!);
    expect(new Set(frameSops).size).toBe(frameSops.length);
    expect(frameSops.length).toBe(BIG_SLICES - kept.length);
    const keptSops = new Set(kept.map((f) => f.sop));
    expect(frameSops.filter((s) => keptSops.has(s))).toEqual([]);
    expect(after.filter((u) => /\/series\/[^/]+$/.test(new URL(u).pathname))).toEqual([]);
    expect(requests.slice(before).filter((u) => /\/series\/[^/]+$/.test(new URL(u.url).pathname)).length).toBe(1);
    const frames = await idbFrames(page, nodeId, uid);
    expect(frames.length).toBe(BIG_SLICES);
    expect(frames.every((f) => f.bytes === FRAME_RECORD_BYTES)).toBe(true);
  }, 400_000);

  it('resumes after a reload in the middle of a sync, the cache consistent', async () => {
    const uid = mid.instances[0]!.StudyInstanceUID;
    const nodeId = nodeIdOf(nord);
    await throttle(page, 3e6);
    await syncCall(page, 'enqueue', [{ nodeId, StudyInstanceUID: uid, reason: 'worklist', priority: 0 }]);
    await waitForStudy(page, uid, (x) => x.storedFrames >= 20, 120_000);
    const atReload = delivered.length;
    await page.reload();
    await throttle(page, -1);
    await page.getByTestId('sync-status').waitFor({ timeout: 60_000 });
    const done = await waitForStudy(page, uid, (x) => x.state === 'done', 180_000);
    expect(done.storedFrames).toBe(mid.instances.length);
    const frames = await idbFrames(page, nodeId, uid);
    expect(frames.length).toBe(mid.instances.length);
    expect(frames.every((f) => f.bytes === FRAME_RECORD_BYTES)).toBe(true);
    const after = delivered.slice(atReload).filter((u) => u.includes(uid));
    const frameSops = after.filter((u) => u.includes('/frames/')).map((u) => /instances\/([^/]+)\/frames/.exec(u)![1]!);
    expect(new Set(frameSops).size).toBe(frameSops.length);
    expect(frameSops.length).toBeLessThan(mid.instances.length);
    expect(after.filter((u) => /\/series\/[^/]+$/.test(new URL(u).pathname))).toEqual([]);
  }, 400_000);
});
