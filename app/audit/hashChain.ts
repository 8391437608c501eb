import type { AuditEvent, AuditRecord } from './auditEvent';
import { canonicalJson } from './canonicalJson';

/**
 * A hash function over the UTF-8 bytes of a string, returning lower-case hex.
 * The core stays free of crypto APIs; main supplies SHA-256 from node:crypto
 * (or an HMAC keyed from the vault, which also resists a full rewrite).
 */
export type HashFn = (text: string) => string;

/** `prevHash` of the first record of a log: 64 zeros (the width of a SHA-256 hex digest). */
export const GENESIS_HASH = '0'.repeat(64);

const HEX_64 = /^[0-9a-f]{64}$/;

/** Whether `value` looks like a 64-character lower-case hex hash. */
export function isHexHash(value: unknown): value is string {
  return typeof value === 'string' && HEX_64.test(value);
}

/** The hash of a record: H(canonical JSON of the record without its `hash` member). */
export function recordHash(record: Readonly<Record<string, unknown>>, hashFn: HashFn): string {
  const { hash: _omitted, ...content } = record;
  return hashFn(canonicalJson(content));
}

/**
 * Links an event to the previous record.
 * @returns the record and its log line (canonical JSON, no trailing newline).
 */
export function chainRecord(event: AuditEvent, prevHash: string, hashFn: HashFn): { record: AuditRecord; line: string } {
  if (!isHexHash(prevHash)) throw new Error('chainRecord: prevHash must be 64 lower-case hex characters');
  const unsigned = { ...event, prevHash };
  const hash = hashFn(canonicalJson(unsigned));
  if (!isHexHash(hash)) throw new Error('chainRecord: hash function must return 64 lower-case hex characters');
  const record: AuditRecord = { ...unsigned, hash };
  return { record, line: canonicalJson(record) };
}

/** Outcome of checking one log line on its own (not its link to the previous line). */
export type LineCheck = { ok: true; record: AuditRecord } | { ok: false; reason: string };

/**
 * Checks one log line by itself: valid JSON object, `prevHash` and `hash`
 * well formed, line in canonical form, and `hash` matching the content.
 */
export function checkRecordLine(line: string, hashFn: HashFn): LineCheck {
  if (line.trim() === '') return { ok: false, reason: 'empty line' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, reason: 'not a JSON object' };
  const record = parsed as Record<string, unknown>;
  if (!isHexHash(record.hash)) return { ok: false, reason: 'missing or malformed "hash"' };
  if (!isHexHash(record.prevHash)) return { ok: false, reason: 'missing or malformed "prevHash"' };
  if (canonicalJson(record) !== line) return { ok: false, reason: 'line is not in canonical form (edited by hand?)' };
  if (recordHash(record, hashFn) !== record.hash) return { ok: false, reason: 'hash does not match the record content (record modified)' };
  return { ok: true, record: record as AuditRecord };
}
