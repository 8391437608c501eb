import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/errorText';
import { draftFromView, type NodeDraft } from './nodeDraft';
import { NodeForm } from './NodeForm';
import { NodeList } from './NodeList';
import { useNodeConfigs } from './useNodeConfigs';

type Editing = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; draft: NodeDraft };

/** The PACS nodes section of Settings: list, add, edit, remove, test. */
export function NodeSettings({ onNodesChanged }: { onNodesChanged: () => void }) {
  const { t } = useTranslation();
  const configs = useNodeConfigs(onNodesChanged);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const { state } = configs;
  const close = () => setEditing({ mode: 'closed' });

  return (
    <section className="card" data-testid="node-settings" data-state={state.status}>
      <div className="section-head">
        <h2>{t('settings.nodes.title')}</h2>
        {editing.mode === 'closed' && (
          <button type="button" className="primary" onClick={() => setEditing({ mode: 'add' })} data-testid="node-add">
            {t('settings.nodes.action.add')}
          </button>
        )}
      </div>
      {state.status === 'ready' && state.list.credentialStore === 'nodes-file' && (
        <p className="warning" data-testid="credentials-warning">{t('settings.nodes.webWarning')}</p>
      )}
      {state.status === 'loading' && <p className="muted">{t('settings.nodes.loading')}</p>}
      {state.status === 'error' && <p role="alert" className="error">{t('settings.nodes.loadFailed', { message: errorText(t, state.error) })}</p>}
      {state.status === 'ready' && !(editing.mode === 'add' && state.list.nodes.length === 0) && <NodeList entries={state.list.nodes} configs={configs} onEdit={(e) => setEditing({ mode: 'edit', draft: draftFromView(e.node) })} />}
      {editing.mode === 'add' && <NodeForm configs={configs} onDone={close} />}
      {editing.mode === 'edit' && <NodeForm key={editing.draft.id} initial={editing.draft} configs={configs} onDone={close} />}
    </section>
  );
}
