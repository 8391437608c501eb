import { isUid } from '../dicomweb/parseDicomwebPath';

/** How a link asks a series to be shown: in three planes (MPR), or in three planes and 3D. */
export type OpenView = 'mpr' | '3d';
const VIEWS: readonly string[] = ['mpr', '3d'];

/** What an "open this study" link asks for: at least one key; the UID wins when present. */
export interface OpenRequest {
  StudyInstanceUID?: string;
  PatientID?: string;
  AccessionNumber?: string;
  /** A series of the study to show as the link's `view` asks (only with StudyInstanceUID). */
  SeriesInstanceUID?: string;
  view?: OpenView;
}

type OpenKey = 'StudyInstanceUID' | 'PatientID' | 'AccessionNumber' | 'SeriesInstanceUID';
/** Query parameter names accepted for each key: Garde's DICOM keywords and IHE IID's names (ITI TF-2 3.106). */
const KEYS: Record<OpenKey, string[]> = {
  StudyInstanceUID: ['StudyInstanceUID', 'studyUID'],
  PatientID: ['PatientID', 'patientID'],
  AccessionNumber: ['AccessionNumber', 'accessionNumber'],
  SeriesInstanceUID: ['SeriesInstanceUID', 'seriesUID'],
};

/**
 * Reads an open-study link: `garde://open?StudyInstanceUID=1.2.3` (desktop), `<web origin>/open?...`
 * (web mode), or the IHE Invoke Image Display form `...?requestType=STUDY&studyUID=1.2.3`.
 * `&SeriesInstanceUID=…&view=mpr` (or `3d`) shows that series of the study reformatted. Returns
 * undefined for anything else, for a malformed UID, an unknown view, a view without its series and
 * study, or a link with no key: a link never opens "some" study by guess.
 */
export function parseOpenLink(link: string): OpenRequest | undefined {
  let url: { protocol: string; host: string; pathname: string; searchParams: { get(name: string): string | null } };
  try {
    url = new (globalThis as unknown as { URL: new (u: string) => typeof url }).URL(link);
  } catch {
    return undefined;
  }
  const isOpen = url.protocol === 'garde:' ? url.host === 'open' || url.pathname.replace(/\/+$/, '') === '/open' : /\/open\/?$/.test(url.pathname);
  if (!isOpen) return undefined;
  const requestType = url.searchParams.get('requestType');
  if (requestType !== null && requestType.toUpperCase() !== 'STUDY') return undefined;
  const request: OpenRequest = {};
  for (const [key, names] of Object.entries(KEYS) as [OpenKey, string[]][]) {
    const value = names.map((n) => url.searchParams.get(n)).find((v) => v !== null && v.trim() !== '')?.trim();
    if (value !== undefined) request[key] = value;
  }
  const view = url.searchParams.get('view')?.trim().toLowerCase();
  if (view !== undefined && view !== '' && view !== 'stack') {
    if (!VIEWS.includes(view)) return undefined;
    request.view = view as OpenView;
  }
  if (request.StudyInstanceUID !== undefined && !isUid(request.StudyInstanceUID)) return undefined;
  if (request.SeriesInstanceUID !== undefined && (!isUid(request.SeriesInstanceUID) || request.StudyInstanceUID === undefined)) return undefined;
  if (request.view !== undefined && request.SeriesInstanceUID === undefined) return undefined;
  if (request.PatientID !== undefined && request.PatientID.length > 64) return undefined;
  return Object.keys(request).length > 0 ? request : undefined;
}

/** The query string (without `?`) that carries a request inside the app (`/open?...`). */
export function openRequestQuery(request: OpenRequest): string {
  const pairs: string[] = [];
  for (const key of Object.keys(KEYS) as OpenKey[]) {
    const value = request[key];
    if (value !== undefined) pairs.push(`${key}=${encodeURIComponent(value)}`);
  }
  if (request.view) pairs.push(`view=${request.view}`);
  return pairs.join('&');
}
