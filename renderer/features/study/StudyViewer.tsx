import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { parseFrameUrl } from '../../../app/dicomweb/gatewayPaths';
import { studyKey as keyOfStudy } from '../../../app/sync/studyKey';
import { useAppServices } from '../../shell/AppContext';
import { imageReferenceOf } from '../../viewer/reportReferences';
import { ReportPanel, useReportDraft } from '../report';
import { distinctPatients } from './displayedPatients';
import { LayoutGrid } from './LayoutGrid';
import { LayoutPicker } from './LayoutPicker';
import type { OpenAs } from '../../shell/useOpenLink';
import { MprLayout } from './MprLayout';
import { PatientBanner } from './PatientBanner';
import { presetsOf } from './presetsOf';
import { SeriesList, type SeriesGroup } from './SeriesList';
import { SidePanel, type Tab } from './SidePanel';
import { useHangingLayout } from './useHangingLayout';
import { useSeriesList } from './useSeriesList';
import { useStudyLayout } from './useStudyLayout';
import { useStudyMeasurements } from './useStudyMeasurements';
import { ViewerToolbar } from './ViewerToolbar';
import type { CellStudy, ViewportReport } from './ViewportCell';
import type { ImagePick } from './imagePick';
import './studyViewer.css';

/** The StudyInstanceUID of a gateway frame's image id. */
function parseStudyOf(imageId: string): string | undefined {
  return parseFrameUrl(imageId.replace(/^wadors:/, ''))?.StudyInstanceUID;
}

/** Shows an instance of the active viewport's stack, when it holds it. */
async function showInstance(report: ViewportReport | undefined, SOPInstanceUID: string): Promise<void> {
  const index = report?.images.findIndex((i) => i.SOPInstanceUID === SOPInstanceUID) ?? -1;
  if (report && index >= 0) await report.view.jumpTo(index).catch(() => undefined);
}

/**
 * One open study: patient banner, the series of the study and of its priors, the viewports laid
 * out by the hanging protocol (or as the reader chose: 1 × 1 to 3 × 3) with the reading toolbar
 * acting on the active viewport, and a side panel of measurements and DICOM tags, and the report
 * — or, in a screening session, the screening read (`readPanel`).
 */
export function StudyViewer({ study, openAs, readPanel, onImageClick }: { study: StudySummary; openAs?: OpenAs | undefined; readPanel?: ReactNode; onImageClick?: (pick: ImagePick) => void }) {
  const { t, i18n } = useTranslation();
  const { appInfo } = useAppServices();
  const location = useMemo(() => ({ gatewayBaseUrl: appInfo.gatewayBaseUrl, nodeId: study.nodeId, StudyInstanceUID: study.StudyInstanceUID }), [appInfo.gatewayBaseUrl, study.nodeId, study.StudyInstanceUID]);
  const studyKey = keyOfStudy(study.nodeId, study.StudyInstanceUID);
  const list = useSeriesList(location);
  const hanging = useHangingLayout(location, study);
  const control = useStudyLayout(studyKey, study.StudyInstanceUID, hanging, list);
  const [reports, setReports] = useState<ReadonlyMap<number, ViewportReport>>(new Map());
  const onReport = useCallback((index: number, report: ViewportReport | undefined) => {
    setReports((previous) => {
      if (previous.get(index) === report) return previous;
      const next = new Map(previous);
      if (report) next.set(index, report);
      else next.delete(index);
      return next;
    });
  }, []);
  const series = useMemo(() => (list.status === 'ready' ? list.series : []), [list]);
  const studies = useMemo((): ReadonlyMap<string, CellStudy> => {
    if (hanging.status === 'ready') return hanging.layout.studies;
    return new Map([[study.StudyInstanceUID, { location, summary: study, series }]]);
  }, [hanging, location, study, series]);
  const groups: SeriesGroup[] = [
    { StudyInstanceUID: study.StudyInstanceUID, series },
    ...[...studies.values()].flatMap((s) => (s.prior && s.series ? [{ StudyInstanceUID: s.summary.StudyInstanceUID, series: s.series, priorDate: s.summary.StudyDate ?? '' }] : [])),
  ];
  const describeSeries = (StudyInstanceUID: string, SeriesInstanceUID: string) => studies.get(StudyInstanceUID)?.series?.find((s) => s.SeriesInstanceUID === SeriesInstanceUID)?.SeriesDescription;
  const report = reports.get(control.active);
  const measurements = useStudyMeasurements(location, reports.size > 0);
  const answer = useReportDraft(location, study);
  const [panelTab, setPanelTab] = useState<Tab>(readPanel ? 'read' : 'measurements');
  const patientsOnScreen = distinctPatients([study, ...[...reports.values()].flatMap((r) => r.patient ?? [])]).length;
  const reportLanguage = answer.draft?.language ?? (i18n.language.startsWith('fr') ? 'fr' : 'en');
  // K marks the image shown as a key image of this study's report (never one of a prior: the report
  // answers this study). The image is read from the view when the key is pressed: the reader may
  // have scrolled a moment ago, before the viewer's state caught up.
  const markKey = report
    ? () => {
        const imageId = report.view.currentImageId();
        const image = report.images.find((i) => i.imageId === imageId);
        const key = image ? imageReferenceOf(image.imageId, image.instance) : undefined;
        if (key && parseStudyOf(image!.imageId) === study.StudyInstanceUID) answer.toggleKey(key, reportLanguage);
      }
    : undefined;
  const markKeyRef = useRef(markKey);
  useEffect(() => {
    markKeyRef.current = markKey;
  });
  const layout = control.layout;
  const activeCell = layout?.cells[control.active];
  const selected = activeCell?.SeriesInstanceUID;
  // The series of the active cell in three planes (MPR), when the reader asks for it.
  // An open link may ask for a series reformatted: shown at once, before any stack.
  const [mpr, setMpr] = useState<{ location: CellStudy['location']; SeriesInstanceUID: string; with3d?: boolean } | undefined>(() =>
    openAs ? { location, SeriesInstanceUID: openAs.SeriesInstanceUID, with3d: openAs.view === '3d' } : undefined,
  );
  const candidateStudy = activeCell && !activeCell.SOPInstanceUID && report && report.images.length >= 3 ? studies.get(activeCell.StudyInstanceUID) : undefined;
  const candidateLocation = candidateStudy?.location;
  const mprTarget = useMemo(() => (candidateLocation && selected ? { location: candidateLocation, SeriesInstanceUID: selected } : undefined), [candidateLocation, selected]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || !['m', 'M', 'k', 'K'].includes(event.key)) return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      event.preventDefault();
      if (event.key === 'm' || event.key === 'M') setMpr(mpr ? undefined : mprTarget);
      else if (!mpr) markKeyRef.current?.();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mpr, mprTarget]);

  // A click on an image, where the screening read marks a finding: the image and the pixel under the pointer.
  const pickImagePoint = (event: MouseEvent<HTMLDivElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-testid=hanging-cell]');
    const element = cell?.querySelector('[data-testid=stack-viewport]');
    const cellReport = cell ? reports.get(Number(cell.dataset.index)) : undefined;
    if (!onImageClick || !element || !cellReport) return;
    const rect = element.getBoundingClientRect();
    const point = cellReport.view.imagePointOf(event.clientX - rect.left, event.clientY - rect.top);
    const imageId = cellReport.view.currentImageId();
    const image = cellReport.images.find((i) => i.imageId === imageId);
    const ref = image ? imageReferenceOf(image.imageId, image.instance) : undefined;
    const StudyInstanceUID = imageId ? parseStudyOf(imageId) : undefined;
    if (point && image && ref && StudyInstanceUID) onImageClick({ StudyInstanceUID, image: ref, point, instance: image.instance });
  };

  return (
    <div className="study-viewer" data-testid="study-viewer" data-study={study.StudyInstanceUID}>
      <PatientBanner study={study} />
      <div className="viewer-toolbar-row">
        <ViewerToolbar view={mpr ? undefined : report?.view} state={report?.state} presets={report ? presetsOf(report.image?.instance, report.view.valueRange()) : []} />
        <button type="button" className="mpr-open" data-testid="action-mpr" aria-pressed={!!mpr} disabled={!mpr && !mprTarget} title={t('viewer.mpr.openTitle')} onClick={() => setMpr(mpr ? undefined : mprTarget)}>
          {t('viewer.mpr.open')}
        </button>
        <LayoutPicker rows={layout?.rows ?? 1} columns={layout?.columns ?? 1} disabled={!layout || !!mpr} onPick={control.setGrid} />
      </div>
      <div className="study-body" onClickCapture={onImageClick ? pickImagePoint : undefined}>
        <SeriesList groups={groups} selected={selected} onSelect={(s) => control.place(s)} />
        {list.status === 'loading' && <p className="study-message muted">{t('viewer.series.loading')}</p>}
        {list.status === 'failed' && (
          <p className="study-message error" role="alert" data-testid="series-error">
            {t('viewer.series.failed', { message: list.message })}
          </p>
        )}
        {list.status === 'ready' && series.length === 0 && <p className="study-message muted">{t('viewer.series.none')}</p>}
        {mpr && <MprLayout location={mpr.location} SeriesInstanceUID={mpr.SeriesInstanceUID} with3d={!!mpr.with3d} onClose={() => setMpr(undefined)} />}
        {!mpr && hanging.status !== 'loading' && list.status === 'ready' && series.length > 0 && (
          <LayoutGrid
            current={study}
            studies={studies}
            result={hanging.status === 'ready' ? hanging.layout.result : undefined}
            control={control}
            reports={reports}
            onReport={onReport}
            describeSeries={describeSeries}
          />
        )}
        <SidePanel
          report={report}
          measurements={measurements}
          tab={panelTab}
          onTab={setPanelTab}
          read={readPanel}
          answer={<ReportPanel control={answer} study={study} measurements={measurements} patientsOnScreen={patientsOnScreen} onShowKeyImage={(sop) => void showInstance(report, sop)} />}
        />
      </div>
    </div>
  );
}
