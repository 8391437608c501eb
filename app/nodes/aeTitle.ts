/**
 * Application Entity title rules, PS3.5 6.2 (VR "AE"): at most 16 characters
 * of the default character repertoire (printable ASCII), no backslash (5CH),
 * no control characters, and not made only of spaces.
 */

/** Maximum length of an AE title, PS3.5 6.2 table 6.2-1. */
export const AE_TITLE_MAX_LENGTH = 16;

/**
 * Explains why `value` is not a valid AE title, or returns `undefined` when it is.
 * PS3.5 6.2: leading and trailing spaces are not significant but count toward
 * the 16-character limit.
 */
export function aeTitleProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > AE_TITLE_MAX_LENGTH) return `must be at most ${AE_TITLE_MAX_LENGTH} characters (PS3.5 6.2)`;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x5c) return 'must not contain a backslash (PS3.5 6.2)';
    if (code < 0x20 || code > 0x7e) return 'must contain only printable ASCII characters, no control characters (PS3.5 6.2)';
  }
  if (value.trim().length === 0) return 'must not consist only of spaces (PS3.5 6.2)';
  return undefined;
}
