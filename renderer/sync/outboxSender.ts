import { asRetryableError, isOutboxDue, OUTBOX_STATE, type OutboxEvent, type RandomSource } from '../../app/sync';
import type { Cache } from '../cache/openCache';
import { applyOutboxEvent, getOutboxPayload, listOutbox, makeWaitingDue, type OutboxEntry } from '../cache/outboxRepository';
import { stowInstance } from './stowInstance';

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
      for (const row of await listOutbox(this.cache)) {
        if (!isOutboxDue(row, this.cache.now())) continue;
        if ((await this.apply(row.id, { type: 'send-started' }))?.state !== OUTBOX_STATE.sending) continue;
        await this.publish();
        try {
          const payload = await getOutboxPayload(this.cache, row.id);
          if (!payload) continue;
          await stowInstance(this.gatewayBaseUrl, row.nodeId, row.SOPInstanceUID, payload);
          await this.apply(row.id, { type: 'acknowledged' });
        } catch (error) {
          await this.apply(row.id, { type: 'failed', error: asRetryableError(error) });
        }
      }
    } finally {
      await this.publish();
      this.timer = setTimeout(() => void this.kick(), await this.nextWakeMs());
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
