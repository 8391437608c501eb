import type { AuditRecord } from './auditEvent';
import { canonicalJson } from './canonicalJson';

/** Options of {@link formatSyslogLine}. */
export interface SyslogOptions {
  /** HOSTNAME field (RFC 5424 6.2.4); `-` when empty. */
  hostname: string;
  /** APP-NAME field (RFC 5424 6.2.5); default `garde`. */
  appName?: string;
  /** PROCID field (RFC 5424 6.2.6); default `-`. */
  procId?: string | number;
  /** Facility code (RFC 5424 6.2.1); default 10, security/authorization, as IHE ATNA uses. */
  facility?: number;
}

/**
 * Severity per EventOutcomeIndicator (PS3.15 A.5.1): success is a notice (5),
 * minor failure a warning (4), serious failure an error (3), major failure critical (2).
 */
const SEVERITY: Record<number, number> = { 0: 5, 4: 4, 8: 3, 12: 2 };

/**
 * Formats an audit record as one RFC 5424 syslog message (without transport
 * framing): `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID - BOM{record JSON}`.
 * MSGID is the EventID code (PS3.15 A.5); MSG is the canonical record,
 * including its chain hashes, so a collector can check the chain head.
 */
export function formatSyslogLine(record: AuditRecord, options: SyslogOptions): string {
  const facility = options.facility ?? 10;
  if (!Number.isInteger(facility) || facility < 0 || facility > 23) throw new RangeError('syslog facility must be 0..23');
  const severity = SEVERITY[record.EventOutcomeIndicator] ?? 5;
  const header = [
    `<${facility * 8 + severity}>1`,
    syslogTimestamp(record.EventDateTime),
    headerField(options.hostname, 255),
    headerField(options.appName ?? 'garde', 48),
    headerField(options.procId === undefined ? '' : String(options.procId), 128),
    headerField(record.EventID, 32),
    '-',
  ].join(' ');
  return `${header} \uFEFF${canonicalJson(record)}`;
}

/** PRINTUSASCII only (RFC 5424 6), truncated to `max`, `-` when empty. */
function headerField(value: string, max: number): string {
  const printable = value.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return printable === '' ? '-' : printable;
}

/** RFC 5424 6.2.3: RFC 3339 time with at most six fraction digits. */
function syslogTimestamp(isoTime: string): string {
  return isoTime.replace(/(\.\d{6})\d+/, '$1');
}
