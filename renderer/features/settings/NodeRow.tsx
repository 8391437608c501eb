import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeConfigEntry, NodeTestResult } from '../../../app/ipc/contract';
import type { GardeErrorData } from '../../../app/ipc/errors';
import { errorText } from '../../i18n/errorText';
import { nodeAddress } from './nodeAddress';
import { TestResultLine } from './TestResultLine';
import type { NodeConfigs } from './useNodeConfigs';

/** One configured node: name, kind, address, reachability, and its Test / Edit / Remove actions. */
export function NodeRow({ entry, configs, onEdit }: { entry: NodeConfigEntry; configs: NodeConfigs; onEdit: () => void }) {
  const { t } = useTranslation();
  const { node } = entry;
  const [test, setTest] = useState<NodeTestResult | 'running' | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<GardeErrorData | undefined>();
  const state = entry.usable ? entry.reachable : 'unusable';

  const runTest = async () => {
    setTest('running');
    const result = await configs.test({ id: node.id });
    setTest(result.ok ? result.value : undefined);
    setError(result.ok ? undefined : result.error);
  };
  const remove = async () => {
    const result = await configs.remove(node.id);
    if (!result.ok) setError(result.error);
  };

  return (
    <li className="node-row" data-testid="node-row" data-node={node.id}>
      <div className="node-row-main">
        <span className={`dot ${state === 'yes' ? 'dot-good' : state === 'unknown' ? '' : 'dot-bad'}`} />
        <strong className="node-name">{node.name}</strong>
        <span className="muted">{t(`settings.nodes.kind.${node.kind}`)}</span>
        <code className="node-address">{nodeAddress(node)}</code>
        <span className="node-state" data-testid="node-state" data-state={state} title={entry.error}>
          {t(`settings.nodes.state.${state}`)}
        </span>
        <span className="node-actions">
          {confirming ? (
            <>
              <span>{t('settings.nodes.confirmRemove', { name: node.name })}</span>
              <button type="button" className="danger" onClick={() => void remove()} data-testid="node-remove-confirm">
                {t('settings.nodes.action.remove')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('settings.nodes.action.cancel')}
              </button>
            </>
          ) : (
            <>
              <button type="button" onClick={() => void runTest()} disabled={test === 'running'} data-testid="node-row-test">
                {t('settings.nodes.action.test')}
              </button>
              <button type="button" onClick={onEdit} data-testid="node-edit">
                {t('settings.nodes.action.edit')}
              </button>
              <button type="button" onClick={() => setConfirming(true)} data-testid="node-remove">
                {t('settings.nodes.action.remove')}
              </button>
            </>
          )}
        </span>
      </div>
      <TestResultLine result={test} />
      {error && <p role="alert" className="error">{errorText(t, error)}</p>}
    </li>
  );
}
