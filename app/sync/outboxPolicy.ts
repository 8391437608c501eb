import { ENCAPSULATED_PDF, KEY_OBJECT_SELECTION, SR_ROOT } from '../report/sopClasses';
import { decideRetry, OUTBOX_RETRY_POLICY, type RandomSource, type RetryableError, type RetryPolicy } from './retryPolicy';

/**
 * States of an outbox item, with the numeric values stored in the local database:
 * `pending` (to send now), `sending` (a send is under way), `waiting` (a retry is scheduled at
 * `nextAttemptAt`), `acknowledged` (the node confirmed the store; final), `rejected` (a
 * permanent error; waits for the reader to resend or discard).
 */
export const OUTBOX_STATE = { pending: 0, sending: 1, waiting: 2, acknowledged: 3, rejected: 4 } as const;
export type OutboxState = (typeof OUTBOX_STATE)[keyof typeof OUTBOX_STATE];

/**
 * What an outbox item carries, from its SOP Class (PS3.4 B.5): a structured report (`sr`), a
 * Key Object Selection (`kos`), an encapsulated PDF (`pdf`), or any other instance (`instance`).
 */
export type OutboxKind = 'sr' | 'kos' | 'pdf' | 'instance';


/** The {@link OutboxKind} of an object of this SOP Class (`instance` when unknown). */
export function outboxKindOf(SOPClassUID: string | undefined): OutboxKind {
  if (SOPClassUID === KEY_OBJECT_SELECTION) return 'kos';
  if (SOPClassUID === ENCAPSULATED_PDF) return 'pdf';
  return SOPClassUID?.startsWith(SR_ROOT) ? 'sr' : 'instance';
}

/**
 * One object to store on a node (STOW-RS, PS3.18 10.5, or C-STORE). Its SOPInstanceUID is fixed
 * when the item is created, so a resend stores the same instance again and never a duplicate.
 */
export interface OutboxItem {
  nodeId: string;
  StudyInstanceUID: string;
  SOPInstanceUID: string;
  /** The object's SOP Class, when known (absent for bytes queued as they are). */
  SOPClassUID?: string;
  kind: OutboxKind;
  state: OutboxState;
  /** Failed attempts so far. */
  attempts: number;
  /** When the item may be sent (epoch milliseconds, from the injected clock). */
  nextAttemptAt: number;
  createdAt: number;
  acknowledgedAt?: number;
  lastError?: RetryableError;
}

/**
 * What happens to an item: a send starts, the node acknowledges, the send fails, the app
 * restarts (an item left `sending` may or may not have arrived), or the reader asks to resend a
 * rejected item.
 */
export type OutboxEvent = { type: 'send-started' } | { type: 'acknowledged' } | { type: 'failed'; error: RetryableError } | { type: 'restarted' } | { type: 'resend' };

/** The clock, random source and policy of a transition, injected. */
export interface OutboxEnv {
  now: number;
  random: RandomSource;
  policy?: RetryPolicy;
}

/** A new item, to send at once. */
export function newOutboxItem(fields: Pick<OutboxItem, 'nodeId' | 'StudyInstanceUID' | 'SOPInstanceUID' | 'SOPClassUID'>, now: number): OutboxItem {
  return { ...fields, kind: outboxKindOf(fields.SOPClassUID), state: OUTBOX_STATE.pending, attempts: 0, nextAttemptAt: now, createdAt: now };
}

/** Whether the item should be sent now: pending, or waiting and its time has come. */
export function isOutboxDue(item: OutboxItem, now: number): boolean {
  return item.state === OUTBOX_STATE.pending || (item.state === OUTBOX_STATE.waiting && item.nextAttemptAt <= now);
}

function failed(item: OutboxItem, error: RetryableError, env: OutboxEnv): OutboxItem {
  const attempts = item.attempts + 1;
  const decision = decideRetry(env.policy ?? OUTBOX_RETRY_POLICY, attempts, error, env.random);
  if (decision.action === 'give-up') return { ...item, state: OUTBOX_STATE.rejected, attempts, lastError: error };
  return { ...item, state: OUTBOX_STATE.waiting, attempts, nextAttemptAt: env.now + decision.delayMs, lastError: error };
}

/**
 * The item after an event. Retryable failures wait with exponential backoff and full jitter
 * (by default until acknowledged: {@link OUTBOX_RETRY_POLICY}); `retryable: false` errors reject
 * the item. An acknowledgement is final whatever the state (a late answer to an earlier send of
 * the same SOPInstanceUID counts). After a restart an item left `sending` is sent again, which
 * is harmless because its SOPInstanceUID is fixed. Events that make no sense in the current
 * state return the same object, so callers can tell (`next === item`).
 */
export function outboxTransition(item: OutboxItem, event: OutboxEvent, env: OutboxEnv): OutboxItem {
  if (item.state === OUTBOX_STATE.acknowledged) return item;
  switch (event.type) {
    case 'acknowledged':
      return { ...item, state: OUTBOX_STATE.acknowledged, acknowledgedAt: env.now };
    case 'send-started':
      return isOutboxDue(item, env.now) ? { ...item, state: OUTBOX_STATE.sending } : item;
    case 'failed':
      return item.state === OUTBOX_STATE.sending ? failed(item, event.error, env) : item;
    case 'restarted':
      return item.state === OUTBOX_STATE.sending ? { ...item, state: OUTBOX_STATE.pending, nextAttemptAt: env.now } : item;
    case 'resend':
      return item.state === OUTBOX_STATE.rejected ? { ...item, state: OUTBOX_STATE.pending, attempts: 0, nextAttemptAt: env.now } : item;
  }
}
