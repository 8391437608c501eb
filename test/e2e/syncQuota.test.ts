import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom, type CtPhantomSeries } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';
import { idbFrames, syncCall, waitForStudy, type SyncStudy } from './pages/syncPageHelpers';

// The cache's size limit enforced by the prefetch queue (issue 5): after each stored study the
// least recently accessed studies are evicted down to the configured limit, never a pinned study,
// the one open in the viewer, nor the study just stored; when only such studies are left over the
// limit, no further study starts ("quota"); a study of tonight's worklist is never evicted for a
// less urgent prior of the same run.

const NODE = 'pacs-quota';
const SLICES = 8;
const uid = (i: number) => `1.2.826.0.1.3680043.10.543.97${String(i).padStart(2, '0')}`;

function smallCt(i: number): CtPhantomSeries {
  return generateCtPhantom({
    seed: `quota-${i}`,
    patient: { PatientName: `QUOTA^P${i}`, PatientID: `QUOTA-${i}`, PatientBirthDate: '19600101', PatientSex: 'F' },
    study: { StudyInstanceUID: uid(i), StudyDate: '20240101', StudyTime: '010000', AccessionNumber: `Q${i}`, StudyID: '1', StudyDescription: `Quota ${i}` },
    Rows: 256,
    Columns: 256,
    slices: SLICES,
  });
}

interface Usage {
  studies: { StudyInstanceUID: string; bytes: number }[];
  totalBytes: number;
}

describe('cache limit enforced during prefetch (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);

  const prefetch = async (i: number, priority = 0) => {
    await syncCall(page, 'enqueue', [{ nodeId: NODE, StudyInstanceUID: uid(i), reason: 'worklist', priority }]);
    return waitForStudy(page, uid(i), (s) => s.state === 'done', 120_000);
  };
  const cached = async () => (await syncCall<Usage>(page, 'usage')).studies.map((s) => s.StudyInstanceUID).sort();

  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'quota', aeTitle: 'QUOTA', username: 'quota', password: 'quota-secret' });
    for (let i = 1; i <= 10; i += 1) await storeInstancesStow(pacs, smallCt(i).instances.map((x) => x.buffer));
    workstation = await startWorkstation({ nodes: [dicomwebNode(NODE, 'Quota PACS', pacs)], viewport: { width: 1400, height: 900 } });
    page = workstation.page;
    await page.getByTestId('sync-status').waitFor({ timeout: 60_000 });
  }, 300_000);
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });

  it('evicts the least recently accessed studies after a prefetch, keeping the pinned one, the open one and the new one; the usage goes down', async () => {
    // Six studies prefetched one by one (each its own run of the queue), under the default limit.
    for (let i = 1; i <= 6; i += 1) await prefetch(i);
    expect(await cached()).toEqual([1, 2, 3, 4, 5, 6].map(uid).sort());
    expect(await syncCall(page, 'pin', NODE, uid(1), true)).toBe(true);
    // Study 2 open in the viewer (an open-study link): protected while shown, and accessed last.
    await page.goto(`${workstation.web.origin}/open?StudyInstanceUID=${uid(2)}`);
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
    const before = await syncCall<Usage>(page, 'usage');
    const perStudy = Math.max(...before.studies.map((s) => s.bytes));
    // Room for the six less half a study: the seventh must push two out (one is not enough).
    const limitBytes = before.totalBytes - Math.round(0.5 * perStudy);
    await syncCall(page, 'setCacheLimits', { limitBytes, retentionDays: 7 });
    expect(await cached()).toHaveLength(6);

    await prefetch(7);
    await expect.poll(async () => (await cached()).length, { timeout: 30_000 }).toBe(5);
    expect(await cached()).toEqual([1, 2, 5, 6, 7].map(uid).sort());
    const after = await syncCall<Usage>(page, 'usage');
    expect(after.totalBytes).toBeLessThanOrEqual(limitBytes);
    expect(after.totalBytes).toBeLessThan(before.totalBytes);
    // Gone from IndexedDB and from the queue's list (no longer shown as offline ready).
    for (const i of [3, 4]) expect(await idbFrames(page, NODE, uid(i))).toEqual([]);
    for (const i of [1, 2, 5, 6, 7]) expect(await idbFrames(page, NODE, uid(i))).toHaveLength(SLICES);
    const snap = await syncCall<{ studies: SyncStudy[]; lastEviction?: { evicted: number; overLimit: boolean }; paused?: string }>(page, 'snapshot');
    expect(snap.studies.map((s) => s.StudyInstanceUID)).not.toContain(uid(3));
    expect(snap.studies.map((s) => s.StudyInstanceUID)).not.toContain(uid(4));
    expect(snap.lastEviction).toMatchObject({ evicted: 2, overLimit: false });
    expect(snap.paused).toBeUndefined();
  }, 400_000);

  it('never evicts the study just stored: with only protected studies over the limit, the queue stops', async () => {
    await syncCall(page, 'setCacheLimits', { limitBytes: 1, retentionDays: 7 });
    await prefetch(8);
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-paused'), { timeout: 30_000 }).toBe('quota');
    // Everything evictable went; the pinned study, the open one and the new one stay.
    expect(await cached()).toEqual([1, 2, 8].map(uid).sort());
    expect(await idbFrames(page, NODE, uid(8))).toHaveLength(SLICES);
    const snap = await syncCall<{ lastEviction?: { evicted: number; overLimit: boolean } }>(page, 'snapshot');
    expect(snap.lastEviction).toMatchObject({ evicted: 3, overLimit: true });
    // Raising the limit lets the queue run again.
    await syncCall(page, 'setCacheLimits', { limitBytes: 1e12, retentionDays: 7 });
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-paused'), { timeout: 10_000 }).toBe('');
  }, 300_000);
  it('keeps the worklist study of a run over its less urgent prior: the prior is evicted, or the queue stops with both', async () => {
    const before = await syncCall<Usage>(page, 'usage');
    const bytesOf = (i: number) => before.studies.find((s) => s.StudyInstanceUID === uid(i))!.bytes;
    // The pinned and the open study, plus room for one and a half studies.
    const limitBytes = bytesOf(1) + bytesOf(2) + Math.round(1.5 * bytesOf(8));
    await syncCall(page, 'setCacheLimits', { limitBytes, retentionDays: 7 });
    await syncCall(page, 'enqueue', [
      { nodeId: NODE, StudyInstanceUID: uid(9), reason: 'worklist', priority: 0 },
      { nodeId: NODE, StudyInstanceUID: uid(10), reason: 'prior', priority: 5, forStudy: uid(9) },
    ]);
    await waitForStudy(page, uid(9), (s) => s.state === 'done', 120_000);
    // Whichever finished first, the end is one of two states.
    const settled = async () => {
      const snap = await syncCall<{ studies: SyncStudy[]; paused?: string }>(page, 'snapshot');
      const prior = snap.studies.find((s) => s.StudyInstanceUID === uid(10));
      const inCache = (await cached()).includes(uid(10));
      if (!prior && !inCache && snap.paused === undefined) return 'prior evicted';
      if (prior?.state === 'done' && inCache && snap.paused === 'quota') return 'stopped with both';
      return 'running';
    };
    await expect.poll(settled, { timeout: 120_000 }).not.toBe('running');
    const outcome = await settled();
    const kept = await cached();
    expect(kept).toContain(uid(9));
    expect(await idbFrames(page, NODE, uid(9))).toHaveLength(SLICES);
    expect(kept).not.toContain(uid(8));
    expect(kept).toEqual(expect.arrayContaining([uid(1), uid(2)]));
    if (outcome === 'prior evicted') expect((await syncCall<Usage>(page, 'usage')).totalBytes).toBeLessThanOrEqual(limitBytes);
    await syncCall(page, 'setCacheLimits', { limitBytes: 1e12, retentionDays: 7 });
  }, 300_000);
});
