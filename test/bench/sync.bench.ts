// Sync benchmarks (issue 5: offline cache and sync), on a 300-slice 512x512 CT stored in one real
// Orthanc, the web-mode workstation and Debian's Chromium:
// - prefetch_throughput_ratio: the study prefetched by the workstation's sync engine
//   (`gardeSync.enqueue`, fresh profile, until offline ready: series list, metadata, the series in
//   one multipart retrieval cut into frames, encrypted and stored) in MB/s, over the raw HTTP
//   throughput of the same series-level multipart retrieval through the gateway in the same page
//   (a bare fetch loop: no parse, decrypt or store). Goal >= 0.8. curl of the same bytes straight
//   from Orthanc is printed beside it;
// - cache_read_ratio: every frame read back from the cache the way the cache-through image loader
//   does (Dexie record, AES-GCM decrypt: the bytes handed to the decoder; decode not included) in
//   MB/s, over a bare IndexedDB read of the same records (no Dexie, no decrypt) in the same page.
//   Goal >= 0.5.
// Figures are printed, never asserted. The machine's other load shows in them: rerun when quiet.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom } from '../../main/demo/samples';
import buildRenderer from '../e2e/globalSetup';
import { launchChromium } from '../e2e/support/chromium';
import { startWebMode } from '../e2e/support/webMode';
import { startOrthanc, storeInstancesStow } from '../fixtures/pacs';
import { median, printFigures } from './support/figures';
import { profiled } from './support/profiled';
import { formatCpu, withMachineCpu, type CpuUse } from './support/machineCpu';

const SLICES = Number(process.env.BENCH_SLICES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Frames read at once from the cache, in both the loader's path and the bare read. */
const READ_CONCURRENCY = 8;
const NODE = 'bench-sync';
const StudyInstanceUID = '1.2.826.0.1.3680043.10.543.9601';
/** Whole instances as stored, the sync engine's series-level retrieval (PS3.18 8.7.3.5.2). */
const SERIES_ACCEPT = 'multipart/related; type="application/dicom"; transfer-syntax=*';
const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Page scripts, as strings so that the bundler's helpers never reach the page. Each is an async
 * arrow function called with one argument.
 */
const RAW_FETCH = `async ({ url, accept }) => {
  const started = performance.now();
  const response = await fetch(url, { headers: { accept }, credentials: 'same-origin' });
  if (!response.ok) throw new Error('HTTP ' + response.status);
  const reader = response.body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  return { bytes, ms: performance.now() - started };
}`;

const PREFETCH = `async ({ nodeId, StudyInstanceUID }) => {
  while (!('gardeSync' in globalThis)) await new Promise((r) => setTimeout(r, 20));
  const sync = globalThis.gardeSync;
  const started = performance.now();
  await sync.enqueue([{ nodeId, StudyInstanceUID, reason: 'worklist', priority: 0 }]);
  for (;;) {
    const study = sync.snapshot().studies.find((s) => s.StudyInstanceUID === StudyInstanceUID);
    if (study && study.state === 'done') return { ms: performance.now() - started, frames: study.storedFrames, bytes: study.bytes };
    if (study && study.state === 'failed') throw new Error('prefetch failed: ' + JSON.stringify(study.lastError));
    if (performance.now() - started > 600000) throw new Error('prefetch not done in 10 min');
    await new Promise((r) => setTimeout(r, 5));
  }
}`;

/** The primary keys ([nodeId, SOPInstanceUID, frame]) of the study's frame records, read with IndexedDB itself. */
const FRAME_KEYS = `({ nodeId, StudyInstanceUID }) => new Promise((resolve, reject) => {
  const open = indexedDB.open('garde-cache');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const request = open.result.transaction(['frames']).objectStore('frames').index('[nodeId+StudyInstanceUID]').getAllKeys(IDBKeyRange.only([nodeId, StudyInstanceUID]));
    request.onsuccess = () => (open.result.close(), resolve(request.result));
    request.onerror = () => reject(request.error);
  };
})`;

/** Reads every frame through the cache's repository (`getFrame`: Dexie get, decrypt), as the image loader does. */
const CACHE_READ = `async ({ keys, concurrency }) => {
  const sync = globalThis.gardeSync;
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < keys.length) {
      const [nodeId, sop, frame] = keys[next++];
      const hit = await sync.cachedFrame(nodeId, sop, frame);
      bytes += hit.bytes.byteLength;
    }
  }));
  return { bytes, ms: performance.now() - started };
}`;

/** Reads the same records with bare IndexedDB, one read transaction each like Dexie's get: no decrypt. */
const BARE_READ = `async ({ keys, concurrency }) => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('garde-cache');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < keys.length) {
      const key = keys[next++];
      const record = await new Promise((resolve, reject) => {
        const request = db.transaction(['frames']).objectStore('frames').get(key);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      bytes += record.sealed.byteLength - 28;
    }
  }));
  const ms = performance.now() - started;
  db.close();
  return { bytes, ms };
}`;

/**
 * A bare IndexedDB write of `count` records of `size` bytes into a scratch database, `group` per
 * transaction, two transactions at once (what the sync's writer does, without encryption): the
 * floor of any prefetch that stores frames, logged beside the figures.
 */
const BARE_WRITE = `async ({ count, size, group }) => {
  const name = 'bench-scratch-' + Math.random();
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('frames');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  // Incompressible bytes, like sealed frames (Chromium compresses IndexedDB values).
  let x = 2463534242;
  const payloads = Array.from({ length: count }, () => {
    const words = new Uint32Array(Math.ceil(size / 4));
    for (let k = 0; k < words.length; k += 1) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; words[k] = x; }
    return words.buffer.slice(0, size);
  });
  const started = performance.now();
  let next = 0;
  await Promise.all([0, 1].map(async () => {
    while (next < count) {
      const from = next;
      next = Math.min(count, next + group);
      await new Promise((resolve, reject) => {
        const tx = db.transaction(['frames'], 'readwrite');
        for (let i = from; i < next; i += 1) tx.objectStore('frames').put({ sealed: payloads[i] }, i);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
  }));
  const ms = performance.now() - started;
  db.close();
  indexedDB.deleteDatabase(name);
  return { bytes: count * size, ms };
}`;

/** Runs one page script with its argument (an expression evaluated over CDP, not the page's eval). */
function inPage<T>(page: Page, script: string, arg: unknown): Promise<T> {
  return page.evaluate(`(${script})(${JSON.stringify(arg)})`) as Promise<T>;
}

/** Megabytes per second. */
const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

/** The series retrieved straight from Orthanc with curl (keep-alive irrelevant: one request), in MB/s. */
function curlSeries(url: string, user: string, password: string): { bytes: number; mbps: number } {
  const r = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', '%{size_download} %{time_total}', '-u', `${user}:${password}`, '-H', `Accept: ${SERIES_ACCEPT}`, url], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`curl failed: ${r.stderr}`);
  const [size, seconds] = r.stdout.trim().split(' ').map(Number);
  return { bytes: size!, mbps: size! / 1e6 / seconds! };
}

async function main(): Promise<void> {
  log(`bench sync: building the renderer, starting Orthanc and storing a ${SLICES}-slice 512x512 CT (load average ${loadavg()[0]!.toFixed(2)})`);
  buildRenderer();
  const pacs = await startOrthanc({ name: 'bench-sync', aeTitle: 'BENCH_SYNC', username: 'bench', password: 'bench-secret' });
  const contexts: BrowserContext[] = [];
  let web: Awaited<ReturnType<typeof startWebMode>> | undefined;
  try {
    const ct = generateCtPhantom({
      seed: 'bench-sync',
      patient: { PatientName: 'BENCH^SYNC', PatientID: 'BENCH-SYNC', PatientBirthDate: '19500101', PatientSex: 'F' },
      study: { StudyInstanceUID, StudyDate: toDicomDate(new Date()), StudyTime: '010000', AccessionNumber: 'BS1', StudyID: '1', StudyDescription: 'Bench sync CT' },
      slices: SLICES,
    });
    for (let i = 0; i < ct.instances.length; i += 50) await storeInstancesStow(pacs, ct.instances.slice(i, i + 50).map((x) => x.buffer));
    const SeriesInstanceUID = ct.instances[0]!.SeriesInstanceUID;
    const dir = mkdtempSync(join(tmpdir(), 'garde-bench-sync-'));
    const nodesFile = join(dir, 'nodes.json');
    writeFileSync(nodesFile, JSON.stringify({ nodes: [{ id: NODE, name: 'Bench', kind: 'dicomweb', baseUrl: pacs.dicomWebUrl, auth: { type: 'basic', username: pacs.username, password: pacs.password } }] }));
    web = await startWebMode(['--nodes', nodesFile]);
    const seriesPath = `/studies/${StudyInstanceUID}/series/${SeriesInstanceUID}`;
    const gatewayUrl = `${web.origin}/gateway/nodes/${NODE}/dicom-web${seriesPath}`;
    log('  Orthanc and web mode started');

    const raw: number[] = [];
    const synced: number[] = [];
    const curled: number[] = [];
    const cacheReads: number[] = [];
    const bareReads: number[] = [];
    /** The machine's CPU use during each round's raw fetch and prefetch. */
    const cpu: { raw: CpuUse; sync: CpuUse }[] = [];
    let seriesBytes = 0;
    let page: Page | undefined;
    for (let round = 0; round < ROUNDS; round += 1) {
      const context = await launchChromium({ viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      page = await context.newPage();
      page.on('pageerror', (e) => log(`  page error: ${e.message.slice(0, 300)}`));
      page.on('console', (m) => m.type() === 'error' && log(`  page console: ${m.text().slice(0, 300)}`));
      await page.goto(web.url);
      await page.waitForFunction(() => 'gardeSync' in globalThis, undefined, { timeout: 120_000 });
      const { result: r, cpu: rawCpu } = await withMachineCpu(() => inPage<{ bytes: number; ms: number }>(page!, RAW_FETCH, { url: gatewayUrl, accept: SERIES_ACCEPT }));
      seriesBytes = r.bytes;
      raw.push(mbps(r.bytes, r.ms));
      const m = await inPage<{ bytes: number; ms: number }>(page, RAW_FETCH, { url: `${gatewayUrl}/metadata`, accept: 'application/dicom+json' });
      const c = curlSeries(`${pacs.dicomWebUrl}${seriesPath}`, pacs.username, pacs.password);
      curled.push(c.mbps);
      const w = await inPage<{ bytes: number; ms: number }>(page, BARE_WRITE, { count: SLICES, size: Math.round(r.bytes / SLICES), group: 16 });
      log(`  bare IndexedDB write of the same volume: ${mbps(w.bytes, w.ms).toFixed(1)} MB/s`);
      const { result: s, cpu: syncCpu } = await withMachineCpu(() => profiled(page!, 'prefetch', () => inPage<{ ms: number; frames: number }>(page!, PREFETCH, { nodeId: NODE, StudyInstanceUID }))).catch(async (error: unknown) => {
        const alive = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-u', `${pacs.username}:${pacs.password}`, `http://127.0.0.1:${pacs.httpPort}/system`], { encoding: 'utf8' }).stdout;
        throw new Error(`${error instanceof Error ? error.message : String(error)} (Orthanc /system: HTTP ${alive}); web mode's log ended with:\n${web?.logTail()}`);
      });
      if (s.frames !== SLICES) throw new Error(`${s.frames} frames stored, ${SLICES} expected`);
      synced.push(mbps(r.bytes, s.ms));
      if (rawCpu && syncCpu) cpu.push({ raw: rawCpu, sync: syncCpu });
      log(`  round ${round + 1}: raw ${raw.at(-1)!.toFixed(1)} MB/s (${formatCpu(rawCpu)}), sync ${synced.at(-1)!.toFixed(1)} MB/s (${s.ms.toFixed(0)} ms, ${formatCpu(syncCpu)}), curl ${c.mbps.toFixed(1)} MB/s; series metadata alone ${m.ms.toFixed(0)} ms`);
    }
    const keys = await inPage<[string, string, number][]>(page!, FRAME_KEYS, { nodeId: NODE, StudyInstanceUID });
    if (keys.length !== SLICES) throw new Error(`${keys.length} frame records, ${SLICES} expected`);
    for (let round = 0; round < ROUNDS + 2; round += 1) {
      const bare = await inPage<{ bytes: number; ms: number }>(page!, BARE_READ, { keys, concurrency: READ_CONCURRENCY });
      const cached = await profiled(page!, 'cache read', () => inPage<{ bytes: number; ms: number }>(page!, CACHE_READ, { keys, concurrency: READ_CONCURRENCY }));
      if (cached.bytes !== bare.bytes) throw new Error(`cache read ${cached.bytes} bytes, bare read ${bare.bytes}`);
      bareReads.push(mbps(bare.bytes, bare.ms));
      cacheReads.push(mbps(cached.bytes, cached.ms));
      log(`  read round ${round + 1}: cache ${cacheReads.at(-1)!.toFixed(1)} MB/s, bare IndexedDB ${bareReads.at(-1)!.toFixed(1)} MB/s`);
    }
    const [syncMbps, rawMbps, curlMbps, cacheMbps, bareMbps] = [synced, raw, curled, cacheReads, bareReads].map(median) as [number, number, number, number, number];
    // Each ratio is the median of its rounds' own ratios: a round's figure and its reference share the machine's load.
    const prefetchRatio = median(synced.map((v, i) => v / raw[i]!));
    const readRatio = median(cacheReads.map((v, i) => v / bareReads[i]!));
    const cpuNote =
      cpu.length > 0
        ? `; machine CPU per series: sync ${median(cpu.map((c) => c.sync.busySeconds)).toFixed(1)} vs raw ${median(cpu.map((c) => c.raw.busySeconds)).toFixed(1)} cpu-s, ${median(cpu.map((c) => c.sync.busyCores)).toFixed(1)} and ${median(cpu.map((c) => c.raw.busyCores)).toFixed(1)} of ${cpu[0]!.raw.cores} cores busy (the PACS, gateway and browser share them)`
        : '';
    const load = `load average ${loadavg()[0]!.toFixed(2)} on ${SLICES} slices, ${(seriesBytes / 1e6).toFixed(0)} MB`;
    printFigures([
      {
        name: 'prefetch_throughput_ratio',
        value: prefetchRatio,
        unit: 'ratio',
        reference: 1,
        ratio: prefetchRatio,
        note: `median of ${ROUNDS} rounds; sync ${syncMbps.toFixed(1)} MB/s vs raw gateway fetch ${rawMbps.toFixed(1)} MB/s in the same page (medians); curl from Orthanc ${curlMbps.toFixed(1)} MB/s${cpuNote}; goal >= 0.8; ${load}`,
      },
      {
        name: 'cache_read_ratio',
        value: readRatio,
        unit: 'ratio',
        reference: 1,
        ratio: readRatio,
        note: `median of ${ROUNDS + 2} rounds; cache read + decrypt ${cacheMbps.toFixed(1)} MB/s vs bare IndexedDB read ${bareMbps.toFixed(1)} MB/s, ${READ_CONCURRENCY} at once; goal >= 0.5`,
      },
    ]);
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    await web?.stop();
    await pacs.stop({ graceMs: 0 });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
