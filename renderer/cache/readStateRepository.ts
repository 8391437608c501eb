import { liveQuery } from 'dexie';
import { type Cache } from './openCache';
import { studyKey } from '../../app/sync/studyKey';
import { deriveReadState, ReadState, type OutboxFact } from './readState';
import type { ReadStateRecord } from './schema';

async function change(cache: Cache, nodeId: string, StudyInstanceUID: string, patch: Partial<ReadStateRecord>): Promise<void> {
  const { db } = cache;
  await db.transaction('rw', db.readStates, async () => {
    const key: [string, string] = [nodeId, StudyInstanceUID];
    const now = cache.now();
    const record = (await db.readStates.get(key)) ?? { nodeId, StudyInstanceUID, updatedAt: now };
    await db.readStates.put({ ...record, ...patch, updatedAt: now });
  });
}

/** Records that this reader opened the study in the viewer now: it is in progress unless answered. */
export function markStudyOpened(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<void> {
  return change(cache, nodeId, StudyInstanceUID, { openedAt: cache.now() });
}

/** The reader marks the study as new (unread): earlier openings and answers no longer count. */
export function markStudyNew(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<void> {
  return change(cache, nodeId, StudyInstanceUID, { markedNewAt: cache.now() });
}

/** The read state of every study with one other than new, by `nodeId|StudyInstanceUID` ({@link studyId}). */
export async function readStates(cache: Cache): Promise<Map<string, ReadState>> {
  const { db } = cache;
  return db.transaction('r', [db.readStates, db.outbox], async () => {
    const records = new Map((await db.readStates.toArray()).map((r) => [studyKey(r.nodeId, r.StudyInstanceUID), r]));
    const outbox = new Map<string, OutboxFact[]>();
    await db.outbox.each((o) => {
      const id = studyKey(o.nodeId, o.StudyInstanceUID);
      outbox.set(id, [...(outbox.get(id) ?? []), { state: o.state, createdAt: o.createdAt }]);
    });
    const out = new Map<string, ReadState>();
    for (const id of new Set([...records.keys(), ...outbox.keys()])) {
      const state = deriveReadState(records.get(id), outbox.get(id) ?? []);
      if (state !== ReadState.new) out.set(id, state);
    }
    return out;
  });
}

/**
 * Calls `listener` with {@link readStates} now and whenever a read state or an outbox item changes
 * (in this page or another one of the same origin). Returns the function that stops it.
 */
export function watchReadStates(cache: Cache, listener: (states: Map<string, ReadState>) => void, onError: (error: unknown) => void = console.warn): () => void {
  const subscription = liveQuery(() => readStates(cache)).subscribe({ next: listener, error: onError });
  return () => subscription.unsubscribe();
}

/**
 * Deletes the read states last changed before `before` whose study is not in the cache (retention:
 * they name studies by UID). Returns how many were deleted.
 */
export async function purgeOrphanReadStates(cache: Cache, before: number): Promise<number> {
  const { db } = cache;
  return db.transaction('rw', [db.readStates, db.studies], async () => {
    const old = await db.readStates.where('updatedAt').below(before).primaryKeys();
    const studies = await db.studies.bulkGet(old);
    const orphans = old.filter((_, i) => studies[i] === undefined);
    await db.readStates.bulkDelete(orphans);
    return orphans.length;
  });
}
