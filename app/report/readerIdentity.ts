import type { ReaderIdentity } from './reportTypes';

/** Why a reader identity cannot sign, by field. */
export type ReaderIssue = 'required' | 'rppsFormat' | 'tooLong' | 'forbiddenCharacter';
export type ReaderIssues = Partial<Record<keyof ReaderIdentity, ReaderIssue>>;

const FIELDS: readonly (keyof ReaderIdentity)[] = ['familyName', 'givenName', 'professionalId', 'role', 'institution'];
/** PN components hold at most 64 characters and no `^`, `=` or `\` (PS3.5 6.2); LO 64 characters. */
const MAX = 64;

/**
 * The issues of a reader identity (none: it may sign). Family and given names and the institution
 * are required; the professional identifier, when given, is an 11-digit RPPS number (the French
 * "Répertoire partagé des professionnels de santé").
 */
export function readerIssues(reader: Partial<ReaderIdentity>): ReaderIssues {
  const issues: ReaderIssues = {};
  for (const field of FIELDS) {
    const value = (reader[field] ?? '').trim();
    if (!value && (field === 'familyName' || field === 'givenName' || field === 'institution')) issues[field] = 'required';
    else if (value.length > MAX) issues[field] = 'tooLong';
    else if (/[\^=\\\n\r]/.test(value)) issues[field] = 'forbiddenCharacter';
  }
  const id = (reader.professionalId ?? '').trim();
  if (id && !issues.professionalId && !/^\d{11}$/.test(id)) issues.professionalId = 'rppsFormat';
  return issues;
}

/** A reader identity from untrusted JSON (a settings file, an IPC request), trimmed; undefined when it is not one. */
export function parseReaderIdentity(value: unknown): ReaderIdentity | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (!FIELDS.every((f) => v[f] === undefined || typeof v[f] === 'string')) return undefined;
  const out = Object.fromEntries(FIELDS.map((f) => [f, ((v[f] as string | undefined) ?? '').trim()])) as unknown as ReaderIdentity;
  return Object.keys(readerIssues(out)).length === 0 ? out : undefined;
}

/** The reader as the audit trail names them: `FAMILY^Given (RPPS 12345678901)`. */
export function readerAuditText(reader: ReaderIdentity): string {
  return `${reader.familyName}^${reader.givenName}${reader.professionalId ? ` (RPPS ${reader.professionalId})` : ''}`;
}
