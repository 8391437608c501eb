/**
 * Canonical JSON serialisation: object keys sorted by UTF-16 code units
 * (as in RFC 8785 JCS), no insignificant whitespace, strings and numbers as
 * `JSON.stringify` writes them. Object members whose value is `undefined` are
 * left out. Equal values always give the same text, which is what is hashed.
 *
 * @throws TypeError for values JSON cannot represent (non-finite numbers,
 *   bigint, functions, symbols, `undefined` at top level or in arrays).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort(compareCodeUnits);
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot serialise a value of type ${typeof value}`);
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
