import { OUTBOX_STATE, type OutboxState } from '../../app/sync';
import type { ReadStateRecord } from './schema';

/**
 * Where this reader is with a study, as the worklist shows it:
 * - `reported`: an answer to the PACS (report, key images: an outbox item) is queued and the PACS
 *   has not acknowledged it yet (PS3.18 10.5 STOW-RS response, or C-STORE-RSP);
 * - `sent`: every such answer was acknowledged;
 * - `inProgress`: opened in the viewer, nothing sent;
 * - `new`: none of these, or marked new (unread) since.
 * Explicit values: the state is compared and may be stored as a number.
 */
export const ReadState = { new: 0, inProgress: 1, reported: 2, sent: 3 } as const;
/** @see ReadState */
export type ReadState = (typeof ReadState)[keyof typeof ReadState];
/** A {@link ReadState}'s name (`new`, `inProgress`, `reported`, `sent`), for keys and attributes. */
export type ReadStateName = keyof typeof ReadState;

/** The name of a {@link ReadState}. */
export function readStateName(state: ReadState): ReadStateName {
  return (Object.keys(ReadState) as ReadStateName[]).find((name) => ReadState[name] === state)!;
}

/** What {@link deriveReadState} needs of an outbox item. */
export interface OutboxFact {
  state: OutboxState;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/**
 * The read state of one study from what the reader did (`record`, absent when nothing) and its
 * outbox items. A "mark as new" hides openings and items created until then.
 */
export function deriveReadState(record: Pick<ReadStateRecord, 'openedAt' | 'markedNewAt'> | undefined, outbox: readonly OutboxFact[]): ReadState {
  const since = record?.markedNewAt ?? -Infinity;
  const items = outbox.filter((o) => o.createdAt > since);
  if (items.some((o) => o.state !== OUTBOX_STATE.acknowledged)) return ReadState.reported;
  if (items.length > 0) return ReadState.sent;
  if (record?.openedAt !== undefined && record.openedAt > since) return ReadState.inProgress;
  return ReadState.new;
}
