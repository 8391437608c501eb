import { annotation, type Types as ToolTypes } from '@cornerstonejs/tools';
import { getMeasurements, putMeasurements } from '../cache/measurementRepository';
import { parseStudyId, type Cache } from '../cache/openCache';
import { getSharedCache } from '../cache/sharedCache';

/**
 * Where the measurements of a study are kept between openings, keyed by study (`nodeId|StudyInstanceUID`).
 * {@link createMemoryMeasurementStore} lasts the session; {@link createCacheMeasurementStore} keeps
 * them sealed in the local cache, across reloads; {@link localMeasurementStore} picks one.
 */
export interface MeasurementStore {
  load(studyKey: string): Promise<ToolTypes.Annotation[]>;
  save(studyKey: string, annotations: ToolTypes.Annotation[]): Promise<void>;
}

/** Per-image statistics without the heavy working data (points in the shape, raw arrays). */
function lightStats(cachedStats: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [target, stats] of Object.entries((cachedStats ?? {}) as Record<string, Record<string, unknown>>)) {
    const { pointsInShape: _points, statsArray: _array, ...kept } = stats;
    out[target] = kept;
  }
  return out;
}

/**
 * A JSON copy of an annotation with its figures (so the list shows them before the image is drawn
 * again; they are recomputed when it is).
 */
function storable(a: ToolTypes.Annotation): ToolTypes.Annotation {
  const data = a.data as { cachedStats?: unknown };
  return JSON.parse(JSON.stringify({ ...a, highlighted: false, data: { ...a.data, cachedStats: lightStats(data.cachedStats) } })) as ToolTypes.Annotation;
}

/** A store that keeps copies of the annotations in memory for the session. */
export function createMemoryMeasurementStore(): MeasurementStore {
  const byStudy = new Map<string, ToolTypes.Annotation[]>();
  return {
    load: (studyKey) => Promise.resolve((byStudy.get(studyKey) ?? []).map(storable)),
    save(studyKey, annotations) {
      byStudy.set(studyKey, annotations.map(storable));
      return Promise.resolve();
    },
  };
}

/** The session's measurement store. */
export const sessionMeasurementStore: MeasurementStore = createMemoryMeasurementStore();

/**
 * A store in the encrypted local cache (one sealed record per study). Saves of a study are written
 * in order, and a burst of saves (a handle being dragged) writes only the latest; a load waits for
 * the writes under way.
 */
export function createCacheMeasurementStore(cache: Cache): MeasurementStore {
  const pending = new Map<string, ToolTypes.Annotation[]>();
  const writes = new Map<string, Promise<void>>();
  const writeLatest = async (studyKey: string) => {
    const latest = pending.get(studyKey);
    if (!latest) return;
    pending.delete(studyKey);
    const { nodeId, StudyInstanceUID } = parseStudyId(studyKey);
    await putMeasurements(cache, nodeId, StudyInstanceUID, latest);
  };
  return {
    async load(studyKey) {
      await writes.get(studyKey)?.catch(() => undefined);
      const { nodeId, StudyInstanceUID } = parseStudyId(studyKey);
      return (await getMeasurements(cache, nodeId, StudyInstanceUID)) as ToolTypes.Annotation[];
    },
    save(studyKey, annotations) {
      pending.set(studyKey, annotations.map(storable));
      const write = (writes.get(studyKey) ?? Promise.resolve()).catch(() => undefined).then(() => writeLatest(studyKey));
      writes.set(studyKey, write);
      void write.finally(() => writes.get(studyKey) === write && writes.delete(studyKey)).catch(() => undefined);
      return write;
    },
  };
}

/**
 * The viewer's store: the local cache's when the page has one (desktop app, web mode with a cache
 * key), else the session's. Measurements that cannot be read from the cache are logged and left
 * out rather than blocking the study.
 */
export function createLocalMeasurementStore(cacheOf: () => Promise<Cache | undefined> = getSharedCache, fallback: MeasurementStore = sessionMeasurementStore): MeasurementStore {
  let store: Promise<MeasurementStore> | undefined;
  const resolve = () =>
    (store ??= cacheOf()
      .catch(() => undefined)
      .then((cache) => (cache ? createCacheMeasurementStore(cache) : fallback)));
  return {
    load: (studyKey) =>
      resolve().then((s) =>
        s.load(studyKey).catch((error: unknown) => {
          console.warn('measurements not read from the local cache:', error instanceof Error ? error.message : error);
          return [];
        }),
      ),
    save: (studyKey, annotations) =>
      resolve()
        .then((s) => s.save(studyKey, annotations))
        .catch((error: unknown) => console.warn('measurements not saved in the local cache:', error instanceof Error ? error.message : error)),
  };
}

/** The viewer's measurement store (see {@link createLocalMeasurementStore}). */
export const localMeasurementStore: MeasurementStore = createLocalMeasurementStore();

/**
 * Stored annotations whose image ids point at another gateway address (web mode started on
 * another port) rewritten to `studyUrl`, the study's address now; the rest of each id (node,
 * study, series, instance, frame) is unchanged, so an annotation never moves to another image.
 */
export function rebaseAnnotations(annotations: ToolTypes.Annotation[], studyUrl: string): ToolTypes.Annotation[] {
  const from = studyUrl.indexOf('/nodes/');
  if (from < 0) return annotations;
  const marker = studyUrl.slice(from);
  return annotations.map((a) => {
    const imageId = a.metadata?.referencedImageId ?? '';
    const at = imageId.indexOf(marker);
    if (at < 0) return a;
    const stored = imageId.slice(imageId.indexOf(':') + 1, at + marker.length);
    if (stored === studyUrl) return a;
    return JSON.parse(JSON.stringify(a).split(stored).join(studyUrl)) as ToolTypes.Annotation;
  });
}

/** Puts stored annotations back into Cornerstone3D's annotation state (those not already there). */
export function restoreAnnotations(annotations: ToolTypes.Annotation[]): void {
  for (const a of annotations) {
    const frameOfReference = a.metadata?.FrameOfReferenceUID;
    if (!frameOfReference || (a.annotationUID && annotation.state.getAnnotation(a.annotationUID))) continue;
    a.invalidated = true;
    annotation.state.addAnnotation(a, frameOfReference);
  }
}
