import { CacheRecordError } from './crypto/errors';
import type { Cache } from './openCache';
import { recordAad } from './recordAad';
import { OutboxState, type OutboxRecord } from './schema';

/** Something to send to the PACS a study came from: Part 10 bytes of an SR, KOS or PDF. */
export interface OutboxInput {
  nodeId: string;
  StudyInstanceUID: string;
  /** The object's SOP Instance UID: resending it is harmless. */
  SOPInstanceUID: string;
  bytes: ArrayBuffer | Uint8Array;
}

/** An outbox item without its payload. */
export type OutboxEntry = Omit<OutboxRecord, 'sealed'> & { id: number };

/** Queues an item (sealed); its study is never evicted while it is not sent. Returns its id. */
export async function addOutboxItem(cache: Cache, item: OutboxInput): Promise<number> {
  const sealed = await cache.cipher.seal(item.bytes, recordAad.outbox(item.nodeId, item.SOPInstanceUID));
  const now = cache.now();
  const record: OutboxRecord = { nodeId: item.nodeId, StudyInstanceUID: item.StudyInstanceUID, SOPInstanceUID: item.SOPInstanceUID, state: OutboxState.pending, attempts: 0, createdAt: now, updatedAt: now, bytes: sealed.byteLength, sealed };
  return (await cache.db.outbox.add(record)) as number;
}

/** Items in a state (all when absent), oldest first. */
export async function listOutbox(cache: Cache, state?: OutboxState): Promise<OutboxEntry[]> {
  const records = state === undefined ? await cache.db.outbox.orderBy('id').toArray() : await cache.db.outbox.where('state').equals(state).sortBy('id');
  return records.map(({ sealed: _sealed, ...entry }) => entry as OutboxEntry);
}

/** The payload of an item; {@link CacheRecordError} when it does not decrypt. */
export async function getOutboxPayload(cache: Cache, id: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const record = await cache.db.outbox.get(id);
  if (!record) return undefined;
  try {
    return await cache.cipher.open(record.sealed, recordAad.outbox(record.nodeId, record.SOPInstanceUID));
  } catch {
    throw new CacheRecordError('outbox', record.SOPInstanceUID);
  }
}

/**
 * What an item keeps once its PACS acknowledged it: no payload (the PACS holds the object, which is
 * never sent again), only its UIDs, states and dates, which keep its study "sent" in the worklist
 * and the item listed in Settings until {@link purgeSentOutbox}.
 */
export function acknowledgedPayload(): Pick<OutboxRecord, 'sealed' | 'bytes'> {
  return { sealed: new ArrayBuffer(0), bytes: 0 };
}

/** Records a new state (and one more attempt when sending); an acknowledged item loses its payload. */
export async function setOutboxState(cache: Cache, id: number, state: OutboxState): Promise<void> {
  await cache.db.outbox
    .where('id')
    .equals(id)
    .modify((r) => {
      r.state = state;
      r.updatedAt = cache.now();
      if (state === OutboxState.sending) r.attempts += 1;
      if (state === OutboxState.sent) Object.assign(r, acknowledgedPayload());
    });
}

/**
 * Retention of acknowledged items: those last changed before `before` whose study is no longer
 * cached are deleted (like read states, they name a study); any acknowledged item still holding a
 * payload loses it. Items not acknowledged are never touched. Returns how many were deleted.
 */
export async function purgeSentOutbox(cache: Cache, before: number): Promise<number> {
  const { db } = cache;
  return db.transaction('rw', [db.outbox, db.studies], async () => {
    const sent = await db.outbox.where('state').equals(OutboxState.sent).toArray();
    const studies = await db.studies.bulkGet(sent.map((o) => [o.nodeId, o.StudyInstanceUID] as [string, string]));
    const gone = sent.filter((o, i) => o.updatedAt < before && studies[i] === undefined).map((o) => o.id!);
    await db.outbox.bulkDelete(gone);
    await db.outbox
      .where('state')
      .equals(OutboxState.sent)
      .filter((o) => o.bytes > 0)
      .modify((o) => void Object.assign(o, acknowledgedPayload()));
    return gone.length;
  });
}
