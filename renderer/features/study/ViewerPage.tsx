import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { studyKey } from '../../../app/sync/studyKey';
import { EmptyState } from '../../shell/EmptyState';
import type { OpenAs } from '../../shell/useOpenLink';
import { StudyViewer } from './StudyViewer';
import { ViewerStatusLine } from './ViewerStatusLine';

/** The study viewer: the open study, or, with none, how to open one. */
export function ViewerPage({ study, openAs, onOpenWorklist }: { study?: StudySummary; openAs?: OpenAs | undefined; onOpenWorklist: () => void }) {
  const { t } = useTranslation();
  if (study) return <StudyViewer key={studyKey(study.nodeId, study.StudyInstanceUID)} study={study} openAs={openAs} />;
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
