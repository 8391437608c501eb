import { DicomJsonTag, isDicomJsonDataset, type DicomJsonAttribute, type DicomJsonDataset } from './dicomJson';
import { parseUrl, type ParsedUrl } from './parseUrl';

/** A URI removed by {@link rewriteBulkDataUris}, with where it was. */
export interface DroppedUri {
  /** Location such as `[0].00081190.Value[0]` or `[2].00400275.Value[0].7FE00010.BulkDataURI`. */
  path: string;
  uri: string;
}

/** Result of {@link rewriteBulkDataUris}: a rewritten copy and what was dropped. */
export interface RewriteResult<T> {
  json: T;
  rewritten: number;
  dropped: DroppedUri[];
}

/** Options of {@link rewriteBulkDataUris}. */
export interface RewriteOptions {
  /** Base for relative URIs (the URL of the response); default: `fromBase` with a trailing `/`. */
  relativeTo?: string;
}

/**
 * Rewrites the URIs a DICOM JSON response (PS3.18 F.2) points to from the
 * upstream server to the gateway: every `BulkDataURI` (F.2.7) and every
 * Retrieve URL (0008,1190) value, at any depth including sequence items.
 *
 * A URI is under a base when it has the same origin (scheme, host, port) and
 * its path is the base path or below it; the rest of the path and the query
 * are kept: `https://pacs/dicom-web/studies/1/bulk/x?a=1` with
 * `fromBase = https://pacs/dicom-web` and `toBase = garde://gateway/nodes/a/dicom-web`
 * becomes `garde://gateway/nodes/a/dicom-web/studies/1/bulk/x?a=1`.
 *
 * Decision: URIs that are not under any `fromBase` (other origins, other paths,
 * embedded credentials, unparsable) are dropped — the `BulkDataURI` member or
 * the Retrieve URL value is removed — and listed in `dropped`. The renderer is
 * never handed an upstream or third-party URL, so it can neither bypass the
 * gateway (and its audit) nor leak a URL that carries a token; the caller may
 * log `dropped`. Pixel data stays reachable through the gateway's frame routes.
 *
 * The input is not modified.
 *
 * @param json a dataset or an array of datasets (any other value is returned as is)
 * @param fromBase the upstream DICOMweb base URL, or several aliases of it
 * @param toBase the gateway base for this node (trailing `/` ignored)
 */
export function rewriteBulkDataUris<T>(json: T, fromBase: string | readonly string[], toBase: string, options: RewriteOptions = {}): RewriteResult<T> {
  const bases = (typeof fromBase === 'string' ? [fromBase] : fromBase).map((text) => {
    const url = parseUrl(text);
    if (!url) throw new RangeError(`fromBase is not an absolute URL: ${text}`);
    return { url, path: url.pathname.replace(/\/+$/, '') };
  });
  if (bases.length === 0) throw new RangeError('rewriteBulkDataUris needs at least one fromBase');
  const relativeTo = options.relativeTo ?? `${bases[0]!.url.origin}${bases[0]!.path}/`;
  const target = toBase.replace(/\/+$/, '');
  const result: RewriteResult<T> = { json, rewritten: 0, dropped: [] };

  const rewrite = (uri: string, path: string): string | undefined => {
    const url = parseUrl(uri, relativeTo);
    const base = url && bases.find((b) => isUnder(url, b.url, b.path));
    if (!url || !base) {
      result.dropped.push({ path, uri });
      return undefined;
    }
    result.rewritten++;
    return `${target}${url.pathname.slice(base.path.length)}${url.search}`;
  };

  const visitDataset = (dataset: DicomJsonDataset, path: string): DicomJsonDataset => {
    const out: DicomJsonDataset = {};
    for (const [tag, attr] of Object.entries(dataset)) {
      out[tag] = isDicomJsonDataset(attr) ? visitAttribute(tag, attr as DicomJsonAttribute, path === '' ? tag : `${path}.${tag}`) : attr;
    }
    return out;
  };

  const visitAttribute = (tag: string, attr: DicomJsonAttribute, path: string): DicomJsonAttribute => {
    const copy: DicomJsonAttribute = { ...attr };
    if (typeof attr.BulkDataURI === 'string') {
      const next = rewrite(attr.BulkDataURI, `${path}.BulkDataURI`);
      if (next === undefined) delete copy.BulkDataURI;
      else copy.BulkDataURI = next;
    }
    if (Array.isArray(attr.Value)) {
      if (tag.toUpperCase() === DicomJsonTag.RetrieveURL) {
        const kept: unknown[] = [];
        attr.Value.forEach((value, i) => {
          if (typeof value !== 'string') return kept.push(value);
          const next = rewrite(value, `${path}.Value[${i}]`);
          if (next !== undefined) kept.push(next);
          return undefined;
        });
        if (kept.length > 0) copy.Value = kept;
        else delete copy.Value;
      } else {
        copy.Value = attr.Value.map((item, i) => (attr.vr === 'SQ' && isDicomJsonDataset(item) ? visitDataset(item, `${path}.Value[${i}]`) : item));
      }
    }
    return copy;
  };

  if (Array.isArray(json)) {
    result.json = json.map((item, i) => (isDicomJsonDataset(item) ? visitDataset(item, `[${i}]`) : item)) as T;
  } else if (isDicomJsonDataset(json)) {
    result.json = visitDataset(json, '') as T;
  }
  return result;
}

function isUnder(url: ParsedUrl, base: ParsedUrl, basePath: string): boolean {
  if (url.origin !== base.origin || url.origin === 'null') return false;
  if (url.username !== '' || url.password !== '') return false;
  return url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
}
