import dcmjs from 'dcmjs';

/**
 * Reads one bulk data value of a Part 10 file by its tag path (tags, with item indexes between
 * them for sequences: `00540016/0/00181072`), as served at a BulkDataURI (PS3.18 10.4.1.1.5).
 * The data set is read up to Pixel Data (served as frames instead); fragments of a value are joined.
 * @returns undefined when the path leads to no binary value
 */
export function readBulkData(part10: Uint8Array, path: readonly string[]): Uint8Array | undefined {
  const buffer = part10.buffer.slice(part10.byteOffset, part10.byteOffset + part10.byteLength) as ArrayBuffer;
  let node: Record<string, { Value?: unknown[] }> = dcmjs.data.DicomMessage.readFile(buffer, { ignoreErrors: true, untilTag: '7FE00010', includeUntilTagValue: false }).dict;
  for (let i = 0; i < path.length; i += 2) {
    const attribute = node[path[i]!.toUpperCase()];
    if (!attribute) return undefined;
    if (i + 1 >= path.length) {
      const parts = (attribute.Value ?? []).filter((v): v is ArrayBuffer => v instanceof ArrayBuffer).map((v) => new Uint8Array(v));
      if (parts.length === 0) return undefined;
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
      return out;
    }
    const item = attribute.Value?.[Number(path[i + 1])];
    if (!item || typeof item !== 'object') return undefined;
    node = item as typeof node;
  }
  return undefined;
}
