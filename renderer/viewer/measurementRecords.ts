import type { Types as ToolTypes } from '@cornerstonejs/tools';
import { frameUrl, parseFrameUrl, type FrameRef, type StudyLocation } from '../../app/dicomweb/gatewayPaths';

/**
 * One measurement as kept between openings: the image it was drawn on by UIDs and frame number
 * (never by URL: the gateway's address changes, e.g. web mode on another port), the Cornerstone3D
 * annotation without its image references, and its figures.
 */
export interface StoredMeasurement {
  image: FrameRef;
  /** The annotation as JSON, without `metadata.referencedImageId`/`referencedImageURI` and `data.cachedStats`. */
  annotation: ToolTypes.Annotation;
  /** The figures the tool computed on its image (shown before the image is drawn again; recomputed when it is). */
  stats: Record<string, unknown>;
}

/** Per-image statistics without the heavy working data (points in the shape, raw arrays). */
function lightStats(stats: Record<string, unknown> | undefined): Record<string, unknown> {
  const { pointsInShape: _points, statsArray: _array, ...kept } = stats ?? {};
  return kept;
}

/** The Cornerstone3D image id of a frame of the study at `location` (absolute gateway base). */
export function imageIdOf(location: StudyLocation, image: FrameRef): string {
  return `wadors:${frameUrl(location.gatewayBaseUrl, location.nodeId, image)}`;
}

/**
 * The stored form of an annotation drawn on a gateway frame (a JSON copy keyed by UIDs); undefined
 * when its image id names no single frame of the gateway.
 */
export function toStoredMeasurement(a: ToolTypes.Annotation): StoredMeasurement | undefined {
  const frame = parseFrameUrl((a.metadata?.referencedImageId ?? '').replace(/^wadors:/, ''));
  if (!frame) return undefined;
  const copy = JSON.parse(JSON.stringify({ ...a, highlighted: false })) as ToolTypes.Annotation & { metadata: Record<string, unknown>; data: Record<string, unknown> };
  const cachedStats = (copy.data.cachedStats ?? {}) as Record<string, Record<string, unknown>>;
  delete copy.metadata.referencedImageId;
  delete copy.metadata.referencedImageURI;
  delete copy.data.cachedStats;
  const { StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID } = frame;
  return { image: { StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID, frame: frame.frame }, annotation: copy, stats: lightStats(Object.values(cachedStats)[0]) };
}

/** The annotation of a stored measurement, with the image id it has at the gateway's address now (`location`). */
export function fromStoredMeasurement(stored: StoredMeasurement, location: StudyLocation): ToolTypes.Annotation {
  const imageId = imageIdOf(location, stored.image);
  const a = JSON.parse(JSON.stringify(stored.annotation)) as ToolTypes.Annotation;
  a.metadata = { ...a.metadata, referencedImageId: imageId } as ToolTypes.Annotation['metadata'];
  a.data = { ...a.data, cachedStats: { [`imageId:${imageId}`]: stored.stats } } as ToolTypes.Annotation['data'];
  return a;
}

function isFrameRef(value: unknown): value is FrameRef {
  const v = value as Partial<FrameRef> | null;
  return typeof v === 'object' && v !== null && typeof v.StudyInstanceUID === 'string' && typeof v.SeriesInstanceUID === 'string' && typeof v.SOPInstanceUID === 'string' && Number.isSafeInteger(v.frame) && v.frame! >= 1;
}

/**
 * Reads the measurements of a stored record: {@link StoredMeasurement}s, and Cornerstone3D
 * annotations whose image ids are gateway URLs (records written before measurements were keyed by
 * UIDs), converted here; `migrated` says whether there were such. Entries that are neither are
 * left out and counted.
 */
export function readStoredMeasurements(items: readonly unknown[]): { measurements: StoredMeasurement[]; migrated: boolean; unreadable: number } {
  const measurements: StoredMeasurement[] = [];
  let migrated = false;
  for (const item of items) {
    const keyed = typeof item === 'object' && item !== null && 'image' in item;
    const stored = keyed ? (item as StoredMeasurement) : typeof item === 'object' && item !== null ? toStoredMeasurement(item as ToolTypes.Annotation) : undefined;
    migrated ||= !keyed && stored !== undefined;
    if (stored && isFrameRef(stored.image) && typeof stored.annotation === 'object' && stored.annotation !== null) measurements.push({ ...stored, stats: stored.stats ?? {} });
  }
  return { measurements, migrated, unreadable: items.length - measurements.length };
}
