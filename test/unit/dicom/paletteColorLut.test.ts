import { describe, expect, it } from 'vitest';
import { isPaletteChannel, paletteDisplayValues, readPaletteChannel } from '../../../app/dicom/paletteColorLut';

const words = (...values: number[]) => new Uint8Array(Uint16Array.from(values).buffer);

describe('readPaletteChannel (PS3.3 C.7.6.3.1.5-6)', () => {
  it('reads 16-bit entries and shows their high byte', () => {
    const channel = readPaletteChannel([3, 0, 16], words(0x00ff, 0x8040, 0xffff));
    expect(channel).toEqual({ entries: 3, firstMapped: 0, bits: 16, values: [0x00ff, 0x8040, 0xffff] });
    expect(paletteDisplayValues(channel as never)).toEqual([0, 0x80, 0xff]);
  });

  it('reads 8-bit entries packed one per byte, and one per word when the data is twice as long', () => {
    expect(readPaletteChannel([4, 16, 8], new Uint8Array([1, 2, 3, 4]))).toEqual({ entries: 4, firstMapped: 16, bits: 8, values: [1, 2, 3, 4] });
    expect(readPaletteChannel([2, 0, 8], words(7, 9))).toMatchObject({ values: [7, 9] });
  });

  it('takes a descriptor count of 0 as 65536 entries', () => {
    expect(readPaletteChannel([0, 0, 16], new Uint8Array(131072))).toMatchObject({ entries: 65536 });
  });

  it('names what makes a channel unusable', () => {
    const problem = (d: number[] | undefined, data: Uint8Array) => {
      const c = readPaletteChannel(d, data);
      return isPaletteChannel(c) ? undefined : c.problem;
    };
    expect(problem(undefined, words(1))).toMatch(/Descriptor is missing/);
    expect(problem([256, 0, 12], words(1))).toMatch(/12 bits/);
    expect(problem([256, 0, 16], words(1, 2))).toBe('its data holds 2 of 256 entries');
  });
});
