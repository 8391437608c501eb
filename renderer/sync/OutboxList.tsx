import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATE, type OutboxState } from '../../app/sync';
import type { OutboxSender } from './outboxSender';

const STATE_NAME: Record<OutboxState, string> = {
  [OUTBOX_STATE.pending]: 'pending',
  [OUTBOX_STATE.sending]: 'sending',
  [OUTBOX_STATE.waiting]: 'waiting',
  [OUTBOX_STATE.acknowledged]: 'acknowledged',
  [OUTBOX_STATE.rejected]: 'rejected',
};

/** The outbox: each item's node, study, state and attempts, and a "send now" button. */
export function OutboxList({ sender }: { sender: OutboxSender }) {
  const { t } = useTranslation();
  const rows = useSyncExternalStore(sender.subscribe, sender.getSnapshot);
  return (
    <div data-testid="outbox-list">
      <h3>{t('sync.outbox.title')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('sync.outbox.empty')}</p>
      ) : (
        <ul>
          {rows.map((r) => {
            const state = STATE_NAME[r.state];
            return (
              <li key={r.id} data-testid="outbox-item" data-sop={r.SOPInstanceUID} data-state={state}>
                {t(`sync.outbox.state.${state}`)} · {r.nodeId} · {r.StudyInstanceUID} · {t('sync.outbox.attempts', { count: r.attempts })}
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" data-testid="outbox-send-now" onClick={() => void sender.sendNow()}>
        {t('sync.outbox.sendNow')}
      </button>
    </div>
  );
}
