import { newOutboxItem, OUTBOX_RETRY_POLICY, OUTBOX_STATE, outboxTransition, type OutboxEvent, type OutboxItem, type OutboxState, type RandomSource } from '../../app/sync';
import { CacheRecordError } from './crypto/errors';
import type { Cache } from './openCache';
import { recordAad } from './recordAad';
import type { OutboxRecord } from './schema';

/** Something to send to the PACS a study came from: Part 10 bytes of an SR, KOS, PDF or any instance. */
export interface OutboxInput {
  nodeId: string;
  StudyInstanceUID: string;
  /** The object's SOP Instance UID: resending it is harmless. */
  SOPInstanceUID: string;
  /** The object's SOP Class, which names the item's kind (absent: `instance`). */
  SOPClassUID?: string;
  bytes: ArrayBuffer | Uint8Array;
}

/** An outbox item without its payload. */
export type OutboxEntry = Omit<OutboxRecord, 'sealed'> & { id: number };

/** Queues an item (sealed), to send at once; its study is never evicted while it is not acknowledged. Returns its id. */
export async function addOutboxItem(cache: Cache, input: OutboxInput): Promise<number> {
  return (await addOutboxItems(cache, [input]))[0]!;
}

/**
 * Queues several items (sealed together, written in one transaction: all or none), to send at
 * once, e.g. the objects of one signed report. Returns their ids.
 */
export async function addOutboxItems(cache: Cache, inputs: readonly OutboxInput[]): Promise<number[]> {
  const sealed = await Promise.all(inputs.map((input) => cache.cipher.seal(input.bytes, recordAad.outbox(input.nodeId, input.SOPInstanceUID))));
  const now = cache.now();
  const records = inputs.map((input, i): OutboxRecord => {
    const fields = { nodeId: input.nodeId, StudyInstanceUID: input.StudyInstanceUID, SOPInstanceUID: input.SOPInstanceUID, ...(input.SOPClassUID ? { SOPClassUID: input.SOPClassUID } : {}) };
    return { ...newOutboxItem(fields, now), updatedAt: now, bytes: sealed[i]!.byteLength, sealed: sealed[i]! };
  });
  return (await cache.db.outbox.bulkAdd(records, { allKeys: true })) as number[];
}

/** Items in a state (all when absent), oldest first, without their payloads. */
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
function acknowledgedPayload(): Pick<OutboxRecord, 'sealed' | 'bytes'> {
  return { sealed: new ArrayBuffer(0), bytes: 0 };
}

function itemOf(record: OutboxRecord): OutboxItem {
  const { id: _id, updatedAt: _updatedAt, bytes: _bytes, sealed: _sealed, ...item } = record;
  return item;
}

/**
 * The one way an item changes state: `event` applied by app/sync `outboxTransition` (with
 * {@link OUTBOX_RETRY_POLICY} unless told) and written; an acknowledged item loses its payload.
 * Returns the item after the event (unchanged when the event does not apply), or undefined when
 * there is no such item.
 */
export async function applyOutboxEvent(cache: Cache, id: number, event: OutboxEvent, env: { random?: RandomSource } = {}): Promise<OutboxItem | undefined> {
  return (await applyOutboxEvents(cache, [{ id, event }], env))[0];
}

/** {@link applyOutboxEvent} for several items, in one transaction (e.g. a batch sent in one request). */
export async function applyOutboxEvents(cache: Cache, updates: readonly { id: number; event: OutboxEvent }[], env: { random?: RandomSource } = {}): Promise<(OutboxItem | undefined)[]> {
  const { db } = cache;
  return db.transaction('rw', db.outbox, async () => {
    const records = await db.outbox.bulkGet(updates.map((u) => u.id));
    const out: (OutboxItem | undefined)[] = [];
    const changed: OutboxRecord[] = [];
    records.forEach((record, i) => {
      if (!record) return void out.push(undefined);
      const item = itemOf(record);
      const next = outboxTransition(item, updates[i]!.event, { now: cache.now(), random: env.random ?? Math.random, policy: OUTBOX_RETRY_POLICY });
      out.push(next);
      if (next !== item) changed.push({ ...record, ...next, ...(next.state === OUTBOX_STATE.acknowledged ? acknowledgedPayload() : {}), updatedAt: cache.now() });
    });
    if (changed.length > 0) await db.outbox.bulkPut(changed);
    return out;
  });
}

/** Makes the waiting items due now: every one (the reader asked to send), or those of some nodes. */
export async function makeWaitingDue(cache: Cache, nodeIds?: ReadonlySet<string>): Promise<void> {
  await cache.db.outbox
    .where('state')
    .equals(OUTBOX_STATE.waiting)
    .filter((o) => !nodeIds || nodeIds.has(o.nodeId))
    .modify({ nextAttemptAt: cache.now() });
}

/**
 * Retention of acknowledged items: those last changed before `before` whose study is no longer
 * cached are deleted (like read states, they name a study); any acknowledged item still holding a
 * payload loses it. Items not acknowledged are never touched. Returns how many were deleted.
 */
export async function purgeSentOutbox(cache: Cache, before: number): Promise<number> {
  const { db } = cache;
  return db.transaction('rw', [db.outbox, db.studies], async () => {
    const sent = await db.outbox.where('state').equals(OUTBOX_STATE.acknowledged).toArray();
    const studies = await db.studies.bulkGet(sent.map((o) => [o.nodeId, o.StudyInstanceUID] as [string, string]));
    const gone = sent.filter((o, i) => o.updatedAt < before && studies[i] === undefined).map((o) => o.id!);
    await db.outbox.bulkDelete(gone);
    await db.outbox
      .where('state')
      .equals(OUTBOX_STATE.acknowledged)
      .filter((o) => o.bytes > 0)
      .modify((o) => void Object.assign(o, acknowledgedPayload()));
    return gone.length;
  });
}

/** The room the outbox takes (sealed payload sizes). */
export async function outboxBytes(cache: Cache): Promise<number> {
  let bytes = 0;
  await cache.db.outbox.each((o) => (bytes += o.bytes));
  return bytes;
}
