import { useTranslation } from 'react-i18next';
import { SyncStatus } from '../sync';
import type { NodesState } from './useNodes';

/** The top bar: product name and the connection state. */
export function TopBar({ nodes }: { nodes: NodesState }) {
  const { t } = useTranslation();
  const state =
    nodes.status === 'loading'
      ? { tone: 'pending', text: t('connection.checking') }
      : nodes.status === 'error'
        ? { tone: 'bad', text: t('connection.unreachable') }
        : nodes.nodes.length === 0
          ? { tone: 'idle', text: t('connection.noNodes') }
          : { tone: 'good', text: t('connection.nodes', { count: nodes.nodes.length }) };
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <SyncStatus />
      <div className="connection" role="status" aria-label={t('connection.label')} data-testid="connection-state" data-tone={state.tone}>
        <span className={`dot dot-${state.tone}`} aria-hidden="true" />
        {state.text}
      </div>
    </header>
  );
}
