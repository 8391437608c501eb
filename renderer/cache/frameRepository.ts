import type { Cache } from './openCache';
import { CacheRecordError } from './crypto/errors';
import { recordAad } from './recordAad';
import { Pinned, type CacheDb, type FrameRecord, type StudyRecord } from './schema';
import { frameKey } from '../../app/sync/resumePlan';
import { studyKey } from '../../app/sync/studyKey';

/** One frame to cache: its bytes exactly as the PACS sent them (PS3.18 10.4.1.1.5). */
export interface FrameInput {
  nodeId: string;
  StudyInstanceUID: string;
  SOPInstanceUID: string;
  /** 1-based frame number. */
  frame: number;
  contentType: string;
  bytes: ArrayBuffer | Uint8Array;
}

/** A cached frame, decrypted. */
export interface CachedFrame {
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Stores frames (encrypted first, then written in one transaction) and adds their sizes to their
 * studies. A frame already cached is replaced.
 */
export async function putFrames(cache: Cache, frames: readonly FrameInput[]): Promise<void> {
  const records: FrameRecord[] = await Promise.all(
    frames.map(async (f) => {
      const sealed = await cache.cipher.seal(f.bytes, recordAad.frame(f.nodeId, f.SOPInstanceUID, f.frame));
      return { nodeId: f.nodeId, StudyInstanceUID: f.StudyInstanceUID, SOPInstanceUID: f.SOPInstanceUID, frame: f.frame, contentType: f.contentType, bytes: sealed.byteLength, sealed };
    }),
  );
  const { db } = cache;
  await db.transaction('rw', db.frames, db.studies, async () => {
    const previous = await db.frames.bulkGet(records.map((r) => [r.nodeId, r.SOPInstanceUID, r.frame] as [string, string, number]));
    const delta = new Map<string, { nodeId: string; StudyInstanceUID: string; bytes: number }>();
    records.forEach((r, i) => {
      const key = studyKey(r.nodeId, r.StudyInstanceUID);
      const entry = delta.get(key) ?? { nodeId: r.nodeId, StudyInstanceUID: r.StudyInstanceUID, bytes: 0 };
      entry.bytes += r.bytes - (previous[i]?.bytes ?? 0);
      delta.set(key, entry);
    });
    await db.frames.bulkPut(records);
    for (const d of delta.values()) await addStudyBytes(db, d.nodeId, d.StudyInstanceUID, d.bytes, cache.now());
  });
}

/** Stores one frame; see {@link putFrames}. */
export function putFrame(cache: Cache, frame: FrameInput): Promise<void> {
  return putFrames(cache, [frame]);
}

/**
 * The cached frame, or undefined when it is not cached. A record that does not decrypt throws a
 * {@link CacheRecordError} naming the instance and frame; other frames are unaffected.
 */
export async function getFrame(cache: Cache, nodeId: string, SOPInstanceUID: string, frame: number): Promise<CachedFrame | undefined> {
  const record = await cache.db.frames.get([nodeId, SOPInstanceUID, frame]);
  if (!record) return undefined;
  try {
    return { contentType: record.contentType, bytes: await cache.cipher.open(record.sealed, recordAad.frame(nodeId, SOPInstanceUID, frame)) };
  } catch {
    throw new CacheRecordError('frames', SOPInstanceUID, frame);
  }
}

/** Whether a frame is cached (no decryption). */
export async function hasFrame(cache: Cache, nodeId: string, SOPInstanceUID: string, frame: number): Promise<boolean> {
  return (await cache.db.frames.where('[nodeId+SOPInstanceUID+frame]').equals([nodeId, SOPInstanceUID, frame]).count()) > 0;
}

/** Deletes every cached frame of the given instances and takes their size off their studies. */
export async function deleteInstanceFrames(cache: Cache, nodeId: string, SOPInstanceUIDs: readonly string[]): Promise<void> {
  const { db } = cache;
  await db.transaction('rw', db.frames, db.studies, async () => {
    for (const SOPInstanceUID of SOPInstanceUIDs) {
      const records = await db.frames.where('[nodeId+SOPInstanceUID+frame]').between([nodeId, SOPInstanceUID, -Infinity], [nodeId, SOPInstanceUID, Infinity]).toArray();
      if (records.length === 0) continue;
      await db.frames.bulkDelete(records.map((r) => [r.nodeId, r.SOPInstanceUID, r.frame] as [string, string, number]));
      const bytes = records.reduce((n, r) => n + r.bytes, 0);
      await addStudyBytes(db, nodeId, records[0]!.StudyInstanceUID, -bytes, cache.now());
    }
  });
}

/** Frame keys (app/sync `frameKey`) of a study's stored frames, read from the index only. */
export async function storedFrameKeys(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<Set<string>> {
  const keys = await cache.db.frames.where('[nodeId+StudyInstanceUID]').equals([nodeId, StudyInstanceUID]).primaryKeys();
  return new Set(keys.map(([, sop, frame]) => frameKey(sop, frame)));
}

/**
 * Adds `delta` bytes to a study's size, creating a placeholder study record when frames arrive
 * before its metadata. Call inside a read-write transaction over `studies`.
 */
async function addStudyBytes(db: CacheDb, nodeId: string, StudyInstanceUID: string, delta: number, now: number): Promise<void> {
  const existing = await db.studies.get([nodeId, StudyInstanceUID]);
  if (existing) {
    await db.studies.update([nodeId, StudyInstanceUID], { bytes: Math.max(0, existing.bytes + delta) });
    return;
  }
  const placeholder: StudyRecord = { nodeId, StudyInstanceUID, patientKey: '', StudyDate: '', ModalitiesInStudy: [], lastAccess: now, pinned: Pinned.no, bytes: Math.max(0, delta) };
  await db.studies.add(placeholder);
}
