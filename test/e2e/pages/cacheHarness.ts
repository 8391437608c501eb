// The cache's test page: the real renderer/cache modules, built with the renderer's Vite config
// (vite.test-pages.config.ts), exposed on window for page.evaluate in test/e2e/cache*.test.ts,
// with helpers that read and alter the raw IndexedDB records through the plain IndexedDB API.
import { Dexie } from 'dexie';
import type { DicomJsonDataset } from '../../../app/dicomweb/dicomJson';
import * as cache from '../../../renderer/cache';

/** A 16-bit frame with a deterministic, non-periodic-looking pattern (little-endian). */
function makeFrame(seed: number, rows = 512, columns = 512): Uint8Array<ArrayBuffer> {
  const values = new Uint16Array(rows * columns);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < values.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    values[i] = (x >>> 0) & 0x0fff;
  }
  return new Uint8Array(values.buffer);
}

/** Instance metadata of a synthetic study (PS3.18 F.2), one instance per SOP UID. */
function syntheticStudy(o: { StudyInstanceUID: string; PatientName: string; PatientID: string; modality: string; instances: number }): DicomJsonDataset[] {
  const SeriesInstanceUID = `${o.StudyInstanceUID}.1`;
  return Array.from({ length: o.instances }, (_, i) => ({
    '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.4'] },
    '00080018': { vr: 'UI', Value: [`${SeriesInstanceUID}.${i + 1}`] },
    '00080020': { vr: 'DA', Value: ['20260114'] },
    '00080060': { vr: 'CS', Value: [o.modality] },
    '00100010': { vr: 'PN', Value: [{ Alphabetic: o.PatientName }] },
    '00100020': { vr: 'LO', Value: [o.PatientID] },
    '0020000D': { vr: 'UI', Value: [o.StudyInstanceUID] },
    '0020000E': { vr: 'UI', Value: [SeriesInstanceUID] },
    '00200013': { vr: 'IS', Value: [i + 1] },
    '00280010': { vr: 'US', Value: [512] },
    '00280011': { vr: 'US', Value: [512] },
    '00280100': { vr: 'US', Value: [16] },
    '7FE00010': { vr: 'OW', BulkDataURI: `/gateway/nodes/n/dicom-web/studies/${o.StudyInstanceUID}/series/${SeriesInstanceUID}/instances/${SeriesInstanceUID}.${i + 1}/frames/1` },
  }));
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** A second, key-less connection with the plain IndexedDB API (no Dexie, no cipher). */
async function rawOpen(name: string): Promise<IDBDatabase> {
  return request(indexedDB.open(name));
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Every byte run of a stored value: buffers as they are, strings as UTF-8 and UTF-16LE. */
function byteRuns(value: unknown, out: Uint8Array[]): void {
  if (value instanceof ArrayBuffer) out.push(new Uint8Array(value));
  else if (ArrayBuffer.isView(value)) out.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  else if (typeof value === 'string') {
    out.push(new TextEncoder().encode(value));
    out.push(new Uint8Array(Uint16Array.from(value, (c) => c.charCodeAt(0)).buffer));
  } else if (Array.isArray(value)) value.forEach((v) => byteRuns(v, out));
  else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => (byteRuns(k, out), byteRuns(v, out)));
  else if (value !== undefined && value !== null) byteRuns(String(value), out);
}

/** Which needles (base64) occur in any raw record of any table of database `name`; also counts records. */
async function rawScan(name: string, needles: string[]): Promise<{ found: boolean[]; records: number }> {
  const db = await rawOpen(name);
  const wanted = needles.map(fromBase64);
  const found = wanted.map(() => false);
  let records = 0;
  try {
    for (const store of Array.from(db.objectStoreNames)) {
      const values = await request(db.transaction(store).objectStore(store).getAll());
      for (const value of values) {
        records++;
        const runs: Uint8Array[] = [];
        byteRuns(value, runs);
        wanted.forEach((n, i) => (found[i] ||= runs.some((r) => indexOf(r, n) >= 0)));
      }
    }
  } finally {
    db.close();
  }
  return { found, records };
}

/** Rewrites one raw record of `store` (by primary key) with `change` applied to it. */
async function rawModify(name: string, store: string, key: IDBValidKey, change: (record: Record<string, unknown>) => void): Promise<void> {
  const db = await rawOpen(name);
  try {
    const tx = db.transaction(store, 'readwrite');
    const record = (await request(tx.objectStore(store).get(key))) as Record<string, unknown>;
    change(record);
    await request(tx.objectStore(store).put(record));
  } finally {
    db.close();
  }
}

/** Flips one byte of a frame record's ciphertext. */
function tamperFrame(name: string, nodeId: string, SOPInstanceUID: string, frame: number): Promise<void> {
  return rawModify(name, 'frames', [nodeId, SOPInstanceUID, frame], (r) => {
    const bytes = new Uint8Array(r.sealed as ArrayBuffer);
    bytes[100] = bytes[100]! ^ 0xff;
  });
}

/** Copies one frame record's ciphertext into another frame's record. */
async function swapFrameCipherText(name: string, from: [string, string, number], to: [string, string, number]): Promise<void> {
  const db = await rawOpen(name);
  const source = (await request(db.transaction('frames').objectStore('frames').get(from))) as { sealed: ArrayBuffer };
  db.close();
  await rawModify(name, 'frames', to, (r) => (r.sealed = source.sealed.slice(0)));
}

/** A v1-only database (the schema as first shipped), to test the upgrade to the current version. */
function openVersion1(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(cache.SCHEMA_V1);
  return db;
}

/** A bare IndexedDB store with no encryption, as the reference for throughput figures. */
async function bareStore(name: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('frames');
  return request(open);
}

/** Writes then reads `frames` through a bare IndexedDB store; milliseconds for each. */
async function bareWriteRead(frames: Uint8Array[]): Promise<{ writeMs: number; readMs: number; sameBytes: boolean }> {
  const db = await bareStore(`bare-${Math.random()}`);
  const t0 = performance.now();
  const tx = db.transaction('frames', 'readwrite');
  frames.forEach((f, i) => tx.objectStore('frames').put(f.buffer, i));
  await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = reject)));
  const t1 = performance.now();
  const read: ArrayBuffer[] = [];
  for (let i = 0; i < frames.length; i++) read.push(await request(db.transaction('frames').objectStore('frames').get(i)));
  const t2 = performance.now();
  db.close();
  const sameBytes = read.every((r, i) => r.byteLength === frames[i]!.byteLength && new Uint8Array(r)[777] === frames[i]![777]);
  return { writeMs: t1 - t0, readMs: t2 - t1, sameBytes };
}

const harness = { cache, Dexie, makeFrame, syntheticStudy, toBase64, fromBase64, rawScan, rawModify, tamperFrame, swapFrameCipherText, openVersion1, bareWriteRead };

/** What the page exposes to the tests. */
export type CacheHarness = typeof harness;

declare global {
  interface Window {
    cacheHarness: CacheHarness;
  }
}

window.cacheHarness = harness;
document.title = 'cache-harness-ready';
