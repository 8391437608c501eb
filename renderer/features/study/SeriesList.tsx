import { useTranslation } from 'react-i18next';
import type { SeriesSummary } from '../../viewer/loadStudyMetadata';

/** The series of the study, as buttons: number, modality, description and image count. */
export function SeriesList({ series, selected, onSelect }: { series: SeriesSummary[]; selected?: string; onSelect: (uid: string) => void }) {
  const { t } = useTranslation();
  return (
    <ul className="series-list" data-testid="series-list" aria-label={t('viewer.series.title')}>
      {series.map((s) => (
        <li key={s.SeriesInstanceUID}>
          <button type="button" aria-pressed={s.SeriesInstanceUID === selected} data-series={s.SeriesInstanceUID} onClick={() => onSelect(s.SeriesInstanceUID)}>
            {t('viewer.series.name', { number: s.SeriesNumber ?? '—', modality: s.Modality ?? '', description: s.SeriesDescription ?? t('viewer.series.noDescription') })}
            {s.NumberOfSeriesRelatedInstances !== undefined && <span className="series-count">{t('viewer.series.images', { count: s.NumberOfSeriesRelatedInstances })}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
