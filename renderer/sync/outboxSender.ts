import { asRetryableError, isOutboxDue, OUTBOX_STATE, type OutboxEvent, type RandomSource } from '../../app/sync';
import type { Cache } from '../cache/openCache';
import { applyOutboxEvent, applyOutboxEvents, getOutboxPayload, listOutbox, makeWaitingDue, type OutboxEntry } from '../cache/outboxRepository';
import type { SyncRequestError } from './gatewayFetch';
import { stowInstances } from './stowInstances';

/** How often the sender looks for items added by other screens. */
const POLL_MS = 5_000;
/** At most this many items, and about this many bytes, in one STOW-RS request. */
const BATCH_ITEMS = 16;
const BATCH_BYTES = 32 * 1024 * 1024;

/** Due items grouped by node, oldest first, in requests of at most {@link BATCH_ITEMS} items and about {@link BATCH_BYTES}. */
function batches(due: readonly OutboxEntry[]): OutboxEntry[][] {
  const out: OutboxEntry[][] = [];
  const open = new Map<string, { rows: OutboxEntry[]; bytes: number }>();
  for (const row of due) {
    let batch = open.get(row.nodeId);
    if (!batch || batch.rows.length >= BATCH_ITEMS || (batch.bytes + row.bytes > BATCH_BYTES && batch.rows.length > 0)) {
      batch = { rows: [], bytes: 0 };
      open.set(row.nodeId, batch);
      out.push(batch.rows);
    }
    batch.rows.push(row);
    batch.bytes += row.bytes;
  }
  return out;
}

/**
 * Sends the cache's outbox (reports, key-object notes: Part 10 payloads) to the node each item
 * belongs to, over STOW-RS through the gateway, the due items of a node together in one request,
 * until the node acknowledges each. The
 * state machine is app/sync `outboxTransition` with {@link OUTBOX_RETRY_POLICY}; every state is
 * written to the cache before and after a send, so a reload resumes (an item left `sending` is
 * sent again, harmless with its fixed SOP Instance UID).
 */
export class OutboxSender {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy: Promise<void> | undefined;
  private rows: OutboxEntry[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly onOnline = () => void this.kick();

  constructor(
    private readonly cache: Cache,
    private readonly gatewayBaseUrl: string,
    private readonly random: RandomSource = Math.random,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The items as last read, oldest first. */
  readonly getSnapshot = (): OutboxEntry[] => this.rows;

  /** Recovers items left `sending` by a closed page and starts sending. */
  async start(): Promise<void> {
    for (const row of await listOutbox(this.cache, OUTBOX_STATE.sending)) await this.apply(row.id, { type: 'restarted' });
    window.addEventListener('online', this.onOnline);
    await this.kick();
  }

  /** Stops the periodic look-up. */
  stop(): void {
    clearTimeout(this.timer);
    window.removeEventListener('online', this.onOnline);
  }

  /** Sends what is due now (call after adding an item). */
  kick(): Promise<void> {
    this.busy ??= this.sendDue().finally(() => (this.busy = undefined));
    return this.busy;
  }

  /** The reader asks: waiting items are due now, rejected ones are sent again. */
  async sendNow(): Promise<void> {
    await makeWaitingDue(this.cache);
    for (const row of await listOutbox(this.cache, OUTBOX_STATE.rejected)) await this.apply(row.id, { type: 'resend' });
    await this.kick();
  }

  private apply(id: number, event: OutboxEvent) {
    return applyOutboxEvent(this.cache, id, event, { random: this.random });
  }

  private async sendDue(): Promise<void> {
    clearTimeout(this.timer);
    try {
      let rows = await listOutbox(this.cache);
      // A node with an item due gets its other waiting items too, in the same request: the objects
      // of one report arrive together, and all at once when a node that was down comes back.
      const dueNodes = new Set(rows.filter((row) => isOutboxDue(row, this.cache.now())).map((row) => row.nodeId));
      if (rows.some((row) => row.state === OUTBOX_STATE.waiting && dueNodes.has(row.nodeId) && !isOutboxDue(row, this.cache.now()))) {
        await makeWaitingDue(this.cache, dueNodes);
        rows = await listOutbox(this.cache);
      }
      const due = rows.filter((row) => isOutboxDue(row, this.cache.now()));
      for (const batch of batches(due)) await this.sendBatch(batch);
    } finally {
      await this.publish();
      this.timer = setTimeout(() => void this.kick(), await this.nextWakeMs());
    }
  }

  /**
   * Sends items of one node in one STOW-RS request. When the request as a whole is refused (a 4xx,
   * e.g. 413 from a proxy's size limit) and it held several items, each is sent alone, so that one
   * object the node will not take does not hold back the others.
   */
  private async sendBatch(batch: OutboxEntry[]): Promise<void> {
    const states = await applyOutboxEvents(this.cache, batch.map((row) => ({ id: row.id, event: { type: 'send-started' } as const })), { random: this.random });
    const sending = batch.filter((_, i) => states[i]?.state === OUTBOX_STATE.sending);
    const payloads = await Promise.all(sending.map((row) => getOutboxPayload(this.cache, row.id).catch((error: unknown) => asRetryableError(error))));
    const started: { row: OutboxEntry; bytes: Uint8Array }[] = [];
    const unreadable: { id: number; event: OutboxEvent }[] = [];
    sending.forEach((row, i) => {
      const payload = payloads[i];
      if (payload instanceof Uint8Array) started.push({ row, bytes: payload });
      else if (payload) unreadable.push({ id: row.id, event: { type: 'failed', error: payload } });
    });
    if (unreadable.length > 0) await applyOutboxEvents(this.cache, unreadable, { random: this.random });
    if (started.length === 0) return;
    let outcomes: Map<string, SyncRequestError | undefined>;
    performance.mark('garde:outbox:stow');
    try {
      outcomes = await stowInstances(this.gatewayBaseUrl, started[0]!.row.nodeId, started.map((s) => ({ SOPInstanceUID: s.row.SOPInstanceUID, bytes: s.bytes })));
    } catch (error) {
      const e = asRetryableError(error);
      if (!e.retryable && started.length > 1) {
        for (const { row, bytes } of started) await this.sendAlone(row, bytes);
        return;
      }
      await applyOutboxEvents(this.cache, started.map(({ row }) => ({ id: row.id, event: { type: 'failed', error: e } })), { random: this.random });
      return;
    }
    performance.mark('garde:outbox:stored');
    await applyOutboxEvents(
      this.cache,
      started.map(({ row }) => {
        const outcome = outcomes.get(row.SOPInstanceUID);
        return { id: row.id, event: outcome ? { type: 'failed', error: outcome } : { type: 'acknowledged' } };
      }),
      { random: this.random },
    );
  }

  private async sendAlone(row: OutboxEntry, bytes: Uint8Array): Promise<void> {
    try {
      const outcome = (await stowInstances(this.gatewayBaseUrl, row.nodeId, [{ SOPInstanceUID: row.SOPInstanceUID, bytes }])).get(row.SOPInstanceUID);
      await this.apply(row.id, outcome ? { type: 'failed', error: outcome } : { type: 'acknowledged' });
    } catch (error) {
      await this.apply(row.id, { type: 'failed', error: asRetryableError(error) });
    }
  }

  private async nextWakeMs(): Promise<number> {
    const now = this.cache.now();
    const waits = this.rows.filter((r) => r.state === OUTBOX_STATE.waiting).map((r) => r.nextAttemptAt - now);
    return Math.max(50, Math.min(POLL_MS, ...waits));
  }

  private async publish(): Promise<void> {
    this.rows = await listOutbox(this.cache);
    for (const l of this.listeners) l();
  }
}
