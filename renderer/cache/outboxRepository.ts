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

/** Records a new state (and one more attempt when sending). */
export async function setOutboxState(cache: Cache, id: number, state: OutboxState): Promise<void> {
  await cache.db.outbox
    .where('id')
    .equals(id)
    .modify((r) => {
      r.state = state;
      r.updatedAt = cache.now();
      if (state === OutboxState.sending) r.attempts += 1;
    });
}
