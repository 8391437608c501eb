import { useTranslation } from 'react-i18next';
import type { NodeConfigEntry } from '../../../app/ipc/contract';
import { NodeRow } from './NodeRow';
import type { NodeConfigs } from './useNodeConfigs';

/** The configured nodes, one row each, or a sentence when there is none. */
export function NodeList({ entries, configs, onEdit }: { entries: NodeConfigEntry[]; configs: NodeConfigs; onEdit: (entry: NodeConfigEntry) => void }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="muted" data-testid="node-list-empty">{t('settings.nodes.none')}</p>;
  return (
    <ul className="node-rows" data-testid="node-list">
      {entries.map((entry) => (
        <NodeRow key={entry.node.id} entry={entry} configs={configs} onEdit={() => onEdit(entry)} />
      ))}
    </ul>
  );
}
