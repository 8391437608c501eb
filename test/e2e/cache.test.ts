import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpBridge } from '../../renderer/bridge';
import type {} from './pages/cacheHarness';
import { failOnHarnessErrors, openCacheHarness, type CacheHarness } from './support/cacheHarness';
import { startWebMode, type WebMode } from './support/webMode';

// The local cache (renderer/cache) in Debian's Chromium with its real IndexedDB and WebCrypto,
// driven through the test page test/e2e/pages/cacheHarness.ts; the key comes from web mode.
const NODE = 'pacs-nord';
const STUDY = '1.2.826.0.1.3680043.8.498.1001';
const NAME = 'Nightingale^Florence';
const PATIENT_ID = 'PID-424242';
const sop = (i: number) => `${STUDY}.1.${i}`;

describe('the local cache in Chromium', () => {
  let harness: CacheHarness | undefined;
  let web: WebMode;
  let page: Page;
  failOnHarnessErrors(() => harness);
  let key = '';

  beforeAll(async () => {
    web = await startWebMode(['--no-demo']);
    const result = await createHttpBridge(fetch, web.origin, { authorization: `Bearer ${web.token}` }).getCacheKey(undefined);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.protection).toBe('key-file');
    key = result.value.key;
    harness = await openCacheHarness();
    page = harness.page;
  });
  afterAll(async () => {
    await web?.stop();
    await harness?.close();
  });

  it('web mode keeps the key in <dataDir>/cache.key, mode 0600', () => {
    const file = join(web.dataDir, 'cache.key');
    expect(readFileSync(file, 'utf8').trim()).toBe(key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('round-trips study metadata and frames; lists the study with its size', async () => {
    const out = await page.evaluate(
      async ([key, NODE, STUDY, NAME, PATIENT_ID]) => {
        const h = window.cacheHarness;
        const cache = await h.cache.openCache({ key, now: () => Date.UTC(2026, 0, 15) });
        const instances = h.syntheticStudy({ StudyInstanceUID: STUDY, PatientName: NAME, PatientID: PATIENT_ID, modality: 'MR', instances: 3 });
        await h.cache.putStudyMetadata(cache, NODE, instances);
        const frames = instances.map((inst, i) => ({
          nodeId: NODE,
          StudyInstanceUID: STUDY,
          SOPInstanceUID: inst['00080018']!.Value![0] as string,
          frame: 1,
          contentType: 'application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1',
          bytes: h.makeFrame(i + 1),
        }));
        await h.cache.putFrames(cache, frames);
        const back = await h.cache.getStudyMetadata(cache, NODE, STUDY);
        const sameFrames = await Promise.all(frames.map(async (f) => h.toBase64((await h.cache.getFrame(cache, NODE, f.SOPInstanceUID, 1))!.bytes) === h.toBase64(f.bytes)));
        const attributes = await h.cache.getStudyAttributes(cache, NODE, STUDY);
        const listed = await h.cache.listCachedStudies(cache);
        const usage = await h.cache.usage(cache);
        const missing = await h.cache.getFrame(cache, NODE, 'no.such.uid', 1);
        const has = [await h.cache.hasFrame(cache, NODE, frames[0]!.SOPInstanceUID, 1), await h.cache.hasFrame(cache, NODE, frames[0]!.SOPInstanceUID, 2)];
        const contentType = (await h.cache.getFrame(cache, NODE, frames[0]!.SOPInstanceUID, 1))!.contentType;
        cache.close();
        return {
          sameMetadata: JSON.stringify(back.instances.sort((a, b) => String(a['00080018']!.Value![0]).localeCompare(String(b['00080018']!.Value![0])))) === JSON.stringify(instances),
          errors: back.errors.length,
          sameFrames,
          contentType,
          patientName: attributes?.['00100010']?.Value?.[0],
          modalities: attributes?.['00080061']?.Value,
          listed,
          frameBytes: frames.reduce((s, f) => s + f.bytes.byteLength, 0),
          usage,
          missing: missing === undefined,
          has,
        };
      },
      [key, NODE, STUDY, NAME, PATIENT_ID] as const,
    );
    expect(out.sameMetadata).toBe(true);
    expect(out.errors).toBe(0);
    expect(out.sameFrames).toEqual([true, true, true]);
    expect(out.contentType).toBe('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1');
    expect(out.patientName).toEqual({ Alphabetic: NAME });
    expect(out.modalities).toEqual(['MR']);
    expect(out.listed).toEqual([{ nodeId: NODE, StudyInstanceUID: STUDY, StudyDate: '20260114', ModalitiesInStudy: ['MR'], bytes: expect.any(Number), lastAccess: Date.UTC(2026, 0, 15), pinned: false }]);
    // Sealed sizes: the frames plus IV and tag each, plus the sealed metadata.
    expect(out.listed[0]!.bytes).toBeGreaterThan(out.frameBytes + 3 * 28);
    expect(out.usage.totalBytes).toBe(out.listed[0]!.bytes);
    expect(out.usage.estimate!.usage).toBeGreaterThan(out.frameBytes);
    expect(out.missing).toBe(true);
    expect(out.has).toEqual([true, false]);
  });

  it('raw IndexedDB records hold no pixel run, patient name or patient ID in clear', async () => {
    const out = await page.evaluate(
      async ([NAME, PATIENT_ID, STUDY]) => {
        const h = window.cacheHarness;
        const enc = (s: string) => h.toBase64(new TextEncoder().encode(s));
        const pixelRun = h.toBase64(h.makeFrame(2).subarray(4096, 4096 + 48));
        const needles = [enc(NAME), enc('Nightingale'), enc(PATIENT_ID), pixelRun, enc(STUDY)];
        // Controls: the same scan finds every needle in a database holding them in clear, and the
        // StudyInstanceUID (indexed in clear) in the cache.
        const control = new h.Dexie('garde-cache-scan-control');
        control.version(1).stores({ plain: '++id' });
        await control.table('plain').add({ name: NAME, id: PATIENT_ID, pixels: h.makeFrame(2).buffer, uid: STUDY });
        control.close();
        return { cache: await h.rawScan(h.cache.CACHE_DB_NAME, needles), control: await h.rawScan('garde-cache-scan-control', needles) };
      },
      [NAME, PATIENT_ID, STUDY] as const,
    );
    expect(out.control.found).toEqual([true, true, true, true, true]);
    expect(out.cache.records).toBeGreaterThan(8);
    expect(out.cache.found).toEqual([false, false, false, false, true]);
  });

  it('a tampered or swapped frame fails for that frame only, with its instance UID; a damaged instance record too', async () => {
    const out = await page.evaluate(
      async ([key, NODE, sops]) => {
        const h = window.cacheHarness;
        const name = h.cache.CACHE_DB_NAME;
        await h.tamperFrame(name, NODE, sops[1], 1);
        await h.swapFrameCipherText(name, [NODE, sops[0], 1], [NODE, sops[2], 1]);
        await h.rawModify(name, 'instances', [NODE, sops[1]], (r) => (r.sealed = (r.sealed as ArrayBuffer).slice(0, 40)));
        const cache = await h.cache.openCache({ key });
        const frames = await Promise.all(
          sops.map((s) =>
            h.cache.getFrame(cache, NODE, s, 1).then(
              (f) => ({ ok: true, length: f!.bytes.byteLength }),
              (e: InstanceType<typeof h.cache.CacheRecordError>) => ({ ok: false, name: e.name, code: e.code, SOPInstanceUID: e.SOPInstanceUID, frame: e.frame }),
            ),
          ),
        );
        const metadata = await h.cache.getStudyMetadata(cache, NODE, sops[0].slice(0, sops[0].lastIndexOf('.1.')));
        cache.close();
        return { frames, instances: metadata.instances.length, errors: metadata.errors.map((e) => ({ code: e.code, SOPInstanceUID: e.SOPInstanceUID, message: e.message })) };
      },
      [key, NODE, [sop(1), sop(2), sop(3)]] as const,
    );
    expect(out.frames).toEqual([
      { ok: true, length: 512 * 512 * 2 },
      { ok: false, name: 'CacheRecordError', code: 'CACHE_RECORD_UNREADABLE', SOPInstanceUID: sop(2), frame: 1 },
      { ok: false, name: 'CacheRecordError', code: 'CACHE_RECORD_UNREADABLE', SOPInstanceUID: sop(3), frame: 1 },
    ]);
    expect(out.instances).toBe(2);
    expect(out.errors).toEqual([{ code: 'CACHE_RECORD_UNREADABLE', SOPInstanceUID: sop(2), message: `cached instances record of instance ${sop(2)} cannot be decrypted` }]);
  });

  it('a reload keeps the data', async () => {
    await page.reload();
    await page.waitForFunction(() => document.title === 'cache-harness-ready');
    const out = await page.evaluate(
      async ([key, NODE, STUDY, first]) => {
        const h = window.cacheHarness;
        const cache = await h.cache.openCache({ key });
        const frame = await h.cache.getFrame(cache, NODE, first, 1);
        const listed = await h.cache.listCachedStudies(cache);
        const metadata = await h.cache.getStudyMetadata(cache, NODE, STUDY);
        cache.close();
        return { same: h.toBase64(frame!.bytes) === h.toBase64(h.makeFrame(1)), studies: listed.length, instances: metadata.instances.length };
      },
      [key, NODE, STUDY, sop(1)] as const,
    );
    expect(out).toEqual({ same: true, studies: 1, instances: 2 });
  });

  it('a wrong key is reported as CACHE_KEY_MISMATCH and nothing is read; reset gives an empty cache for the new key', async () => {
    const out = await page.evaluate(
      async ([key, NODE, first]) => {
        const h = window.cacheHarness;
        const other = h.toBase64(crypto.getRandomValues(new Uint8Array(32)));
        const refused = await h.cache.openCache({ key: other }).then(
          () => undefined,
          (e: Error & { code?: string }) => ({ name: e.name, code: e.code }),
        );
        // The right key still opens it: a wrong key changes nothing.
        const again = await h.cache.openCache({ key });
        const stillThere = (await h.cache.getFrame(again, NODE, first, 1)) !== undefined;
        again.close();
        const name = 'garde-cache-reset-test';
        const c1 = await h.cache.openCache({ key, name });
        await h.cache.putFrame(c1, { nodeId: NODE, StudyInstanceUID: '1.2', SOPInstanceUID: '1.2.3', frame: 1, contentType: 'x', bytes: h.makeFrame(9, 8, 8) });
        c1.close();
        await h.cache.resetCache(name);
        const c2 = await h.cache.openCache({ key: other, name });
        const afterReset = (await h.cache.listCachedStudies(c2)).length;
        c2.close();
        return { refused, stillThere, afterReset };
      },
      [key, NODE, sop(1)] as const,
    );
    expect(out).toEqual({ refused: { name: 'CacheKeyMismatchError', code: 'CACHE_KEY_MISMATCH' }, stillThere: true, afterReset: 0 });
  });

  it('upgrades a version 1 database to version 2, keeping records and filling the new modality index', async () => {
    const out = await page.evaluate(async () => {
      const h = window.cacheHarness;
      const name = 'garde-cache-migration-test';
      const v1 = h.openVersion1(name);
      await v1.table('studies').add({ nodeId: 'n', StudyInstanceUID: '1.9', patientKey: 'p', StudyDate: '20260101', lastAccess: 5, pinned: 0, bytes: 10 });
      await v1.table('series').bulkAdd([
        { nodeId: 'n', StudyInstanceUID: '1.9', SeriesInstanceUID: '1.9.1', Modality: 'PT', sealed: new ArrayBuffer(4) },
        { nodeId: 'n', StudyInstanceUID: '1.9', SeriesInstanceUID: '1.9.2', Modality: 'CT', sealed: new ArrayBuffer(4) },
      ]);
      const before = v1.verno;
      v1.close();
      const v2 = new h.cache.CacheDb(name);
      await v2.open();
      const byModality = await v2.studies.where('ModalitiesInStudy').equals('PT').toArray();
      const after = v2.verno;
      v2.close();
      return { before, after, byModality };
    });
    expect(out.before).toBe(1);
    expect(out.after).toBe(6);
    expect(out.byModality).toEqual([{ nodeId: 'n', StudyInstanceUID: '1.9', patientKey: 'p', StudyDate: '20260101', lastAccess: 5, pinned: 0, bytes: 10, ModalitiesInStudy: ['CT', 'PT'] }]);
  });
});
