import { wadors } from '@cornerstonejs/dicom-image-loader';
import { getNumber, getString, type DicomJsonDataset } from '../../app/dicomweb';
import { parseFrameUrl } from '../../app/dicomweb/gatewayPaths';
import { ucumUnit, type KeyImageRef, type ReportMeasurement } from '../../app/report';
import type { Measurement } from './measurements';

/**
 * The image a Cornerstone3D image id shows, as a report references it (PS3.3 C.18.4: SOP Class
 * and Instance, and the frame of a multi-frame instance), read from the instance metadata the
 * viewer loaded; undefined when the id is not a gateway frame or its metadata is unknown.
 */
export function imageReferenceOf(imageId: string, instance?: DicomJsonDataset): KeyImageRef | undefined {
  const frame = parseFrameUrl(imageId.replace(/^wadors:/, ''));
  const metadata = instance ?? (wadors.metaDataManager.get(imageId) as DicomJsonDataset | undefined);
  const SOPClassUID = metadata && getString(metadata, '00080016');
  if (!frame || !SOPClassUID) return undefined;
  const multiFrame = (getNumber(metadata, '00280008') ?? 1) > 1;
  return { SeriesInstanceUID: frame.SeriesInstanceUID, SOPInstanceUID: frame.SOPInstanceUID, SOPClassUID, ...(multiFrame ? { frame: frame.frame } : {}) };
}

/** The figures of the study's measurements as the report quotes them, with UCUM units; figures without a known unit or image are left out. */
export function reportMeasurementsOf(measurements: readonly Measurement[], label: (m: Measurement, value: Measurement['values'][number]) => string): ReportMeasurement[] {
  return measurements.flatMap((m) => {
    const image = imageReferenceOf(m.imageId);
    if (!image) return [];
    return m.values.flatMap((v) => {
      const unit = typeof v.value === 'number' ? (ucumUnit(v.unit) ?? (v.kind === 'angle' ? 'deg' : undefined)) : undefined;
      return unit && typeof v.value === 'number' ? [{ kind: v.kind, label: label(m, v), value: v.value, unit, image }] : [];
    });
  });
}
