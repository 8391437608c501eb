import type { DicomJsonAttribute } from './dicomJson';

/** Options of {@link matchQidoKey}. */
export interface QidoMatchOptions {
  /** PS3.18 8.3.4.2 fuzzymatching=true: each word of a PN key may match the start of any name component. */
  fuzzy?: boolean;
}

const NUMERIC_VRS = new Set(['IS', 'DS', 'US', 'UL', 'SS', 'SL', 'FL', 'FD', 'SV', 'UV']);
const WILDCARD_VRS = new Set(['AE', 'CS', 'LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UT', 'UR']);
const DATE_TIME_VRS = new Set(['DA', 'TM', 'DT']);

/**
 * Whether one QIDO-RS matching key (PS3.18 8.3.4.1) matches an attribute of an
 * entity, following PS3.4 C.2.2.2:
 * - empty key or `*`: universal matching (C.2.2.2.3), matches even an absent attribute;
 * - UI: single value or list matching (C.2.2.2.2), list items separated by `,` or `\`;
 * - DA, TM, DT: single value or range matching `a-b`, `a-`, `-b` (C.2.2.2.5);
 *   partial times and date-times cover their whole span (`12` is 12:00:00 to 12:59:59.999999);
 * - CS: list matching with `,` or `\` (no code string contains them);
 * - AE, CS, LO, LT, PN, SH, ST, UC, UT: `*` and `?` wildcards (C.2.2.2.4);
 * - numeric VRs compare as numbers;
 * - PN is matched case-insensitively, as C.2.2.2.1 allows, against each component group, ignoring
 *   trailing `^`; with fuzzy matching each word of the key must start some component of the name.
 * A multi-valued attribute matches when one of its values does. A non-universal key never
 * matches an absent or empty attribute.
 */
export function matchQidoKey(vr: string, key: string, attribute: DicomJsonAttribute | undefined, options: QidoMatchOptions = {}): boolean {
  if (key === '' || key === '*') return true;
  const values = attributeStrings(vr, attribute);
  if (values.length === 0) return false;
  if (vr === 'UI') {
    const uids = new Set(key.split(/[,\\]/).map((s) => s.trim()));
    return values.some((v) => uids.has(v));
  }
  if (DATE_TIME_VRS.has(vr)) {
    const range = parseRange(vr, key);
    return range !== undefined && values.some((v) => inRange(vr, v, range));
  }
  if (NUMERIC_VRS.has(vr)) {
    const wanted = key.split(/[,\\]/).map(Number);
    return values.some((v) => wanted.includes(Number(v)));
  }
  if (vr === 'PN') return values.some((v) => matchPersonName(key, v, options.fuzzy === true));
  const keys = vr === 'CS' ? key.split(/[,\\]/) : [key];
  const wildcard = WILDCARD_VRS.has(vr);
  return keys.some((k) => values.some((v) => (wildcard ? wildcardRegExp(k, false).test(v) : k === v)));
}

/** The values of an attribute as strings; each PN component group is one string. */
export function attributeStrings(vr: string, attribute: DicomJsonAttribute | undefined): string[] {
  const out: string[] = [];
  for (const value of attribute?.Value ?? []) {
    if (value === null || value === undefined) continue;
    if (vr === 'PN' && typeof value === 'object') {
      for (const group of Object.values(value as Record<string, unknown>)) if (typeof group === 'string' && group !== '') out.push(group);
    } else if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
  }
  return out;
}

function matchPersonName(key: string, name: string, fuzzy: boolean): boolean {
  const trimmed = name.replace(/\^+$/, '');
  if (wildcardRegExp(key.replace(/\^+$/, ''), true).test(trimmed)) return true;
  if (!fuzzy) return false;
  const components = trimmed.toLowerCase().split(/[\^\s]+/).filter((c) => c !== '');
  const words = key.toLowerCase().replace(/[*?]/g, '').split(/[\^\s]+/).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => components.some((c) => c.startsWith(w)));
}

/** A RegExp for a key with `*` (any run) and `?` (one character) wildcards, anchored at both ends. */
export function wildcardRegExp(key: string, ignoreCase: boolean): RegExp {
  let source = '';
  for (const ch of key) source += ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
}

interface Range {
  low?: string;
  high?: string;
}

function parseRange(vr: string, key: string): Range | undefined {
  const parts = key.split('-');
  if (vr === 'DT' && parts.length > 2) return undefined;
  if (parts.length === 1) return { low: normalize(vr, key, '0'), high: normalize(vr, key, '9') };
  if (parts.length !== 2) return undefined;
  const [low, high] = parts as [string, string];
  if (low === '' && high === '') return undefined;
  return {
    ...(low !== '' ? { low: normalize(vr, low, '0') } : {}),
    ...(high !== '' ? { high: normalize(vr, high, '9') } : {}),
  };
}

function inRange(vr: string, value: string, range: Range): boolean {
  const low = normalize(vr, value, '0');
  const high = normalize(vr, value, '9');
  return (range.low === undefined || high >= range.low) && (range.high === undefined || low <= range.high);
}

/**
 * A comparable form of a DA, TM or DT value: separators and time zone removed,
 * padded with `fill` to full precision (DA 8, TM 13, DT 21 characters).
 */
function normalize(vr: string, value: string, fill: '0' | '9'): string {
  let text = value.trim().replace(/[:]/g, '');
  if (vr === 'DA') text = text.replace(/\./g, '');
  if (vr === 'DT') text = text.replace(/[+-]\d{4}$/, '');
  const [whole = '', fraction = ''] = text.split('.');
  const digits = vr === 'DA' ? 8 : vr === 'TM' ? 6 : 14;
  const head = whole.padEnd(digits, fill).slice(0, digits);
  if (vr === 'DA') return head;
  return `${head}.${fraction.padEnd(6, fill).slice(0, 6)}`;
}
