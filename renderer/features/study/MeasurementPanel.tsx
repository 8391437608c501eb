import { useTranslation } from 'react-i18next';
import type { Measurement, MeasurementValue } from '../../viewer/measurements';
import { removeMeasurement } from '../../viewer/measurements';

function shown(value: MeasurementValue): string {
  if (typeof value.value === 'string') return value.value;
  const digits = value.kind === 'area' || value.kind === 'min' || value.kind === 'max' ? 0 : Math.abs(value.value) >= 100 ? 1 : 2;
  return value.value.toFixed(digits);
}

/**
 * The study's measurements: tool, values with their unit (mm, mm², °, HU or the modality's unit),
 * and the image they were drawn on; a click shows that image, Delete removes the measurement.
 */
export function MeasurementPanel({ measurements, imageIds, onShow }: { measurements: Measurement[]; imageIds: string[]; onShow: (index: number) => void }) {
  const { t } = useTranslation();
  if (measurements.length === 0) return <p className="muted panel-empty">{t('viewer.measurements.empty')}</p>;
  return (
    <ul className="measurement-list" data-testid="measurement-list">
      {measurements.map((m) => {
        const index = imageIds.indexOf(m.imageId);
        return (
          <li key={m.uid} data-testid="measurement" data-tool={m.tool} data-uid={m.uid}>
            <button type="button" className="measurement-show" disabled={index < 0} onClick={() => onShow(index)}>
              <span className="measurement-tool">{t(`viewer.measurements.${m.tool}`)}</span>
              <span className="measurement-slice" data-field="slice">
                {index >= 0 ? t('viewer.measurements.slice', { index: index + 1 }) : t('viewer.measurements.otherSeries')}
              </span>
              {m.values.length === 0 && <span className="muted">{t('viewer.measurements.pending')}</span>}
              {m.values.map((v) => (
                <span key={v.kind} className="measurement-value" data-kind={v.kind} data-value={v.value} data-unit={v.unit}>
                  {t(`viewer.measurements.${v.kind}`, { value: shown(v), unit: v.unit })}
                </span>
              ))}
            </button>
            <button type="button" className="measurement-delete" data-testid="measurement-delete" onClick={() => removeMeasurement(m.uid)}>
              {t('viewer.measurements.delete')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
