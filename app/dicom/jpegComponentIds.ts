/** Start of frame markers (ITU-T T.81 B.1.1.3, Table B.1): SOF0–3, 5–7, 9–11, 13–15. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * The component identifiers (Ci) of a JPEG frame header (ITU-T T.81 B.2.2), read from the markers
 * before the first scan: e.g. `[82, 71, 66]` ('R', 'G', 'B') or `[1, 2, 3]`. A decoder without an
 * Adobe or JFIF marker to go by decides from them whether the components are RGB or YCbCr.
 * @returns undefined when the bytes hold no frame header before the first scan.
 */
export function jpegComponentIds(bytes: Uint8Array): number[] | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 3 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte (T.81 B.1.1.2)
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return undefined;
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (SOF.has(marker)) {
      const components = bytes[i + 9];
      if (components === undefined || i + 10 + 3 * components > bytes.length) return undefined;
      return Array.from({ length: components }, (_, k) => bytes[i + 10 + 3 * k]!);
    }
    i += 2 + length;
  }
  return undefined;
}
