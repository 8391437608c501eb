import { utf8Bytes } from './bytes';

/**
 * A QIDO-RS search (PS3.18 10.6) as query parameters (PS3.18 8.3.4):
 * attribute matching, includefield, fuzzymatching, limit and offset.
 */
export interface QidoQuery {
  /**
   * Matching keys by attributeID — DICOM keyword (`PatientName`), tag
   * (`00100010`) or a dotted sequence path — to values. An array is written
   * as a comma-separated list (UID list matching, PS3.18 8.3.4.1).
   */
  match?: Record<string, string | readonly string[]>;
  /** Attributes to return besides the defaults, or `'all'` (PS3.18 8.3.4.3). */
  includefield?: readonly string[] | 'all';
  /** Ask for fuzzy matching of person names (PS3.18 8.3.4.2). */
  fuzzymatching?: boolean;
  /** Maximum number of results (PS3.18 8.3.4.4). */
  limit?: number;
  /** Number of results to skip (PS3.18 8.3.4.4). */
  offset?: number;
}

/** An invalid QIDO-RS query parameter. */
export class QidoParamError extends Error {
  override readonly name = 'QidoParamError';
}

const ATTRIBUTE = '(?:[0-9A-Fa-f]{8}|[A-Z][A-Za-z0-9]*)';
const ATTRIBUTE_ID = new RegExp(`^${ATTRIBUTE}(?:\\.${ATTRIBUTE})*$`);

/** Whether `key` is a valid attributeID: keyword or 8-hex-digit tag, dotted for sequences (PS3.18 8.3.4.1). */
export function isAttributeId(key: string): boolean {
  return ATTRIBUTE_ID.test(key);
}

/**
 * Percent-encodes only what a query value must not contain: controls, space,
 * non-ASCII (as UTF-8), the characters with a meaning in a query string
 * (`# % & + =`), and those the WHATWG URL parser (hence `fetch`) would encode
 * anyway in a query (`" ' < >`). DICOM matching characters (`^ * ? , \ -`)
 * stay literal: some servers (Orthanc) do not percent-decode QIDO values.
 */
export function encodeQueryComponent(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code > 0x20 && code < 0x7f && !'"#%&\'+<=>'.includes(ch)) out += ch;
    else for (const byte of utf8Bytes(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Builds the query string (without `?`) of a QIDO-RS search, PS3.18 10.6.1.
 * @example buildQidoQuery({ match: { PatientName: 'Doe^J*' }, limit: 10 }) // 'PatientName=Doe^J*&limit=10'
 * @throws QidoParamError for an invalid attributeID, limit or offset.
 */
export function buildQidoQuery(query: QidoQuery): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query.match ?? {})) {
    if (!isAttributeId(key)) throw new QidoParamError(`invalid attributeID "${key}" (keyword, 8-digit tag or dotted path)`);
    const text = typeof value === 'string' ? value : value.join(',');
    pairs.push(`${key}=${encodeQueryComponent(text)}`);
  }
  if (query.includefield === 'all') pairs.push('includefield=all');
  else if (query.includefield && query.includefield.length > 0) {
    for (const field of query.includefield) {
      if (!isAttributeId(field)) throw new QidoParamError(`invalid includefield "${field}"`);
    }
    pairs.push(`includefield=${query.includefield.join(',')}`);
  }
  if (query.fuzzymatching !== undefined) pairs.push(`fuzzymatching=${query.fuzzymatching}`);
  if (query.limit !== undefined) pairs.push(`limit=${checkCount('limit', query.limit, 1)}`);
  if (query.offset !== undefined) pairs.push(`offset=${checkCount('offset', query.offset, 0)}`);
  return pairs.join('&');
}

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new QidoParamError(`${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

/**
 * Reads QIDO-RS query parameters (already percent-decoded, e.g. the entries of
 * a `URLSearchParams`) into a {@link QidoQuery}. Matching values are kept as
 * given (a comma list stays one string); a repeated matching key is an error.
 * includefield may repeat and may hold comma-separated lists.
 *
 * @throws QidoParamError naming the offending parameter.
 */
export function parseQidoParams(entries: Iterable<readonly [string, string]>): QidoQuery {
  const query: QidoQuery = {};
  const match: Record<string, string> = {};
  const fields: string[] = [];
  let all = false;
  for (const [key, value] of entries) {
    switch (key) {
      case 'includefield':
        for (const field of value.split(',').map((f) => f.trim()).filter((f) => f !== '')) {
          if (field === 'all') all = true;
          else if (!isAttributeId(field)) throw new QidoParamError(`includefield: invalid attributeID "${field}"`);
          else if (!fields.includes(field)) fields.push(field);
        }
        break;
      case 'fuzzymatching':
        if (value !== 'true' && value !== 'false') throw new QidoParamError(`fuzzymatching must be "true" or "false", got "${value}"`);
        query.fuzzymatching = value === 'true';
        break;
      case 'limit':
      case 'offset': {
        if (!/^\d{1,15}$/.test(value)) throw new QidoParamError(`${key} must be a non-negative integer, got "${value}"`);
        query[key] = checkCount(key, Number(value), key === 'limit' ? 1 : 0);
        break;
      }
      default:
        if (!isAttributeId(key)) throw new QidoParamError(`unknown query parameter "${key}"`);
        if (key in match) throw new QidoParamError(`matching key "${key}" given more than once`);
        match[key] = value;
    }
  }
  if (Object.keys(match).length > 0) query.match = match;
  if (all) query.includefield = 'all';
  else if (fields.length > 0) query.includefield = fields;
  return query;
}
