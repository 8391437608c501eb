import type { Table } from 'dexie';
import { OUTBOX_STATE, type OutboxItem, type OutboxKind, type OutboxState as PolicyState, type RetryableError } from '../../app/sync';
import type { Cache } from '../cache/openCache';
import { acknowledgedPayload } from '../cache/outboxRepository';
import { OutboxState, type OutboxRecord } from '../cache/schema';

/**
 * An outbox record as the sender keeps it: the cache's fields (whose `state` the cache reads for
 * eviction: `sent` once acknowledged) plus the state machine's own fields (app/sync outboxPolicy).
 */
export interface OutboxRow extends OutboxRecord {
  policyState?: PolicyState;
  nextAttemptAt?: number;
  acknowledgedAt?: number;
  lastError?: RetryableError;
  kind?: OutboxKind;
}

/** An outbox row with its id. */
export type StoredOutboxRow = OutboxRow & { id: number };

/** The cache's state for each state of the machine. */
const CACHE_STATE: Record<PolicyState, OutboxState> = {
  [OUTBOX_STATE.pending]: OutboxState.pending,
  [OUTBOX_STATE.sending]: OutboxState.sending,
  [OUTBOX_STATE.waiting]: OutboxState.pending,
  [OUTBOX_STATE.acknowledged]: OutboxState.sent,
  [OUTBOX_STATE.rejected]: OutboxState.failed,
};

/** The machine's state of a row written by the cache alone (`addOutboxItem`). */
const POLICY_STATE: Record<OutboxState, PolicyState> = {
  [OutboxState.pending]: OUTBOX_STATE.pending,
  [OutboxState.sending]: OUTBOX_STATE.sending,
  [OutboxState.sent]: OUTBOX_STATE.acknowledged,
  [OutboxState.failed]: OUTBOX_STATE.rejected,
};

/** The outbox table with the sender's fields. */
export function outboxTable(cache: Cache): Table<OutboxRow, number> {
  return cache.db.outbox as unknown as Table<OutboxRow, number>;
}

/** A row as the state machine's item. */
export function toItem(row: OutboxRow): OutboxItem {
  return {
    nodeId: row.nodeId,
    StudyInstanceUID: row.StudyInstanceUID,
    SOPInstanceUID: row.SOPInstanceUID,
    kind: row.kind ?? 'report',
    state: row.policyState ?? POLICY_STATE[row.state],
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt ?? row.createdAt,
    createdAt: row.createdAt,
    ...(row.acknowledgedAt !== undefined ? { acknowledgedAt: row.acknowledgedAt } : {}),
    ...(row.lastError ? { lastError: row.lastError } : {}),
  };
}

/** Writes an item's new state to its row (the cache's state kept in step); an acknowledged item loses its payload. */
export async function saveItem(cache: Cache, id: number, item: OutboxItem): Promise<void> {
  await outboxTable(cache).update(id, {
    ...(item.state === OUTBOX_STATE.acknowledged ? acknowledgedPayload() : {}),
    state: CACHE_STATE[item.state],
    policyState: item.state,
    attempts: item.attempts,
    nextAttemptAt: item.nextAttemptAt,
    acknowledgedAt: item.acknowledgedAt,
    lastError: item.lastError,
    updatedAt: cache.now(),
  });
}

/** Every row without its payload, oldest first. */
export async function listRows(cache: Cache): Promise<Omit<StoredOutboxRow, 'sealed'>[]> {
  const rows = (await outboxTable(cache).orderBy('id').toArray()) as StoredOutboxRow[];
  return rows.map(({ sealed: _sealed, ...row }) => row);
}
