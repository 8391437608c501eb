import { useSyncExternalStore } from 'react';
import { OUTBOX_STATE } from '../../../app/sync';
import type { SignedVersion } from '../../../app/report';
import { useSyncServices } from '../../sync';

const NONE: never[] = [];
const noop = () => () => undefined;

/** Where the objects of a signed version are: all acknowledged (`sent`), one refused (`rejected`, with the node's reason), or on their way (`queued`). */
export interface Delivery {
  state: 'sent' | 'rejected' | 'queued';
  reason?: string;
}

/** The delivery of a signed version, from the outbox as the sender last read it. */
export function useVersionDelivery(nodeId: string, version: SignedVersion | undefined): Delivery | undefined {
  const sync = useSyncServices();
  const rows = useSyncExternalStore(sync?.outbox.subscribe ?? noop, sync?.outbox.getSnapshot ?? (() => NONE));
  if (!version) return undefined;
  const uids = new Set(Object.values(version.uids).map((u) => u.SOPInstanceUID));
  const mine = rows.filter((r) => r.nodeId === nodeId && uids.has(r.SOPInstanceUID));
  const rejected = mine.find((r) => r.state === OUTBOX_STATE.rejected || (r.state === OUTBOX_STATE.waiting && r.lastError));
  if (mine.length > 0 && mine.every((r) => r.state === OUTBOX_STATE.acknowledged)) return { state: 'sent' };
  if (rejected?.state === OUTBOX_STATE.rejected) return { state: 'rejected', ...(rejected.lastError ? { reason: rejected.lastError.message } : {}) };
  return { state: 'queued', ...(rejected?.lastError ? { reason: rejected.lastError.message } : {}) };
}
