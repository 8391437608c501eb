import { asRetryableError, isOutboxDue, OUTBOX_RETRY_POLICY, OUTBOX_STATE, outboxTransition, type OutboxEvent, type RandomSource } from '../../app/sync';
import type { Cache } from '../cache/openCache';
import { getOutboxPayload } from '../cache/outboxRepository';
import { listRows, outboxTable, saveItem, toItem, type StoredOutboxRow } from './outboxRecords';
import { stowInstance } from './stowInstance';

/** An outbox row as lists show it (no payload). */
export type OutboxView = Omit<StoredOutboxRow, 'sealed'>;

/** How often the sender looks for items added by other screens. */
const POLL_MS = 5_000;

/**
 * Sends the cache's outbox (reports, key-object notes: Part 10 payloads) to the node each item
 * belongs to, over STOW-RS through the gateway, one at a time, until the node acknowledges it. The
 * state machine is app/sync `outboxTransition` with {@link OUTBOX_RETRY_POLICY}; every state is
 * written to the cache before and after a send, so a reload resumes (an item left `sending` is
 * sent again, harmless with its fixed SOP Instance UID).
 */
export class OutboxSender {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy: Promise<void> | undefined;
  private rows: OutboxView[] = [];
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
  readonly getSnapshot = (): OutboxView[] => this.rows;

  /** Recovers items left `sending` by a closed page and starts sending. */
  async start(): Promise<void> {
    for (const row of (await outboxTable(this.cache).toArray()) as StoredOutboxRow[]) await this.apply(row, { type: 'restarted' });
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
    const now = this.cache.now();
    await outboxTable(this.cache)
      .filter((r) => r.policyState === OUTBOX_STATE.waiting)
      .modify({ nextAttemptAt: now });
    for (const row of (await outboxTable(this.cache).toArray()) as StoredOutboxRow[]) await this.apply(row, { type: 'resend' });
    await this.kick();
  }

  private async apply(row: StoredOutboxRow, event: OutboxEvent): Promise<ReturnType<typeof toItem>> {
    const item = toItem(row);
    const next = outboxTransition(item, event, { now: this.cache.now(), random: this.random, policy: OUTBOX_RETRY_POLICY });
    if (next !== item) await saveItem(this.cache, row.id, next);
    return next;
  }

  private async sendDue(): Promise<void> {
    clearTimeout(this.timer);
    try {
      const rows = (await outboxTable(this.cache).orderBy('id').toArray()) as StoredOutboxRow[];
      for (const row of rows) {
        if (!isOutboxDue(toItem(row), this.cache.now())) continue;
        const sending = await this.apply(row, { type: 'send-started' });
        await this.publish();
        try {
          const payload = await getOutboxPayload(this.cache, row.id);
          if (!payload) continue;
          await stowInstance(this.gatewayBaseUrl, row.nodeId, row.SOPInstanceUID, payload);
          await this.apply({ ...row, policyState: sending.state }, { type: 'acknowledged' });
        } catch (error) {
          await this.apply({ ...row, policyState: sending.state }, { type: 'failed', error: asRetryableError(error) });
        }
      }
    } finally {
      await this.publish();
      this.timer = setTimeout(() => void this.kick(), await this.nextWakeMs());
    }
  }

  private async nextWakeMs(): Promise<number> {
    const now = this.cache.now();
    const waits = this.rows.filter((r) => r.policyState === OUTBOX_STATE.waiting).map((r) => (r.nextAttemptAt ?? now) - now);
    return Math.max(50, Math.min(POLL_MS, ...waits));
  }

  private async publish(): Promise<void> {
    this.rows = await listRows(this.cache);
    for (const l of this.listeners) l();
  }
}
