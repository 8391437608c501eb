/**
 * Audit log service of the main process: append-only, hash-chained JSON lines
 * (records and chain rules in app/audit), file verification and the CLI.
 */
export { AuditLog, type AuditLogOptions, type AuditEventInput } from './AuditLog';
export { AuditLogError } from './AuditLogError';
export { verifyAuditFile } from './verifyAuditFile';
export { sha256Hex } from './sha256Hex';
export { readLastLine, type FileTail } from './readLastLine';
export { runAuditCli } from './runAuditCli';
