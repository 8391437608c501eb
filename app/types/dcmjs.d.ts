/**
 * Minimal typings of the parts of dcmjs (no bundled types) used by app/.
 * Extend as needed; unknown members stay reachable through the index signature.
 */
declare module 'dcmjs' {
  /** A dataset in dcmjs' DICOM JSON-like form (tag hex -> { vr, Value }). */
  export type DenaturalizedDataset = Record<string, { vr: string; Value?: unknown[]; InlineBinary?: string }>;
  /** A dataset keyed by DICOM keywords, as naturalizeDataset returns. */
  export type NaturalizedDataset = Record<string, unknown>;

  export interface DicomDict {
    meta: DenaturalizedDataset;
    dict: DenaturalizedDataset;
    write(writeOptions?: Record<string, unknown>): ArrayBuffer;
  }

  export interface ReadFileOptions {
    ignoreErrors?: boolean;
    untilTag?: string | null;
    includeUntilTagValue?: boolean;
    noCopy?: boolean;
    forceStoreRaw?: boolean;
  }

  export interface DcmjsData {
    DicomMessage: {
      readFile(buffer: ArrayBuffer, options?: ReadFileOptions): DicomDict;
    };
    DicomMetaDictionary: {
      naturalizeDataset(dataset: DenaturalizedDataset): NaturalizedDataset;
      denaturalizeDataset(dataset: NaturalizedDataset): DenaturalizedDataset;
      uid(): string;
      dictionary: Record<string, { tag: string; vr: string; name: string }>;
      nameMap: Record<string, { tag: string; vr: string; name: string }>;
    };
    DicomDict: new (meta: DenaturalizedDataset) => DicomDict;
    datasetToDict(dataset: NaturalizedDataset): DicomDict;
    [member: string]: unknown;
  }

  const dcmjs: { data: DcmjsData; [member: string]: unknown };
  export default dcmjs;
}
