import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from './pages/cacheHarness';
import { failOnHarnessErrors, openCacheHarness, type CacheHarness } from './support/cacheHarness';

// The reader's state of each study in the local cache (renderer/cache in Chromium, through the
// cache test page): measurements sealed per study and deleted with it, read states from the
// viewer and the outbox, and the schema upgrade that added their tables.
const NODE = 'pacs-nord';
const DAY = 24 * 3600_000;
const T0 = Date.UTC(2026, 0, 14, 22, 0, 0);
const key = randomBytes(32).toString('base64');

describe('study state in the local cache (Chromium)', () => {
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

  it('upgrades a version 2 database: its records stay, the measurements and read state tables are there, outbox rows take one state and a kind', async () => {
    const out = await page.evaluate(async () => {
      const h = window.cacheHarness;
      const name = 'garde-cache-v2-upgrade';
      const v2 = new h.Dexie(name);
      v2.version(1).stores(h.cache.SCHEMA_V1);
      v2.version(2).stores(h.cache.SCHEMA_V2);
      await v2.table('studies').add({ nodeId: 'n', StudyInstanceUID: '1.9', patientKey: 'p', StudyDate: '20260101', ModalitiesInStudy: ['CT'], lastAccess: 5, pinned: 0, bytes: 10 });
      await v2.table('outbox').add({ nodeId: 'n', StudyInstanceUID: '1.9', SOPInstanceUID: '1.9.99', state: 0, attempts: 0, createdAt: 1, updatedAt: 1, bytes: 4, sealed: new ArrayBuffer(4) });
      // Written by the version-4 sender: cache state "pending" beside the machine's "waiting".
      await v2.table('outbox').add({ nodeId: 'n', StudyInstanceUID: '1.9', SOPInstanceUID: '1.9.98', state: 0, policyState: 2, nextAttemptAt: 7, attempts: 1, createdAt: 2, updatedAt: 2, bytes: 4, sealed: new ArrayBuffer(4) });
      await v2.table('outbox').add({ nodeId: 'n', StudyInstanceUID: '1.9', SOPInstanceUID: '1.9.97', state: 2, attempts: 1, createdAt: 3, updatedAt: 3, bytes: 0, sealed: new ArrayBuffer(0) });
      const before = v2.verno;
      v2.close();
      const latest = new h.cache.CacheDb(name);
      await latest.open();
      const out = { before, after: latest.verno, tables: latest.tables.map((t) => t.name).sort(), studies: await latest.studies.toArray(), outbox: (await latest.outbox.orderBy('id').toArray()).map(({ sealed: _s, ...o }) => o), measurements: await latest.measurements.count() };
      latest.close();
      return out;
    });
    expect(out.before).toBe(2);
    expect(out.after).toBe(6);
    expect(out.tables).toEqual(expect.arrayContaining(['measurements', 'readStates', 'reports']));
    expect(out.studies).toEqual([{ nodeId: 'n', StudyInstanceUID: '1.9', patientKey: 'p', StudyDate: '20260101', ModalitiesInStudy: ['CT'], lastAccess: 5, pinned: 0, bytes: 10 }]);
    const common = { id: expect.any(Number), nodeId: 'n', StudyInstanceUID: '1.9', kind: 'instance', bytes: expect.any(Number) };
    expect(out.outbox).toEqual([
      { ...common, SOPInstanceUID: '1.9.99', state: 0, attempts: 0, nextAttemptAt: 1, createdAt: 1, updatedAt: 1 },
      { ...common, SOPInstanceUID: '1.9.98', state: 2, attempts: 1, nextAttemptAt: 7, createdAt: 2, updatedAt: 2 },
      { ...common, SOPInstanceUID: '1.9.97', state: 3, attempts: 1, nextAttemptAt: 3, createdAt: 3, updatedAt: 3 },
    ]);
    expect(out.measurements).toBe(0);
  });

  it('keeps measurements per study, bound to it, and deletes them with the study, by eviction, retention or purge', async () => {
    const out = await page.evaluate(
      async ([key, NODE, T0, DAY]) => {
        const h = window.cacheHarness;
        let t = T0;
        const cache = await h.cache.openCache({ key, name: 'garde-cache-measurements', now: () => t });
        const uid = (i: number) => `1.2.826.0.1.3680043.8.498.7${i}`;
        const length = (mm: number) => [{ annotationUID: `a-${mm}`, metadata: { toolName: 'Length' }, data: { cachedStats: { x: { length: mm, unit: 'mm' } } } }];
        for (const i of [1, 2, 3]) {
          await h.cache.putStudyMetadata(cache, NODE, h.syntheticStudy({ StudyInstanceUID: uid(i), PatientName: `Patient^${i}`, PatientID: `P${i}`, modality: 'CT', instances: 1 }));
          await h.cache.putMeasurements(cache, NODE, uid(i), length(10 + i));
        }
        // A study viewed from the PACS and never cached: its measurements alone.
        await h.cache.putMeasurements(cache, NODE, uid(9), length(19));
        const read = async (i: number) => ((await h.cache.getMeasurements(cache, NODE, uid(i))) as ReturnType<typeof length>).map((a) => a.data.cachedStats.x.length);
        const first = { one: await read(1), two: await read(2), none: await h.cache.getMeasurements(cache, 'other-node', uid(1)) };

        // A record copied under another study does not open.
        const sealedOf2 = (await cache.db.measurements.get([NODE, uid(2)]))!.sealed;
        await cache.db.measurements.update([NODE, uid(3)], { sealed: sealedOf2.slice(0) });
        const moved = await h.cache.getMeasurements(cache, NODE, uid(3)).then(
          () => 'opened',
          (e: Error) => e.name,
        );

        await h.cache.putMeasurements(cache, NODE, uid(2), []);
        const emptied = await cache.db.measurements.get([NODE, uid(2)]);
        await h.cache.putMeasurements(cache, NODE, uid(2), length(22));

        await h.cache.deleteStudy(cache, NODE, uid(1));
        const afterDelete = await read(1);

        // Retention: study 2 accessed now, study 3 and the uncached one left for 8 days.
        t = T0 + 8 * DAY;
        await h.cache.touchStudy(cache, NODE, uid(2));
        const evicted = (await h.cache.purgeExpired(cache, 7 * DAY)).evicted.map((e) => e.StudyInstanceUID);
        const kept = (await cache.db.measurements.toCollection().primaryKeys()).map((k) => k[1]);

        await h.cache.purgeAll(cache);
        const afterPurge = await cache.db.measurements.count();
        cache.close();
        return { first, moved, emptied: emptied === undefined, afterDelete, evicted, kept, afterPurge };
      },
      [key, NODE, T0, DAY] as const,
    );
    expect(out.first).toEqual({ one: [11], two: [12], none: [] });
    expect(out.moved).toBe('CacheRecordError');
    expect(out.emptied).toBe(true);
    expect(out.afterDelete).toEqual([]);
    expect(out.evicted).toEqual(['1.2.826.0.1.3680043.8.498.73']);
    expect(out.kept).toEqual(['1.2.826.0.1.3680043.8.498.72']);
    expect(out.afterPurge).toBe(0);
  });

  it('keeps no measurement figure in clear in IndexedDB', async () => {
    const out = await page.evaluate(async (key) => {
      const h = window.cacheHarness;
      const name = 'garde-cache-measurements-clear';
      const cache = await h.cache.openCache({ key, name });
      await h.cache.putMeasurements(cache, 'n', '1.2.3', [{ metadata: { toolName: 'EllipticalROI', referencedImageId: 'wadors:/x/series/1.2.3.4' }, data: { label: 'nodule spiculé', cachedStats: { t: { area: 1234.5678, mean: -987.654 } } } }]);
      cache.close();
      const enc = new TextEncoder();
      return h.rawScan(name, ['EllipticalROI', 'nodule', '1234.5678', '-987.654', '1.2.3.4', '1.2.3'].map((s) => h.toBase64(enc.encode(s))));
    }, key);
    // Only the study UID (the record's key) may be read without the key.
    expect(out.found).toEqual([false, false, false, false, false, true]);
  });

  it('derives read states from openings, marks and the outbox, live, and forgets them past retention once the study is gone', async () => {
    const out = await page.evaluate(
      async ([key, NODE, T0, DAY]) => {
        const h = window.cacheHarness;
        let t = T0;
        const cache = await h.cache.openCache({ key, name: 'garde-cache-read-states', now: () => t });
        const uid = (i: number) => `1.2.826.0.1.3680043.8.498.8${i}`;
        const seen: string[][] = [];
        const names = (m: Map<string, number>) => [...m].map(([id, s]) => `${id.slice(-2)}:${h.cache.readStateName(s as 0)}`).sort();
        const stop = h.cache.watchReadStates(cache, (m) => seen.push(names(m)));
        const settle = () => new Promise((r) => setTimeout(r, 100));
        const step = async (action: () => Promise<unknown>) => {
          t += 1000;
          await action();
          await settle();
          return names(await h.cache.readStates(cache));
        };
        const steps = {
          opened: await step(() => h.cache.markStudyOpened(cache, NODE, uid(1))),
          queued: await step(() => h.cache.addOutboxItem(cache, { nodeId: NODE, StudyInstanceUID: uid(1), SOPInstanceUID: `${uid(1)}.99`, bytes: new Uint8Array(10) })),
          sent: await step(async () => h.cache.applyOutboxEvent(cache, (await h.cache.listOutbox(cache))[0]!.id, { type: 'acknowledged' })),
          otherOpened: await step(() => h.cache.markStudyOpened(cache, NODE, uid(2))),
          markedNew: await step(() => h.cache.markStudyNew(cache, NODE, uid(1))),
          reopened: await step(() => h.cache.markStudyOpened(cache, NODE, uid(1))),
        };
        stop();
        const record = await cache.db.readStates.get([NODE, uid(1)]);
        // Retention: study 2 is cached, study 1 is not; both read states are 8 days old.
        await h.cache.putStudyMetadata(cache, NODE, h.syntheticStudy({ StudyInstanceUID: uid(2), PatientName: 'Patient^2', PatientID: 'P2', modality: 'CT', instances: 1 }));
        await h.cache.setPinned(cache, NODE, uid(2), true);
        t += 8 * DAY;
        await h.cache.purgeExpired(cache, 7 * DAY);
        const kept = (await cache.db.readStates.toCollection().primaryKeys()).map((k) => k[1]);
        await h.cache.purgeAll(cache);
        const afterPurgeAll = await cache.db.readStates.count();
        cache.close();
        return { steps, live: seen.at(-1), fields: Object.keys(record ?? {}).sort(), kept, afterPurgeAll };
      },
      [key, NODE, T0, DAY] as const,
    );
    expect(out.steps).toEqual({
      opened: ['81:inProgress'],
      queued: ['81:reported'],
      sent: ['81:sent'],
      otherOpened: ['81:sent', '82:inProgress'],
      markedNew: ['82:inProgress'],
      reopened: ['81:inProgress', '82:inProgress'],
    });
    expect(out.live).toEqual(['81:inProgress', '82:inProgress']);
    // UIDs and times only: no patient data.
    expect(out.fields).toEqual(['StudyInstanceUID', 'markedNewAt', 'nodeId', 'openedAt', 'updatedAt']);
    expect(out.kept).toEqual(['1.2.826.0.1.3680043.8.498.82']);
    expect(out.afterPurgeAll).toBe(1);
  });
  it('counts every frame of a multi-frame instance: a study is offline ready only once all its frames are stored', async () => {
    const out = await page.evaluate(
      async ([key, NODE]) => {
        const h = window.cacheHarness;
        const cache = await h.cache.openCache({ key, name: 'garde-cache-multiframe-state' });
        const StudyInstanceUID = '1.2.826.0.1.3680043.8.498.81';
        const [enhanced] = h.syntheticStudy({ StudyInstanceUID, PatientName: 'Multi^Frame', PatientID: 'MF1', modality: 'MR', instances: 1 });
        enhanced!['00280008'] = { vr: 'IS', Value: [3] };
        await h.cache.putStudyMetadata(cache, NODE, [enhanced!]);
        const SOPInstanceUID = enhanced!['00080018']!.Value![0] as string;
        const states: string[] = [];
        for (const frame of [1, 2, 3]) {
          states.push(await h.cache.cacheStateOf(cache, NODE, StudyInstanceUID, 1));
          await h.cache.putFrame(cache, { nodeId: NODE, StudyInstanceUID, SOPInstanceUID, frame, contentType: 'application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1', bytes: h.makeFrame(frame) });
        }
        states.push(await h.cache.cacheStateOf(cache, NODE, StudyInstanceUID, 1));
        cache.close();
        return states;
      },
      [key, NODE] as const,
    );
    expect(out).toEqual(['partial', 'partial', 'partial', 'cached']);
  });
});
