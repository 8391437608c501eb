import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newOutboxItem, isOutboxDue, outboxKindOf, OUTBOX_STATE, outboxTransition, type OutboxEvent, type OutboxItem } from '../../../app/sync';

const fields = { nodeId: 'pacs-nord', StudyInstanceUID: '1.2', SOPInstanceUID: '1.2.9', SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.33' } as const;
const env = (now: number) => ({ now, random: () => 0.5 });
const timeout = { code: 'NODE_TIMEOUT', message: 'timed out', retryable: true };

describe('outboxPolicy', () => {
  it('names each item by what it carries, from its SOP Class', () => {
    expect(newOutboxItem(fields, 0).kind).toBe('sr');
    expect(outboxKindOf('1.2.840.10008.5.1.4.1.1.88.22')).toBe('sr');
    expect(outboxKindOf('1.2.840.10008.5.1.4.1.1.88.59')).toBe('kos');
    expect(outboxKindOf('1.2.840.10008.5.1.4.1.1.104.1')).toBe('pdf');
    expect(outboxKindOf('1.2.840.10008.5.1.4.1.1.2')).toBe('instance');
    expect(outboxKindOf('1.2.840.10008.5.1.4.1.1.880')).toBe('instance');
    expect(outboxKindOf(undefined)).toBe('instance');
  });

  it('stores explicit numeric states', () => {
    expect(OUTBOX_STATE).toEqual({ pending: 0, sending: 1, waiting: 2, acknowledged: 3, rejected: 4 });
  });

  it('retries a retryable failure with backoff until acknowledged', () => {
    let item = newOutboxItem(fields, 1_000);
    expect(isOutboxDue(item, 1_000)).toBe(true);
    item = outboxTransition(item, { type: 'send-started' }, env(1_000));
    item = outboxTransition(item, { type: 'failed', error: timeout }, env(1_100));
    expect(item).toMatchObject({ state: OUTBOX_STATE.waiting, attempts: 1, nextAttemptAt: 2_100, lastError: timeout });
    expect(isOutboxDue(item, 2_099)).toBe(false);
    expect(outboxTransition(item, { type: 'send-started' }, env(2_099))).toBe(item);
    item = outboxTransition(item, { type: 'send-started' }, env(2_100));
    item = outboxTransition(item, { type: 'failed', error: timeout }, env(2_200));
    expect(item).toMatchObject({ state: OUTBOX_STATE.waiting, attempts: 2, nextAttemptAt: 4_200 });
    item = outboxTransition(outboxTransition(item, { type: 'send-started' }, env(5_000)), { type: 'acknowledged' }, env(5_050));
    expect(item).toMatchObject({ state: OUTBOX_STATE.acknowledged, acknowledgedAt: 5_050, SOPInstanceUID: '1.2.9' });
  });

  it('rejects on a permanent error until the reader resends', () => {
    let item = outboxTransition(newOutboxItem(fields, 0), { type: 'send-started' }, env(0));
    item = outboxTransition(item, { type: 'failed', error: { code: 'NODE_BAD_RESPONSE', message: 'refused', retryable: false } }, env(10));
    expect(item.state).toBe(OUTBOX_STATE.rejected);
    expect(isOutboxDue(item, 1e12)).toBe(false);
    item = outboxTransition(item, { type: 'resend' }, env(20));
    expect(item).toMatchObject({ state: OUTBOX_STATE.pending, attempts: 0 });
  });

  it('sends again an item left sending by a crash, with the same SOP Instance UID', () => {
    const sending = outboxTransition(newOutboxItem(fields, 0), { type: 'send-started' }, env(0));
    const after = outboxTransition(sending, { type: 'restarted' }, env(99));
    expect(after).toMatchObject({ state: OUTBOX_STATE.pending, nextAttemptAt: 99, SOPInstanceUID: sending.SOPInstanceUID });
  });

  it('never leaves acknowledged, never changes the SOP Instance UID, counts failures only', () => {
    const eventArb: fc.Arbitrary<OutboxEvent> = fc.oneof(
      fc.constant({ type: 'send-started' as const }),
      fc.constant({ type: 'acknowledged' as const }),
      fc.constant({ type: 'restarted' as const }),
      fc.constant({ type: 'resend' as const }),
      fc.boolean().map((retryable) => ({ type: 'failed' as const, error: { code: 'X', message: 'x', retryable } })),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(eventArb, fc.nat({ max: 10_000 })), { maxLength: 30 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (steps, r) => {
        let item: OutboxItem = newOutboxItem(fields, 0);
        let now = 0;
        for (const [event, dt] of steps) {
          now += dt;
          const before = item;
          item = outboxTransition(item, event, { now, random: () => r });
          expect(item.SOPInstanceUID).toBe(fields.SOPInstanceUID);
          expect(Object.values(OUTBOX_STATE)).toContain(item.state);
          if (before.state === OUTBOX_STATE.acknowledged) expect(item).toBe(before);
          if (event.type === 'failed' && item !== before && item.state === OUTBOX_STATE.waiting) expect(item.nextAttemptAt).toBeGreaterThanOrEqual(now);
          if (event.type !== 'failed' && event.type !== 'resend') expect(item.attempts).toBe(before.attempts);
        }
      }),
    );
  });
});
