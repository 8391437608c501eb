import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { useAppServices } from '../../shell/AppContext';
import { PatientBanner } from './PatientBanner';
import { SeriesList } from './SeriesList';
import { StackViewport } from './StackViewport';
import { useSeriesList } from './useSeriesList';
import './studyViewer.css';

/** One open study: patient banner, its series, and the selected series in a stack viewport. */
export function StudyViewer({ study }: { study: StudySummary }) {
  const { t } = useTranslation();
  const { appInfo } = useAppServices();
  const location = { gatewayBaseUrl: appInfo.gatewayBaseUrl, nodeId: study.nodeId, StudyInstanceUID: study.StudyInstanceUID };
  const list = useSeriesList(location);
  const [picked, setPicked] = useState<string>();
  const series = list.status === 'ready' ? list.series : [];
  const selected = picked ?? series[0]?.SeriesInstanceUID;

  return (
    <div className="study-viewer" data-testid="study-viewer" data-study={study.StudyInstanceUID}>
      <PatientBanner study={study} />
      <div className="study-body">
        <SeriesList series={series} selected={selected} onSelect={setPicked} />
        {list.status === 'loading' && <p className="study-message muted">{t('viewer.series.loading')}</p>}
        {list.status === 'failed' && (
          <p className="study-message error" role="alert" data-testid="series-error">
            {t('viewer.series.failed', { message: list.message })}
          </p>
        )}
        {list.status === 'ready' && series.length === 0 && <p className="study-message muted">{t('viewer.series.none')}</p>}
        {list.status === 'ready' && series.length > 0 && <StackViewport location={location} SeriesInstanceUID={selected} />}
      </div>
    </div>
  );
}
