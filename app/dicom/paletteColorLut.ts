/** One channel's Palette Color Lookup Table (PS3.3 C.7.6.3.1.5, C.7.6.3.1.6). */
export interface PaletteChannel {
  /** Number of entries (a descriptor's 0 means 65536). */
  entries: number;
  /** First stored pixel value mapped. */
  firstMapped: number;
  /** Bits of each entry: 8 or 16. */
  bits: number;
  /** The entries, as stored. */
  values: number[];
}

/** The red, green and blue channels of a palette, in that order. */
export const PALETTE_CHANNELS = ['Red', 'Green', 'Blue'] as const;

/** Tags of a channel's descriptor, data and segmented data (PS3.6: (0028,1101-1103), (0028,1201-1203), (0028,1221-1223)). */
export const PALETTE_TAGS: Record<(typeof PALETTE_CHANNELS)[number], { descriptor: string; data: string; segmented: string }> = {
  Red: { descriptor: '00281101', data: '00281201', segmented: '00281221' },
  Green: { descriptor: '00281102', data: '00281202', segmented: '00281222' },
  Blue: { descriptor: '00281103', data: '00281203', segmented: '00281223' },
};

/**
 * Reads one channel of a palette from its descriptor (entries, first mapped value, bits per entry)
 * and its Lookup Table Data bytes as stored little-endian (OW): 16-bit entries are words; 8-bit
 * entries are packed one per byte ("equivalent to 8 bits allocated", PS3.3 C.7.6.3.1.6), and a
 * 16-bit word per 8-bit entry (written by some devices) is accepted when the data is twice as long.
 * @returns the channel, or the reason it cannot be used.
 */
export function readPaletteChannel(descriptor: readonly number[] | undefined, data: Uint8Array): PaletteChannel | { problem: string } {
  if (!descriptor || descriptor.length < 3 || descriptor.some((n) => !Number.isInteger(n))) return { problem: 'its Lookup Table Descriptor is missing or malformed' };
  const entries = descriptor[0] === 0 ? 65536 : descriptor[0]!;
  const [, firstMapped, bits] = descriptor as [number, number, number];
  if (bits !== 8 && bits !== 16) return { problem: `its entries have ${bits} bits (8 or 16 allowed)` };
  const words = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let values: number[];
  if (bits === 16 || data.length === entries * 2) {
    if (data.length < entries * 2) return { problem: `its data holds ${Math.floor(data.length / 2)} of ${entries} entries` };
    values = Array.from({ length: entries }, (_, i) => words.getUint16(i * 2, true));
    if (bits === 8) values = values.map((v) => v & 0xff);
  } else {
    if (data.length < entries) return { problem: `its data holds ${data.length} of ${entries} entries` };
    values = Array.from(data.subarray(0, entries));
  }
  return { entries, firstMapped, bits, values };
}

/** Whether a channel read with {@link readPaletteChannel} is usable. */
export function isPaletteChannel(channel: PaletteChannel | { problem: string }): channel is PaletteChannel {
  return !('problem' in channel);
}

/**
 * The displayed 8-bit value of each palette entry: 16-bit entries keep their high byte (the
 * rendering of DCMTK and GDCM); 8-bit entries are used as they are.
 */
export function paletteDisplayValues(channel: PaletteChannel): number[] {
  return channel.bits === 16 ? channel.values.map((v) => v >> 8) : channel.values.slice();
}
