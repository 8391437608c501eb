import { useTranslation } from 'react-i18next';
import type { NodeTestResult } from '../../../app/ipc/contract';

/** The outcome of a connection test in plain words, with main's English detail beside a failure. */
export function TestResultLine({ result }: { result: NodeTestResult | 'running' | undefined }) {
  const { t } = useTranslation();
  if (result === undefined) return null;
  if (result === 'running') return <p className="test-result muted" data-testid="node-test-result" data-state="running">{t('settings.nodes.test.running')}</p>;
  if (result.ok) {
    return (
      <p className="test-result good" role="status" data-testid="node-test-result" data-state="ok">
        {t('settings.nodes.test.ok', { ms: result.ms })}
      </p>
    );
  }
  const reason = result.code ? t(`errors.${result.code}`, { defaultValue: result.message }) : result.message;
  return (
    <p className="test-result error" role="alert" data-testid="node-test-result" data-state="failed">
      {t('settings.nodes.test.failed', { reason })} <span className="muted detail">{result.message}</span>
    </p>
  );
}
