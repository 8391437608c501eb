/**
 * Boundary rules of RFC 2046 5.1.1: 1 to 70 characters from
 * `bchars := DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," / "-" / "." / "/" / ":" / "=" / "?" / " "`,
 * not ending with a space.
 */
const BCHARS = /^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/;

/** Explains why `boundary` is not allowed by RFC 2046 5.1.1, or returns `undefined`. */
export function boundaryProblem(boundary: string): string | undefined {
  if (!BCHARS.test(boundary)) return 'must be 1-70 characters of digits, letters and \'()+_,-./:=? and space (RFC 2046 5.1.1)';
  if (boundary.endsWith(' ')) return 'must not end with a space (RFC 2046 5.1.1)';
  return undefined;
}
