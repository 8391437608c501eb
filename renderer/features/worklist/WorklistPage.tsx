import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shell/EmptyState';
import type { NodesState } from '../../shell/useNodes';

/** The on-call worklist; until studies are listed, says what to do next. */
export function WorklistPage({ nodes, onOpenSettings }: { nodes: NodesState; onOpenSettings: () => void }) {
  const { t } = useTranslation();
  const hasNodes = nodes.status === 'ready' && nodes.nodes.length > 0;
  return (
    <div className="page" data-testid="page-worklist">
      <h1>{t('worklist.title')}</h1>
      <EmptyState
        testId="worklist-empty"
        title={t('worklist.empty.title')}
        action={hasNodes ? undefined : { label: t('worklist.empty.action'), onClick: onOpenSettings }}
      >
        <p>{hasNodes ? t('worklist.empty.withNodes') : t('worklist.empty.noNodes')}</p>
      </EmptyState>
    </div>
  );
}
