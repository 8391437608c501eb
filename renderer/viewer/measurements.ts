import { cache, utilities, type Types } from '@cornerstonejs/core';
import { annotation, type Types as ToolTypes } from '@cornerstonejs/tools';

/** One figure of a measurement, in the unit Cornerstone3D computed it in (mm, mm², °, HU...). */
export interface MeasurementValue {
  kind: 'length' | 'angle' | 'area' | 'mean' | 'stdDev' | 'min' | 'max' | 'value' | 'label';
  value: number | string;
  unit: string;
}

/** A measurement as the side panel lists it. */
export interface Measurement {
  uid: string;
  tool: string;
  /** The image it was drawn on (Cornerstone image id). */
  imageId: string;
  values: MeasurementValue[];
}

type Stats = Record<string, unknown>;

function num(stats: Stats, key: string): number | undefined {
  const v = stats[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * The modality value under a probe, read from the cached image when the tool could not compute it
 * (Cornerstone3D 5.14's probe looks the stack index up as a voxel depth and finds nothing past the
 * first image). Stored value × RescaleSlope + RescaleIntercept (PS3.3 C.11.1.1.2) unless pre-scaled.
 */
function probeFallback(a: ToolTypes.Annotation, imageId: string, modality: unknown): Stats {
  const point = (a.data as { handles?: { points?: Types.Point3[] } }).handles?.points?.[0];
  const image = cache.getImage(imageId);
  if (!point || !image) return {};
  const at = utilities.worldToImageCoords(imageId, point);
  if (!at) return {};
  const [column, row] = [Math.round(at[0]), Math.round(at[1])];
  if (column < 0 || row < 0 || column >= image.columns || row >= image.rows) return {};
  const stored = image.getPixelData()[row * image.columns + column];
  if (stored === undefined) return {};
  const value = image.preScale?.scaled ? stored : stored * image.slope + image.intercept;
  // Hounsfield units for CT (PS3.3 C.11.1.1.2 RescaleType); other modalities' values have no unit.
  return { value, modalityUnit: modality === 'CT' ? 'HU' : '' };
}

function valuesOf(tool: string, stats: Stats, label: unknown): MeasurementValue[] {
  const out: MeasurementValue[] = [];
  const push = (kind: MeasurementValue['kind'], key: string, unit: unknown) => {
    const value = num(stats, key);
    if (value !== undefined) out.push({ kind, value, unit: typeof unit === 'string' ? unit : '' });
  };
  if (tool === 'Length') push('length', 'length', stats.unit);
  else if (tool === 'Angle') push('angle', 'angle', '°');
  else if (tool === 'Probe') push('value', 'value', stats.modalityUnit);
  else if (tool === 'EllipticalROI' || tool === 'RectangleROI') {
    push('area', 'area', stats.areaUnit);
    for (const key of ['mean', 'stdDev', 'min', 'max'] as const) push(key, key, stats.modalityUnit);
  } else if (tool === 'ArrowAnnotate' && typeof label === 'string') out.push({ kind: 'label', value: label, unit: '' });
  return out;
}

/**
 * The measurements drawn on the images `belongs` accepts, read from Cornerstone3D's annotation state
 * (statistics as the tools cached them: length in mm with PixelSpacing, ROI statistics in modality
 * units, HU for CT after the Modality LUT, PS3.3 C.11.1).
 */
export function listMeasurements(belongs: (imageId: string) => boolean): Measurement[] {
  return annotationsOn(belongs).flatMap((a) => {
    const imageId = a.metadata?.referencedImageId;
    const tool = a.metadata?.toolName;
    if (!a.annotationUID || !imageId || !tool) return [];
    const cached = (a.data as { cachedStats?: Record<string, Stats> }).cachedStats ?? {};
    let stats = Object.values(cached)[0] ?? {};
    if (tool === 'Probe' && num(stats, 'value') === undefined && Object.keys(cached).length > 0) stats = { ...stats, ...probeFallback(a, imageId, stats.Modality) };
    return [{ uid: a.annotationUID, tool, imageId, values: valuesOf(tool, stats, (a.data as { label?: unknown }).label) }];
  });
}

/** The annotations (serialisable Cornerstone3D objects) drawn on the images `belongs` accepts. */
export function annotationsOn(belongs: (imageId: string) => boolean): ToolTypes.Annotation[] {
  return (annotation.state.getAllAnnotations() as ToolTypes.Annotation[]).filter((a) => !!a.metadata?.referencedImageId && belongs(a.metadata.referencedImageId));
}

/** Removes one measurement. */
export function removeMeasurement(uid: string): void {
  annotation.state.removeAnnotation(uid);
}

/** Removes the measurements selected on screen; true when there was one. */
export function removeSelectedMeasurements(): boolean {
  const selected = annotation.selection.getAnnotationsSelected() ?? [];
  for (const uid of selected) annotation.state.removeAnnotation(uid);
  return selected.length > 0;
}
