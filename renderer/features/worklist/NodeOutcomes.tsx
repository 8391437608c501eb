import { useTranslation } from 'react-i18next';
import type { NodeSummary } from '../../../app/ipc/contract';
import type { OfflineAwareOutcome } from '../../cache/offlineWorklist';
import { errorText } from '../../i18n/errorText';

/** One chip per node: how many studies it gave, or why it gave none and how many of its cached studies are shown. */
export function NodeOutcomes({ outcomes, nodes }: { outcomes: OfflineAwareOutcome[]; nodes: NodeSummary[] }) {
  const { t } = useTranslation();
  const name = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  return (
    <ul className="node-outcomes" data-testid="node-outcomes">
      {outcomes.map((o) => (
        <li key={o.nodeId} className={o.ok ? 'ok' : 'failed'} data-node={o.nodeId} data-ok={o.ok}>
          <strong>{name(o.nodeId)}</strong>{' '}
          {o.ok
            ? t('worklist.node.count', { count: o.count, ms: o.ms })
            : t('worklist.node.failed', { reason: o.error ? errorText(t, { ...o.error, code: o.error.code as never }) : '' })}
          {!o.ok && o.cached !== undefined && (
            <span className="offline-count" data-testid="offline-count" data-count={o.cached}>
              {' '}
              {t('worklist.offline.showing', { count: o.cached })}
            </span>
          )}
          {!o.ok && o.error && <span className="muted detail">{o.error.message}</span>}
        </li>
      ))}
    </ul>
  );
}
