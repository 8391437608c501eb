/**
 * The DICOMweb resource a request path names, relative to a service base (`.../dicom-web/`).
 * Grammar of PS3.18 10.4 (retrieve, WADO-RS), 10.5 (store, STOW-RS) and 10.6 (search, QIDO-RS).
 */
export type DicomwebResource =
  | { kind: 'search'; level: 'studies' | 'series' | 'instances'; StudyInstanceUID?: string; SeriesInstanceUID?: string }
  | {
      kind: 'retrieve';
      /** instances: the Part 10 files; metadata: DICOM JSON; rendered/thumbnail: consumer formats. */
      what: 'instances' | 'metadata' | 'rendered' | 'thumbnail';
      StudyInstanceUID: string;
      SeriesInstanceUID?: string;
      SOPInstanceUID?: string;
    }
  | { kind: 'frames'; what: 'frames' | 'rendered'; StudyInstanceUID: string; SeriesInstanceUID: string; SOPInstanceUID: string; frames: number[] }
  | { kind: 'bulkdata'; segments: string[] }
  | { kind: 'store'; StudyInstanceUID?: string };

const UID = /^[0-9]+(?:\.[0-9]+)*$/;

/**
 * Whether a string can be a UID (PS3.5 9.1): digits and dots, at most 64 characters. A component
 * with a leading zero (`…19940822.083000`, written by older devices) is accepted, as DCMTK and GDCM
 * read it: it names the same instance on the PACS.
 */
export function isUid(value: string): boolean {
  return value.length > 0 && value.length <= 64 && UID.test(value);
}

/** A path that names no DICOMweb resource; the message says why. */
export class DicomwebPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DicomwebPathError';
  }
}

/**
 * Parses a DICOMweb path such as `studies/1.2/series/3.4/instances/5.6/frames/1,2` (segments
 * percent-decoded; {@link dicomwebPath} builds it back).
 * @param method the HTTP method (POST on `studies[/{uid}]` is STOW-RS)
 * @throws DicomwebPathError for an unknown path, a malformed UID or frame list
 */
export function parseDicomwebPath(method: string, path: string): DicomwebResource {
  const raw = path.replace(/^\/+|\/+$/g, '').split('/').filter((x) => x !== '');
  const m = method.toUpperCase();
  // Bulk data segments are the gateway's own opaque tokens (see main/gateway/part10Wado.ts bulkDataBase): kept as sent.
  if (raw[0] === 'bulkdata' && m === 'GET') return { kind: 'bulkdata', segments: raw.slice(1) };
  const s = raw.map(decodeSegment);
  for (const [i, seg] of s.entries()) {
    if (i % 2 === 1 && ['studies', 'series', 'instances'].includes(s[i - 1] ?? '') && !isUid(seg)) {
      throw new DicomwebPathError(`not a DICOM UID: ${JSON.stringify(seg)}`);
    }
  }
  if (m === 'POST') {
    if (s[0] === 'studies' && s.length <= 2) return { kind: 'store', ...(s[1] ? { StudyInstanceUID: s[1] } : {}) };
    throw new DicomwebPathError(`POST is only accepted on studies or studies/{StudyInstanceUID}`);
  }
  if (m !== 'GET' && m !== 'HEAD') throw new DicomwebPathError(`method ${method} not supported`);
  const [a, study, b, series, c, sop, d, frameList, e] = s;
  if (s.length === 1 && (a === 'studies' || a === 'series' || a === 'instances')) return { kind: 'search', level: a };
  if (a !== 'studies' || !study) throw new DicomwebPathError(`unknown DICOMweb path: ${path}`);
  if (s.length === 2) return { kind: 'retrieve', what: 'instances', StudyInstanceUID: study };
  if (s.length === 3) {
    if (b === 'series' || b === 'instances') return { kind: 'search', level: b, StudyInstanceUID: study };
    if (b === 'metadata' || b === 'rendered' || b === 'thumbnail') return { kind: 'retrieve', what: b, StudyInstanceUID: study };
  }
  if (b === 'series' && series) {
    const base = { StudyInstanceUID: study, SeriesInstanceUID: series };
    if (s.length === 4) return { kind: 'retrieve', what: 'instances', ...base };
    if (s.length === 5 && c === 'instances') return { kind: 'search', level: 'instances', ...base };
    if (s.length === 5 && (c === 'metadata' || c === 'rendered' || c === 'thumbnail')) return { kind: 'retrieve', what: c, ...base };
    if (c === 'instances' && sop) {
      const inst = { ...base, SOPInstanceUID: sop };
      if (s.length === 6) return { kind: 'retrieve', what: 'instances', ...inst };
      if (s.length === 7 && (d === 'metadata' || d === 'rendered' || d === 'thumbnail')) return { kind: 'retrieve', what: d, ...inst };
      if (d === 'frames' && frameList && (s.length === 8 || (s.length === 9 && e === 'rendered'))) {
        return { kind: 'frames', what: s.length === 9 ? 'rendered' : 'frames', ...inst, frames: parseFrameList(frameList) };
      }
    }
  }
  throw new DicomwebPathError(`unknown DICOMweb path: ${path}`);
}

/** Parses a frame list (`1`, `1,2,5`): 1-based frame numbers (PS3.18 10.4.1.1.4). */
export function parseFrameList(text: string): number[] {
  const frames = text.split(',').map((f) => (/^[1-9][0-9]*$/.test(f.trim()) ? Number(f.trim()) : NaN));
  if (frames.length === 0 || frames.some((f) => !Number.isSafeInteger(f))) {
    throw new DicomwebPathError(`not a frame list: ${JSON.stringify(text)}`);
  }
  return frames;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new DicomwebPathError(`not a percent-encoded path segment: ${JSON.stringify(segment)}`);
  }
}

function encodeUid(keyword: string, uid: string | undefined): string {
  if (!uid || uid.includes('/')) throw new DicomwebPathError(`no usable ${keyword}: ${JSON.stringify(uid)}`);
  return encodeURIComponent(uid);
}

/**
 * The path of a DICOMweb resource relative to its service base, without a leading `/`: the inverse
 * of {@link parseDicomwebPath} (PS3.18 10.4-10.6). UIDs are percent-encoded (a conformant UID is
 * left as it is, PS3.5 9.1); a UID a PACS sent malformed is still addressed, as the PACS named it.
 * @throws DicomwebPathError for an empty UID, or a frame number that is not a positive integer
 */
export function dicomwebPath(resource: DicomwebResource): string {
  if (resource.kind === 'bulkdata') return ['bulkdata', ...resource.segments].join('/');
  if (resource.kind === 'store') return resource.StudyInstanceUID === undefined ? 'studies' : `studies/${encodeUid('StudyInstanceUID', resource.StudyInstanceUID)}`;
  const parts: string[] = [];
  const { StudyInstanceUID, SeriesInstanceUID } = resource;
  if (resource.kind === 'search') {
    if (StudyInstanceUID !== undefined) parts.push('studies', encodeUid('StudyInstanceUID', StudyInstanceUID));
    if (SeriesInstanceUID !== undefined) {
      if (StudyInstanceUID === undefined) throw new DicomwebPathError('a series search within a study needs its StudyInstanceUID');
      parts.push('series', encodeUid('SeriesInstanceUID', SeriesInstanceUID));
    }
    if (resource.level !== 'studies' || parts.length === 0) parts.push(resource.level);
    if (resource.level === 'studies' && parts.length > 1) throw new DicomwebPathError('a study search takes no UID in its path');
    return parts.join('/');
  }
  parts.push('studies', encodeUid('StudyInstanceUID', StudyInstanceUID));
  if (SeriesInstanceUID !== undefined) parts.push('series', encodeUid('SeriesInstanceUID', SeriesInstanceUID));
  if (resource.SOPInstanceUID !== undefined) {
    if (SeriesInstanceUID === undefined) throw new DicomwebPathError('an instance needs its SeriesInstanceUID');
    parts.push('instances', encodeUid('SOPInstanceUID', resource.SOPInstanceUID));
  }
  if (resource.kind === 'frames') {
    if (resource.frames.length === 0 || resource.frames.some((f) => !Number.isSafeInteger(f) || f < 1)) throw new DicomwebPathError(`not a frame list: ${JSON.stringify(resource.frames)}`);
    parts.push('frames', resource.frames.join(','));
    if (resource.what === 'rendered') parts.push('rendered');
  } else if (resource.what !== 'instances') parts.push(resource.what);
  return parts.join('/');
}

/**
 * The Retrieve URL (0008,1190) of a study, series or instance under a DICOMweb base (PS3.18 10.6.3.3.1,
 * 10.5.3.1); a malformed UID is percent-encoded as {@link dicomwebPath} does; undefined when a UID is empty or holds `/`.
 */
export function retrieveUrl(base: string, scope: { StudyInstanceUID: string; SeriesInstanceUID?: string | undefined; SOPInstanceUID?: string | undefined }): string | undefined {
  const { StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID } = scope;
  try {
    const path = dicomwebPath({ kind: 'retrieve', what: 'instances', StudyInstanceUID, ...(SeriesInstanceUID ? { SeriesInstanceUID } : {}), ...(SeriesInstanceUID && SOPInstanceUID ? { SOPInstanceUID } : {}) });
    return `${base.replace(/\/+$/, '')}/${path}`;
  } catch (error) {
    if (error instanceof DicomwebPathError) return undefined;
    throw error;
  }
}
