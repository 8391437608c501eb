import { annotation, type Types as ToolTypes } from '@cornerstonejs/tools';

/**
 * Where the measurements of a study are kept between openings, keyed by study (node + study UID).
 * The in-memory implementation lasts the session; the encrypted local cache (renderer/cache) is to
 * provide a persistent one with the same interface.
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

/** Puts stored annotations back into Cornerstone3D's annotation state (those not already there). */
export function restoreAnnotations(annotations: ToolTypes.Annotation[]): void {
  for (const a of annotations) {
    const frameOfReference = a.metadata?.FrameOfReferenceUID;
    if (!frameOfReference || (a.annotationUID && annotation.state.getAnnotation(a.annotationUID))) continue;
    a.invalidated = true;
    annotation.state.addAnnotation(a, frameOfReference);
  }
}
