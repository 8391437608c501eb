const ITEM = 0xe000;
const SEQUENCE_DELIMITER = 0xe0dd;

/** What {@link repairPixelItems} did: the bytes to read (the input when nothing was wrong) and the defects found. */
export interface RepairedPixelItems {
  bytes: Uint8Array;
  warnings: string[];
}

interface Item {
  /** Offset of the item tag. */
  at: number;
  length: number;
}

/**
 * Reads the items of an encapsulated Pixel Data (PS3.5 A.4: a Basic Offset Table item, then one
 * item per fragment, then a Sequence Delimitation Item) the way DCMTK and GDCM do, and returns
 * bytes a strict reader can read, with a warning for each defect:
 * - a fragment of odd length (item lengths are even, PS3.5 7.1.1) is read with one padding byte
 *   (DCMTK: "Length of item in sequence PixelData is odd");
 * - a Basic Offset Table whose entries are not the offsets of fragments (or whose length is not a
 *   multiple of 4) is ignored, as GDCM does: frames are then located by their fragments.
 * Offsets that stay right are rewritten to the padded positions.
 * @param itemsOffset where the first item tag starts (after the (7FE0,0010) header of undefined length).
 */
export function repairPixelItems(bytes: Uint8Array, itemsOffset: number): RepairedPixelItems {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const items: Item[] = [];
  let offset = itemsOffset;
  let end: number | undefined;
  while (offset + 8 <= bytes.length) {
    const group = view.getUint16(offset, true);
    const element = view.getUint16(offset + 2, true);
    const length = view.getUint32(offset + 4, true);
    if (group !== 0xfffe) break;
    if (element === SEQUENCE_DELIMITER) {
      end = offset;
      break;
    }
    if (element !== ITEM || offset + 8 + length > bytes.length) break;
    items.push({ at: offset, length });
    offset += 8 + length;
  }
  // Anything else is the structure check's business (checkPart10Structure.ts).
  if (end === undefined || items.length === 0) return { bytes, warnings: [] };
  const [table, ...fragments] = items as [Item, ...Item[]];
  const warnings: string[] = [];
  const odd = fragments.filter((f) => f.length % 2 === 1);
  for (const f of odd) warnings.push(`Pixel Data (7FE0,0010): fragment ${fragments.indexOf(f) + 1} has an odd length (${f.length}); read with a padding byte`);

  const first = table.at + 8 + table.length;
  const stored = fragments.map((f) => f.at - first);
  const entries = table.length % 4 === 0 ? Array.from({ length: table.length / 4 }, (_, k) => view.getUint32(table.at + 8 + k * 4, true)) : undefined;
  const fits = entries !== undefined && entries.every((e, k) => stored.includes(e) && (k === 0 ? e === 0 : e > entries[k - 1]!));
  if (table.length > 0 && !fits) warnings.push(`Pixel Data (7FE0,0010): the Basic Offset Table (${table.length} bytes) does not give the offsets of its fragments; ignored, frames located by their fragments`);
  if (odd.length === 0 && (fits || table.length === 0)) return { bytes, warnings };

  // Rewritten: the table (kept only when right, with padded offsets), then the fragments, padded.
  const padded: number[] = [];
  let position = 0;
  for (const f of fragments) {
    padded.push(position);
    position += 8 + f.length + (f.length % 2);
  }
  const newTable = fits ? entries.map((e) => padded[stored.indexOf(e)]!) : [];
  const out = new Uint8Array(bytes.length + odd.length - table.length + newTable.length * 4);
  out.set(bytes.subarray(0, table.at));
  const outView = new DataView(out.buffer);
  let at = table.at;
  outView.setUint16(at, 0xfffe, true);
  outView.setUint16(at + 2, ITEM, true);
  outView.setUint32(at + 4, newTable.length * 4, true);
  newTable.forEach((e, k) => outView.setUint32(at + 8 + k * 4, e, true));
  at += 8 + newTable.length * 4;
  for (const f of fragments) {
    const size = f.length + (f.length % 2);
    out.set(bytes.subarray(f.at, f.at + 8 + f.length), at);
    outView.setUint32(at + 4, size, true);
    at += 8 + size;
  }
  out.set(bytes.subarray(end), at);
  return { bytes: out, warnings };
}
