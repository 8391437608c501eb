import { annotation, type Types as ToolTypes } from '@cornerstonejs/tools';
import { getMeasurements, putMeasurements } from '../cache/measurementRepository';
import type { StudyLocation } from '../../app/dicomweb/gatewayPaths';
import { studyKey } from '../../app/sync/studyKey';
import type { Cache } from '../cache/openCache';
import { getSharedCache } from '../cache/sharedCache';
import { fromStoredMeasurement, readStoredMeasurements, toStoredMeasurement, type StoredMeasurement } from './measurementRecords';

/**
 * Where the measurements of a study are kept between openings, by study (node and
 * StudyInstanceUID) and, within it, by image UIDs and frame (measurementRecords.ts), never by URL.
 * `location` gives the gateway's address now (absolute), from which the loaded annotations' image
 * ids are built. {@link createMemoryMeasurementStore} lasts the session;
 * {@link createCacheMeasurementStore} keeps them sealed in the local cache, across reloads;
 * {@link localMeasurementStore} picks one.
 */
export interface MeasurementStore {
  load(location: StudyLocation): Promise<ToolTypes.Annotation[]>;
  save(location: StudyLocation, annotations: ToolTypes.Annotation[]): Promise<void>;
}

function storable(annotations: readonly ToolTypes.Annotation[]): StoredMeasurement[] {
  return annotations.flatMap((a) => toStoredMeasurement(a) ?? []);
}

/** A store that keeps copies of the annotations in memory for the session. */
export function createMemoryMeasurementStore(): MeasurementStore {
  const byStudy = new Map<string, StoredMeasurement[]>();
  return {
    load: (location) => Promise.resolve((byStudy.get(studyKey(location.nodeId, location.StudyInstanceUID)) ?? []).map((m) => fromStoredMeasurement(m, location))),
    save(location, annotations) {
      byStudy.set(studyKey(location.nodeId, location.StudyInstanceUID), storable(annotations));
      return Promise.resolve();
    },
  };
}

/** The session's measurement store. */
export const sessionMeasurementStore: MeasurementStore = createMemoryMeasurementStore();

/**
 * A store in the encrypted local cache (one sealed record per study). Saves of a study are written
 * in order, and a burst of saves (a handle being dragged) writes only the latest; a load waits for
 * the writes under way. A record written before measurements were keyed by UIDs is converted when
 * read and written back in the keyed form.
 */
export function createCacheMeasurementStore(cache: Cache): MeasurementStore {
  const pending = new Map<string, { location: StudyLocation; measurements: StoredMeasurement[] }>();
  const writes = new Map<string, Promise<void>>();
  const writeLatest = async (key: string) => {
    const latest = pending.get(key);
    if (!latest) return;
    pending.delete(key);
    await putMeasurements(cache, latest.location.nodeId, latest.location.StudyInstanceUID, latest.measurements);
  };
  const write = (location: StudyLocation, measurements: StoredMeasurement[]) => {
    const key = studyKey(location.nodeId, location.StudyInstanceUID);
    pending.set(key, { location, measurements });
    const next = (writes.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => writeLatest(key));
    writes.set(key, next);
    void next.finally(() => writes.get(key) === next && writes.delete(key)).catch(() => undefined);
    return next;
  };
  return {
    async load(location) {
      await writes.get(studyKey(location.nodeId, location.StudyInstanceUID))?.catch(() => undefined);
      const { measurements, migrated, unreadable } = readStoredMeasurements(await getMeasurements(cache, location.nodeId, location.StudyInstanceUID));
      if (unreadable > 0) console.warn(`${unreadable} stored measurements of ${location.StudyInstanceUID} name no image and were left out`);
      if (migrated) void write(location, measurements).catch((error: unknown) => console.warn('measurements not rewritten by UIDs:', error instanceof Error ? error.message : error));
      return measurements.map((m) => fromStoredMeasurement(m, location));
    },
    save: (location, annotations) => write(location, storable(annotations)),
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
    load: (location) =>
      resolve().then((s) =>
        s.load(location).catch((error: unknown) => {
          console.warn('measurements not read from the local cache:', error instanceof Error ? error.message : error);
          return [];
        }),
      ),
    save: (location, annotations) =>
      resolve()
        .then((s) => s.save(location, annotations))
        .catch((error: unknown) => console.warn('measurements not saved in the local cache:', error instanceof Error ? error.message : error)),
  };
}

/** The viewer's measurement store (see {@link createLocalMeasurementStore}). */
export const localMeasurementStore: MeasurementStore = createLocalMeasurementStore();

/** Puts stored annotations back into Cornerstone3D's annotation state (those not already there). */
export function restoreAnnotations(annotations: ToolTypes.Annotation[]): void {
  for (const a of annotations) {
    const frameOfReference = a.metadata?.FrameOfReferenceUID;
    if (!frameOfReference || (a.annotationUID && annotation.state.getAnnotation(a.annotationUID))) continue;
    a.invalidated = true;
    annotation.state.addAnnotation(a, frameOfReference);
  }
}
