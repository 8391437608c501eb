import type { DicomJsonDataset } from '../../app/dicomweb/dicomJson';

/** One Part 10 file known to a local store: where it is and what its header says. */
export interface IndexedInstance {
  path: string;
  size: number;
  mtimeMs: number;
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  /** Transfer Syntax UID of the file (PS3.10 7.1, (0002,0010)). */
  TransferSyntaxUID: string;
  /**
   * Attributes before Pixel Data as DICOM JSON (PS3.18 F.2). Binary attributes above
   * the inline limit carry a relative BulkDataURI `local:<tag path>` that
   * `withPublicBulkDataUris` (app/dicom/part10Dataset.ts) turns into a URL. Pixel Data is absent; see `pixelData`.
   */
  dataset: DicomJsonDataset;
  /** Pixel Data (7FE0,0010) as found in the file, when present. */
  pixelData?: { vr: string; encapsulated: boolean };
}

/**
 * An in-memory index of DICOM instances by Study, Series and SOP Instance UID
 * (the PS3.4 C.6.1.1 Study Root hierarchy), also keyed by file path so that a
 * changed or removed file updates it. When two files carry the same SOP Instance
 * UID, the last one added wins and the other is reported by {@link add}.
 */
export class InstanceIndex {
  private readonly byPath = new Map<string, IndexedInstance>();
  private readonly bySop = new Map<string, IndexedInstance>();
  private readonly studies = new Map<string, Map<string, Map<string, IndexedInstance>>>();
  /** Incremented on every change; lets callers cache derived views. */
  version = 0;

  /** Adds or replaces an instance; returns the instance it displaced (same path or same SOP Instance UID), if any. */
  add(instance: IndexedInstance): IndexedInstance | undefined {
    const previousAtPath = this.removePath(instance.path);
    const sameSop = this.bySop.get(instance.SOPInstanceUID);
    if (sameSop) this.removePath(sameSop.path);
    let series = this.studies.get(instance.StudyInstanceUID)?.get(instance.SeriesInstanceUID);
    if (!series) {
      let study = this.studies.get(instance.StudyInstanceUID);
      if (!study) this.studies.set(instance.StudyInstanceUID, (study = new Map()));
      study.set(instance.SeriesInstanceUID, (series = new Map()));
    }
    series.set(instance.SOPInstanceUID, instance);
    this.byPath.set(instance.path, instance);
    this.bySop.set(instance.SOPInstanceUID, instance);
    this.version++;
    return sameSop ?? previousAtPath;
  }

  /** Removes the instance read from `path`; returns it, or undefined when none was. */
  removePath(path: string): IndexedInstance | undefined {
    const instance = this.byPath.get(path);
    if (!instance) return undefined;
    this.byPath.delete(path);
    if (this.bySop.get(instance.SOPInstanceUID) === instance) this.bySop.delete(instance.SOPInstanceUID);
    const study = this.studies.get(instance.StudyInstanceUID);
    const series = study?.get(instance.SeriesInstanceUID);
    if (series?.get(instance.SOPInstanceUID) === instance) series.delete(instance.SOPInstanceUID);
    if (series && series.size === 0) study!.delete(instance.SeriesInstanceUID);
    if (study && study.size === 0) this.studies.delete(instance.StudyInstanceUID);
    this.version++;
    return instance;
  }

  /** The instance read from a path. */
  atPath(path: string): IndexedInstance | undefined {
    return this.byPath.get(path);
  }

  /** The instance with a SOP Instance UID, wherever it is in the hierarchy. */
  findSop(SOPInstanceUID: string): IndexedInstance | undefined {
    return this.bySop.get(SOPInstanceUID);
  }

  /** Every indexed path. */
  paths(): string[] {
    return [...this.byPath.keys()];
  }

  /** Number of instances. */
  get size(): number {
    return this.byPath.size;
  }

  /** Study Instance UIDs. */
  studyUids(): string[] {
    return [...this.studies.keys()];
  }

  /** Series Instance UIDs of a study (all series of all studies when none is given). */
  seriesOf(StudyInstanceUID?: string): Array<{ StudyInstanceUID: string; SeriesInstanceUID: string }> {
    const out: Array<{ StudyInstanceUID: string; SeriesInstanceUID: string }> = [];
    for (const [study, series] of this.studies) {
      if (StudyInstanceUID !== undefined && study !== StudyInstanceUID) continue;
      for (const uid of series.keys()) out.push({ StudyInstanceUID: study, SeriesInstanceUID: uid });
    }
    return out;
  }

  /** Instances within a scope (study, series, instance), in no particular order. */
  instances(scope: { StudyInstanceUID?: string; SeriesInstanceUID?: string; SOPInstanceUID?: string } = {}): IndexedInstance[] {
    const out: IndexedInstance[] = [];
    for (const [studyUid, study] of this.studies) {
      if (scope.StudyInstanceUID !== undefined && studyUid !== scope.StudyInstanceUID) continue;
      for (const [seriesUid, series] of study) {
        if (scope.SeriesInstanceUID !== undefined && seriesUid !== scope.SeriesInstanceUID) continue;
        if (scope.SOPInstanceUID !== undefined) {
          const one = series.get(scope.SOPInstanceUID);
          if (one) out.push(one);
        } else out.push(...series.values());
      }
    }
    return out;
  }
}
