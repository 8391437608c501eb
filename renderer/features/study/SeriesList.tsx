import { useTranslation } from 'react-i18next';
import { formatDicomDate } from '../../../app/dicom/formatPersonName';
import type { SeriesSummary } from '../../viewer/loadStudyMetadata';
import { SERIES_DRAG_TYPE } from './ViewportCell';

/** The series of one study in the list; priors are headed by their date. */
export interface SeriesGroup {
  StudyInstanceUID: string;
  series: SeriesSummary[];
  /** Set for a prior study: its StudyDate. */
  priorDate?: string;
}

/**
 * The series of the study, then those of its priors, as buttons: number, modality, description and
 * image count. A click shows the series in the active cell; a series can also be dragged onto a cell.
 */
export function SeriesList({ groups, selected, onSelect }: { groups: SeriesGroup[]; selected?: string; onSelect: (series: { StudyInstanceUID: string; SeriesInstanceUID: string }) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="series-list" data-testid="series-list" aria-label={t('viewer.series.title')}>
      {groups.map((group) => (
        <li key={group.StudyInstanceUID} data-study={group.StudyInstanceUID}>
          {group.priorDate !== undefined && <div className="series-prior" data-testid="series-prior">{t('viewer.hanging.prior', { date: formatDicomDate(group.priorDate) })}</div>}
          <ul>
            {group.series.map((s) => {
              const item = { StudyInstanceUID: group.StudyInstanceUID, SeriesInstanceUID: s.SeriesInstanceUID };
              return (
                <li key={s.SeriesInstanceUID}>
                  <button
                    type="button"
                    draggable
                    aria-pressed={s.SeriesInstanceUID === selected}
                    data-series={s.SeriesInstanceUID}
                    data-study={group.StudyInstanceUID}
                    onClick={() => onSelect(item)}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(SERIES_DRAG_TYPE, JSON.stringify(item));
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                  >
                    {t('viewer.series.name', { number: s.SeriesNumber ?? '—', modality: s.Modality ?? '', description: s.SeriesDescription ?? t('viewer.series.noDescription') })}
                    {s.NumberOfSeriesRelatedInstances !== undefined && <span className="series-count">{t('viewer.series.images', { count: s.NumberOfSeriesRelatedInstances })}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
