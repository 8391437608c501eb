import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { studyUrl } from '../../viewer/loadStudyMetadata';
import { useAppServices } from '../../shell/AppContext';
import { PatientBanner } from './PatientBanner';
import { HangingGrid } from './HangingGrid';
import { hangsAsGrid } from './loadHangingLayout';
import { presetsOf } from './presetsOf';
import { SeriesList } from './SeriesList';
import { SidePanel } from './SidePanel';
import { StackViewport, type ViewportReport } from './StackViewport';
import { useHangingLayout } from './useHangingLayout';
import { useSeriesList } from './useSeriesList';
import { useStudyMeasurements } from './useStudyMeasurements';
import { ViewerToolbar } from './ViewerToolbar';
import './studyViewer.css';

/**
 * One open study: patient banner, its series, the selected series in a stack viewport with the
 * reading toolbar, and a side panel of measurements and DICOM tags. A study whose hanging protocol
 * shows single images (mammography, radiographs) is laid out as the protocol's grid instead.
 */
export function StudyViewer({ study }: { study: StudySummary }) {
  const { t } = useTranslation();
  const { appInfo } = useAppServices();
  const location = { gatewayBaseUrl: appInfo.gatewayBaseUrl, nodeId: study.nodeId, StudyInstanceUID: study.StudyInstanceUID };
  const list = useSeriesList(location);
  const [picked, setPicked] = useState<string>();
  const [report, setReport] = useState<ViewportReport>();
  const series = list.status === 'ready' ? list.series : [];
  const selected = picked ?? series[0]?.SeriesInstanceUID;
  const hanging = useHangingLayout(location, study);
  const grid = hanging.status === 'ready' && hangsAsGrid(hanging.layout.result) ? hanging.layout : undefined;
  const measurements = useStudyMeasurements(`${study.nodeId}|${study.StudyInstanceUID}`, studyUrl(location), !!report);

  return (
    <div className="study-viewer" data-testid="study-viewer" data-study={study.StudyInstanceUID}>
      <PatientBanner study={study} />
      <ViewerToolbar view={report?.view} state={report?.state} presets={report ? presetsOf(report.image?.instance, report.view.valueRange()) : []} />
      <div className="study-body">
        <SeriesList series={series} selected={selected} onSelect={setPicked} />
        {list.status === 'loading' && <p className="study-message muted">{t('viewer.series.loading')}</p>}
        {list.status === 'failed' && (
          <p className="study-message error" role="alert" data-testid="series-error">
            {t('viewer.series.failed', { message: list.message })}
          </p>
        )}
        {list.status === 'ready' && series.length === 0 && <p className="study-message muted">{t('viewer.series.none')}</p>}
        {grid && <HangingGrid layout={grid} />}
        {!grid && hanging.status !== 'loading' && list.status === 'ready' && series.length > 0 && (
          <StackViewport
            location={location}
            SeriesInstanceUID={selected}
            study={study}
            seriesDescription={series.find((s) => s.SeriesInstanceUID === selected)?.SeriesDescription}
            onReport={setReport}
          />
        )}
        <SidePanel report={report} measurements={measurements} />
      </div>
    </div>
  );
}
