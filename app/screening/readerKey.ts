import type { ReaderIdentity } from '../report/reportTypes';

/**
 * The key that says two reads are by the same person: the professional identifier (RPPS) when
 * given, else the name (upper case, trimmed) — never the institution, which one reader may change.
 */
export function professionalKey(reader: Pick<ReaderIdentity, 'professionalId' | 'familyName' | 'givenName'>): string {
  const id = reader.professionalId.trim();
  return id ? `id:${id}` : `name:${reader.familyName.trim().toUpperCase()}^${reader.givenName.trim().toUpperCase()}`;
}
