/**
 * Audit events in DICOM PS3.15 A.5 terms, their canonical serialisation and
 * hash chaining, and verification of a chained log. Pure: the hash function
 * is injected (main supplies SHA-256).
 */
export {
  EventID,
  EVENT_ID_CODES,
  eventIdByCode,
  EventActionCode,
  EventOutcomeIndicator,
  type AuditEventCode,
  type EventIDKeyword,
} from './auditCodes';
export { AuditEventSchema, validateAuditEvent, type AuditEvent, type AuditRecord } from './auditEvent';
export { canonicalJson } from './canonicalJson';
export { GENESIS_HASH, chainRecord, checkRecordLine, recordHash, isHexHash, type HashFn, type LineCheck } from './hashChain';
export { verifyChain, ChainVerifier, type ChainVerification, type ChainBreak } from './verifyChain';
export { formatSyslogLine, type SyslogOptions } from './formatSyslog';
