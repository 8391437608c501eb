/**
 * A Person Name (PS3.5 6.2, components family^given^middle^prefix^suffix) for display the way
 * French and English hospital systems write it: FAMILY Given Middle, prefix and suffix around.
 */
export function formatPersonName(value: string | undefined): string {
  if (!value) return '';
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = value.split('=')[0]!.split('^');
  return [prefix, family.toUpperCase(), given, middle, suffix].map((p) => p.trim()).filter((p) => p !== '').join(' ');
}

/** A DICOM DA value (YYYYMMDD) as ISO 8601 (YYYY-MM-DD); other text unchanged. */
export function formatDicomDate(value: string | undefined): string {
  return value && /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : (value ?? '');
}

/** A DICOM TM value (HHMMSS.frac) as HH:MM. */
export function formatDicomTime(value: string | undefined): string {
  return value && /^\d{4}/.test(value) ? `${value.slice(0, 2)}:${value.slice(2, 4)}` : (value ?? '');
}

/** A Date as a DICOM DA value (local calendar date). */
export function toDicomDate(date: Date): string {
  return `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The family name component of a Person Name (PS3.5 6.2.1: the first `^` component of its first,
 * alphabetic, group), trimmed; undefined when empty. The key of a search for a patient's studies.
 */
export function familyNameOf(value: string | undefined): string | undefined {
  const family = (value ?? '').split('=')[0]!.split('^')[0]!.trim();
  return family === '' ? undefined : family;
}
