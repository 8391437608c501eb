/** An audit log cannot be opened or written; the caller must not proceed unaudited. */
export class AuditLogError extends Error {
  override readonly name = 'AuditLogError';
}
