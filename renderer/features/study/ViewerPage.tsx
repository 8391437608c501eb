import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../shell/EmptyState';
import { ViewerStatusLine } from './ViewerStatusLine';

/** The study viewer; with no study open, says how to open one. */
export function ViewerPage({ onOpenWorklist }: { onOpenWorklist: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="page-viewer">
      <h1>{t('viewer.title')}</h1>
      <EmptyState testId="viewer-empty" title={t('viewer.empty.title')} action={{ label: t('viewer.empty.action'), onClick: onOpenWorklist }}>
        <p>{t('viewer.empty.hint')}</p>
      </EmptyState>
      <ViewerStatusLine />
    </div>
  );
}
