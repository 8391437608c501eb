import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { checkSeriesGeometry, type GeometryFinding } from '../../../app/dicom/seriesGeometry';
import { getNumber, getNumbers, getString } from '../../../app/dicomweb';
import type { SeriesImage } from '../../viewer/orderSeriesImages';
import './seriesGeometryWarning.css';

/** The geometry findings of a series' single-frame instances (multi-frame instances are not checked). */
export function seriesFindings(images: readonly SeriesImage[]): GeometryFinding[] {
  const seen = new Set<string>();
  const slices = images.flatMap((image) => {
    const uid = getString(image.instance, '00080018') ?? image.SOPInstanceUID;
    if (seen.has(uid) || (getNumber(image.instance, '00280008') ?? 1) > 1) return [];
    seen.add(uid);
    return [{ ImagePositionPatient: getNumbers(image.instance, '00200032'), ImageOrientationPatient: getNumbers(image.instance, '00200037'), SliceThickness: getNumber(image.instance, '00180050') }];
  });
  return checkSeriesGeometry(slices);
}

/** A warning line above the viewport when the series has missing slices, irregular spacing, mixed orientations or duplicates. */
export function SeriesGeometryWarning({ images }: { images: readonly SeriesImage[] }) {
  const { t } = useTranslation();
  const findings = useMemo(() => seriesFindings(images), [images]);
  if (findings.length === 0) return null;
  const text = findings.map((f) => {
    switch (f.code) {
      case 'MISSING_SLICES':
        return t('viewer.geometry.MISSING_SLICES', { count: f.missing, gaps: f.gaps });
      case 'INCONSISTENT_SPACING':
        return t('viewer.geometry.INCONSISTENT_SPACING', { min: f.min.toFixed(2), max: f.max.toFixed(2) });
      case 'MIXED_ORIENTATIONS':
        return t('viewer.geometry.MIXED_ORIENTATIONS', { count: f.orientations });
      case 'DUPLICATE_POSITIONS':
        return t('viewer.geometry.DUPLICATE_POSITIONS', { count: f.duplicates });
    }
  });
  return (
    <p className="series-geometry-warning" role="status" data-testid="series-geometry-warning" data-codes={findings.map((f) => f.code).join(' ')} title={t('viewer.geometry.title')}>
      {text.join(' · ')}
    </p>
  );
}
