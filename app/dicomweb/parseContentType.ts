/** A parsed media type with parameters (RFC 9110 8.3.1, RFC 2045 5.1). */
export interface ContentType {
  /** `type/subtype`, lower case, e.g. `multipart/related`. */
  mediaType: string;
  type: string;
  subtype: string;
  /** Parameters by lower-case name; quoted values unquoted and unescaped. */
  parameters: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Parses a Content-Type value such as
 * `multipart/related; type="application/dicom"; boundary=abc` (PS3.18 8.6.1.2).
 * @returns the parsed value, or `undefined` when it is malformed.
 */
export function parseContentType(value: string): ContentType | undefined {
  let i = 0;
  const skipSpace = (): void => {
    while (i < value.length && (value[i] === ' ' || value[i] === '\t')) i++;
  };
  const readToken = (stops: string): string => {
    const start = i;
    while (i < value.length && !stops.includes(value[i]!)) i++;
    return value.slice(start, i).trim();
  };

  skipSpace();
  const mediaType = readToken(';').toLowerCase();
  const slash = mediaType.indexOf('/');
  const type = mediaType.slice(0, slash);
  const subtype = mediaType.slice(slash + 1);
  if (slash < 0 || !TOKEN.test(type) || !TOKEN.test(subtype)) return undefined;

  const parameters: Record<string, string> = {};
  while (i < value.length) {
    i++; // ';'
    skipSpace();
    if (i >= value.length) break;
    if (value[i] === ';') continue;
    const name = readToken('=;').toLowerCase();
    if (!TOKEN.test(name) || value[i] !== '=') return undefined;
    i++;
    let paramValue: string;
    if (value[i] === '"') {
      i++;
      paramValue = '';
      for (;;) {
        if (i >= value.length) return undefined;
        const ch = value[i++]!;
        if (ch === '"') break;
        if (ch === '\\') {
          if (i >= value.length) return undefined;
          paramValue += value[i++]!;
        } else paramValue += ch;
      }
      skipSpace();
      if (i < value.length && value[i] !== ';') return undefined;
    } else {
      // Lenient: servers often send `type=application/dicom` unquoted although "/" is not a token character.
      paramValue = readToken(';');
      if (!/^[^\s"\\]+$/.test(paramValue)) return undefined;
    }
    if (!(name in parameters)) parameters[name] = paramValue;
  }
  return { mediaType, type, subtype, parameters };
}

/**
 * Formats a media type with parameters, quoting values that are not tokens.
 * @example formatContentType('multipart/related', { type: 'application/dicom', boundary: 'b1' })
 *   // 'multipart/related; type="application/dicom"; boundary=b1'
 */
export function formatContentType(mediaType: string, parameters: Record<string, string> = {}): string {
  let out = mediaType;
  for (const [name, value] of Object.entries(parameters)) {
    if (/[\r\n\0]/.test(value)) throw new RangeError(`parameter ${name} contains a line break or NUL`);
    out += `; ${name}=${TOKEN.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`}`;
  }
  return out;
}
