import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { HangingResult } from '../../../app/hanging';
import type { DisplayedPatient } from './displayedPatients';
import { LayoutBar } from './LayoutBar';
import { PatientMismatchBanner } from './PatientMismatchBanner';
import { visibleCells } from './readerLayout';
import { StudyGroupBanner } from './StudyGroupBanner';
import type { StudyLayout } from './useStudyLayout';
import { useReferenceLines } from './useReferenceLines';
import { useSyncGroups } from './useSyncGroups';
import { useZoomLink } from './useZoomLink';
import { SERIES_DRAG_TYPE, ViewportCell, type CellStudy, type ViewportReport } from './ViewportCell';
import './hangingLayout.css';

/** Modalities whose images are projections: they have no plane for reference lines. */
const PROJECTION_MODALITIES = new Set(['MG', 'CR', 'DX', 'XA', 'RF', 'US', 'IO', 'PX']);

/**
 * The viewports of the open study as a grid (the hanging stage's, or the reader's): each cell a
 * stack, the active one outlined; the banner of each study shown when several are, or above the
 * grid when all show a prior; a red banner when the cells do not all show the patient of the
 * study's banner; scroll sync per group and reference lines from the active cell.
 */
export function LayoutGrid(props: {
  current: StudySummary;
  studies: ReadonlyMap<string, CellStudy>;
  result: HangingResult | undefined;
  control: StudyLayout;
  reports: ReadonlyMap<number, ViewportReport>;
  onReport: (index: number, report: ViewportReport | undefined) => void;
  describeSeries: (StudyInstanceUID: string, SeriesInstanceUID: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { current, studies, control, reports } = props;
  const { layout, active, step } = control;
  const [syncOn, setSyncOn] = useState(true);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (event.key === ']') step(1);
      else if (event.key === '[') step(-1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  const cells = layout ? visibleCells(layout).map((c) => (c && studies.has(c.StudyInstanceUID) ? c : undefined)) : [];
  const shownStudies = [...new Set(cells.flatMap((c) => (c ? [c.StudyInstanceUID] : [])))];
  const only = shownStudies.length === 1 ? studies.get(shownStudies[0]!) : undefined;
  const shown = (index: number) => (cells[index] ? reports.get(index) : undefined);
  const groups = useSyncGroups(
    cells.map((c, index) => {
      const report = shown(index);
      return { index, ...(c?.sync ? { sync: c.sync } : {}), ...(report ? { view: report.view } : {}), ...(report?.FrameOfReferenceUID ? { FrameOfReferenceUID: report.FrameOfReferenceUID } : {}) };
    }),
    syncOn,
  );
  const sectional = cells.flatMap((c, index) => {
    const report = shown(index);
    return c && !c.SOPInstanceUID && report && report.images.length > 1 && !PROJECTION_MODALITIES.has(report.Modality ?? '') ? [report.view] : [];
  });
  useReferenceLines(sectional, shown(active)?.view);
  // Mammography views drawn: compared at one physical size (current and prior alike).
  const mammograms = cells.flatMap((c, index) => {
    const report = shown(index);
    return c && report?.Modality === 'MG' && report.state.rendered ? [report.view] : [];
  });
  useZoomLink(mammograms, syncOn);
  const patients: DisplayedPatient[] = [current, ...cells.flatMap((_, index) => shown(index)?.patient ?? [])];

  if (!layout) return <p className="study-message muted">{t('viewer.series.loading')}</p>;
  return (
    <div className="hanging-layout" data-testid="hanging-layout" data-protocol={props.result?.protocol.id} data-stage={layout.stage !== undefined ? props.result?.stages[layout.stage]?.id : undefined} data-rows={layout.rows} data-columns={layout.columns}>
      <LayoutBar result={props.result} stage={layout.stage} changed={!!layout.changed} onStep={step} groups={groups} syncOn={syncOn} onToggleSync={() => setSyncOn((on) => !on)} />
      <PatientMismatchBanner patients={patients} />
      {only && only.summary.StudyInstanceUID !== current.StudyInstanceUID && <StudyGroupBanner summary={only.summary} patient={shown(0)?.patient} prior={!!only.prior} />}
      <div className="hanging-grid" style={{ gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`, gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))` }}>
        {cells.map((content, index) => {
          const row = Math.floor(index / layout.columns);
          const column = index % layout.columns;
          const study = content && studies.get(content.StudyInstanceUID);
          if (!content || !study) {
            const missing = layout.missing?.[index];
            return (
              <div
                key={`empty-${index}`}
                className={`hanging-cell empty${index === active ? ' active' : ''}`}
                data-testid="hanging-cell-empty"
                data-index={index}
                data-active={index === active}
                style={{ gridRow: row + 1, gridColumn: column + 1 }}
                onMouseDown={() => control.activate(index)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  const data = e.dataTransfer.getData(SERIES_DRAG_TYPE);
                  if (data) control.place(JSON.parse(data) as { StudyInstanceUID: string; SeriesInstanceUID: string }, index);
                }}
              >
                {missing ? (
                  <span className="error" data-testid="hanging-missing-view" data-view={missing.en}>
                    {t('viewer.hanging.missingView', { view: i18n.language.startsWith('fr') ? missing.fr : missing.en })}
                  </span>
                ) : (
                  <span className="muted">{t('viewer.hanging.empty')}</span>
                )}
              </div>
            );
          }
          return (
            <ViewportCell
              key={`${index}|${content.StudyInstanceUID}|${content.SeriesInstanceUID}|${content.SOPInstanceUID ?? ''}`}
              index={index}
              row={row}
              column={column}
              content={content}
              study={study}
              active={index === active}
              withBanner={shownStudies.length > 1}
              seriesDescription={props.describeSeries(content.StudyInstanceUID, content.SeriesInstanceUID)}
              onActivate={control.activate}
              onDropSeries={(i, series) => control.place(series, i)}
              onReport={props.onReport}
            />
          );
        })}
      </div>
    </div>
  );
}
