import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from './pages/cacheHarness';
import { failOnHarnessErrors, openCacheHarness, type CacheHarness } from './support/cacheHarness';

// Quota and retention of the local cache in Chromium: which studies go, which stay, and whether
// the browser's own usage figure follows; plus throughput beside a bare IndexedDB store.
const NODE = 'pacs-sud';
const HOUR = 3600_000;
const T0 = Date.UTC(2026, 0, 14, 22, 0, 0);
const key = randomBytes(32).toString('base64');

describe('cache eviction and purge in Chromium', () => {
  let harness: CacheHarness | undefined;
  let page: Page;
  failOnHarnessErrors(() => harness);

  beforeAll(async () => {
    harness = await openCacheHarness();
    page = harness.page;
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('evicts least recently used studies to the limit, keeping pinned, open and outbox studies; the browser usage goes down', async () => {
    const out = await page.evaluate(
      async ([key, NODE, T0, HOUR]) => {
        const h = window.cacheHarness;
        let t = T0;
        const cache = await h.cache.openCache({ key, now: () => t });
        const uid = (i: number) => `1.2.826.0.1.3680043.8.498.${i}`;
        for (let i = 1; i <= 6; i++) {
          t = T0 + i * HOUR;
          const instances = h.syntheticStudy({ StudyInstanceUID: uid(i), PatientName: `Patient^${i}`, PatientID: `P${i}`, modality: 'CT', instances: 8 });
          await h.cache.putStudyMetadata(cache, NODE, instances);
          await h.cache.putFrames(
            cache,
            instances.map((inst, f) => ({ nodeId: NODE, StudyInstanceUID: uid(i), SOPInstanceUID: inst['00080018']!.Value![0] as string, frame: 1, contentType: 'application/octet-stream', bytes: h.makeFrame(i * 100 + f) })),
          );
          await h.cache.touchStudy(cache, NODE, uid(i));
        }
        await h.cache.setPinned(cache, NODE, uid(1), true);
        const closeViewer = h.cache.markOpen(cache, NODE, uid(2));
        await h.cache.addOutboxItem(cache, { nodeId: NODE, StudyInstanceUID: uid(3), SOPInstanceUID: `${uid(3)}.99`, bytes: new Uint8Array(1000) });
        const before = await h.cache.usage(cache);
        const defaultLimit = await h.cache.defaultLimitBytes();
        const bytesOf = (i: number) => before.studies.find((s) => s.StudyInstanceUID === uid(i))!.bytes;
        t = T0 + 10 * HOUR;
        // Just under the total without study 4: studies 4 and 5 must go, 6 stays.
        const result = await h.cache.evict(cache, { limitBytes: before.totalBytes - bytesOf(4) - 1 });
        const kept = (await h.cache.listCachedStudies(cache)).map((s) => s.StudyInstanceUID);
        const frameOfEvicted = await h.cache.getFrame(cache, NODE, `${uid(4)}.1.1`, 1);
        const after = await h.cache.usage(cache);
        let estimate = after.estimate!.usage;
        for (let i = 0; i < 100 && estimate >= before.estimate!.usage; i++) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          estimate = (await navigator.storage.estimate()).usage!;
        }
        closeViewer();
        cache.close();
        return {
          evicted: result.evicted.map((e) => [e.StudyInstanceUID, e.reason]),
          evictedBytes: result.evicted.reduce((s, e) => s + e.bytes, 0),
          kept,
          overLimit: result.overLimit,
          remainingBytes: result.remainingBytes,
          defaultLimit,
          quota: before.estimate!.quota,
          totalBefore: before.totalBytes,
          totalAfter: after.totalBytes,
          frameOfEvicted: frameOfEvicted === undefined,
          estimateBefore: before.estimate!.usage,
          estimateAfter: estimate,
          uids: [1, 2, 3, 4, 5, 6].map(uid),
        };
      },
      [key, NODE, T0, HOUR] as const,
    );
    const [u1, u2, u3, u4, u5, u6] = out.uids;
    expect(out.evicted).toEqual([
      [u4, 'over-limit'],
      [u5, 'over-limit'],
    ]);
    expect(out.kept.sort()).toEqual([u1, u2, u3, u6].sort());
    expect(out.overLimit).toBe(false);
    expect(out.remainingBytes).toBe(out.totalAfter);
    expect(out.totalAfter).toBe(out.totalBefore - out.evictedBytes);
    expect(out.frameOfEvicted).toBe(true);
    expect(out.quota).toBeGreaterThan(0);
    expect(out.defaultLimit).toBe(Math.floor(out.quota * 0.5));
    expect(out.estimateAfter).toBeLessThan(out.estimateBefore);
  });

  it('purges studies past the retention period except protected ones, then purgeAll forgets every study but keeps the outbox; acknowledged items keep no payload and go after the retention period', async () => {
    const out = await page.evaluate(
      async ([key, NODE, T0, HOUR]) => {
        const h = window.cacheHarness;
        let t = T0 + 10 * HOUR + 8 * 24 * HOUR;
        const cache = await h.cache.openCache({ key, now: () => t });
        const uid = (i: number) => `1.2.826.0.1.3680043.8.498.${i}`;
        const closeViewer = h.cache.markOpen(cache, NODE, uid(2));
        const first = await h.cache.purgeExpired(cache);
        closeViewer();
        const [item] = await h.cache.listOutbox(cache);
        await h.cache.applyOutboxEvent(cache, item!.id, { type: 'send-started' });
        await h.cache.applyOutboxEvent(cache, item!.id, { type: 'acknowledged' });
        const acknowledged = (await h.cache.listOutbox(cache)).find((o) => o.id === item!.id)!;
        t += HOUR;
        const second = await h.cache.purgeExpired(cache);
        const keptAfterPurge = (await h.cache.listCachedStudies(cache)).map((s) => s.StudyInstanceUID);
        const beforeAll = (await navigator.storage.estimate()).usage!;
        await h.cache.addOutboxItem(cache, { nodeId: NODE, StudyInstanceUID: uid(1), SOPInstanceUID: `${uid(1)}.98`, bytes: new Uint8Array(500) });
        await h.cache.purgeAll(cache);
        const afterAll = await h.cache.usage(cache);
        const outbox = (await h.cache.listOutbox(cache)).map((o) => o.SOPInstanceUID);
        const patients = await cache.db.patients.count();
        let estimateAfterAll = (await navigator.storage.estimate()).usage!;
        for (let i = 0; i < 100 && estimateAfterAll >= beforeAll; i++) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          estimateAfterAll = (await navigator.storage.estimate()).usage!;
        }
        // A week later: the acknowledged item of the purged study goes, the one not sent stays.
        t += 8 * 24 * HOUR;
        await h.cache.purgeExpired(cache);
        const outboxWeekLater = (await h.cache.listOutbox(cache)).map((o) => o.SOPInstanceUID);
        cache.close();
        return {
          acknowledged: { bytes: acknowledged.bytes, state: acknowledged.state },
          outboxWeekLater,
          first: first.evicted.map((e) => [e.StudyInstanceUID, e.reason]),
          second: second.evicted.map((e) => [e.StudyInstanceUID, e.reason]),
          keptAfterPurge,
          studiesAfterAll: afterAll.studies.length,
          patients,
          outbox,
          beforeAll,
          estimateAfterAll,
          uids: [1, 2, 3, 6].map(uid),
        };
      },
      [key, NODE, T0, HOUR] as const,
    );
    const [u1, u2, u3, u6] = out.uids;
    expect(out.first).toEqual([[u6, 'expired']]);
    expect(out.second.sort()).toEqual([
      [u2, 'expired'],
      [u3, 'expired'],
    ]);
    expect(out.keptAfterPurge).toEqual([u1]);
    expect(out.studiesAfterAll).toBe(0);
    expect(out.patients).toBe(0);
    expect(out.outbox).toEqual([`${u3}.99`, `${u1}.98`]);
    // Acknowledged, the item keeps no payload; its record goes after the retention period.
    expect(out.acknowledged).toEqual({ bytes: 0, state: 3 });
    expect(out.outboxWeekLater).toEqual([`${u1}.98`]);
    expect(out.estimateAfterAll).toBeLessThan(out.beforeAll);
  });

  it('measures encrypt+write and read+decrypt of 512x512 16-bit frames beside a bare IndexedDB store', async () => {
    const out = await page.evaluate(
      async ([key, NODE]) => {
        const h = window.cacheHarness;
        const cache = await h.cache.openCache({ key, name: 'garde-cache-throughput' });
        const frames = Array.from({ length: 64 }, (_, i) => h.makeFrame(1000 + i));
        const t0 = performance.now();
        for (let b = 0; b < frames.length; b += 16) {
          await h.cache.putFrames(
            cache,
            frames.slice(b, b + 16).map((bytes, j) => ({ nodeId: NODE, StudyInstanceUID: '1.2.3', SOPInstanceUID: `1.2.3.${b + j}`, frame: 1, contentType: 'application/octet-stream', bytes })),
          );
        }
        const t1 = performance.now();
        let same = true;
        for (let i = 0; i < frames.length; i++) {
          const back = (await h.cache.getFrame(cache, NODE, `1.2.3.${i}`, 1))!.bytes;
          same &&= back.byteLength === frames[i]!.byteLength && back[4321] === frames[i]![4321] && back[back.length - 1] === frames[i]![back.length - 1];
        }
        const t2 = performance.now();
        cache.close();
        const bare = await h.bareWriteRead(frames);
        const mb = (frames.length * frames[0]!.byteLength) / 1e6;
        return { same: same && bare.sameBytes, mb, cacheWrite: mb / ((t1 - t0) / 1000), cacheRead: mb / ((t2 - t1) / 1000), bareWrite: mb / (bare.writeMs / 1000), bareRead: mb / (bare.readMs / 1000) };
      },
      [key, NODE] as const,
    );
    expect(out.same).toBe(true);
    console.log(
      `cache throughput, ${out.mb.toFixed(1)} MB of 512x512 16-bit frames: encrypt+write ${out.cacheWrite.toFixed(0)} MB/s (bare IndexedDB ${out.bareWrite.toFixed(0)}), read+decrypt ${out.cacheRead.toFixed(0)} MB/s (bare ${out.bareRead.toFixed(0)})`,
    );
  });
});
