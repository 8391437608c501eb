import { describe, expect, it } from 'vitest';
import { curedByNativeTranscoding, knownDecodeDefect } from '../../../app/dicom/knownDecodeDefect';

describe('knownDecodeDefect', () => {
  it('refuses 12-bit JPEG extended, accepts 8-bit JPEG extended and baseline', () => {
    expect(knownDecodeDefect({ TransferSyntaxUID: '1.2.840.10008.1.2.4.51', BitsStored: 12 })).toBe('JPEG_EXTENDED_12_BIT');
    expect(knownDecodeDefect({ TransferSyntaxUID: '1.2.840.10008.1.2.4.51', BitsStored: 8 })).toBeUndefined();
    expect(knownDecodeDefect({ TransferSyntaxUID: '1.2.840.10008.1.2.4.50', BitsStored: 8 })).toBeUndefined();
  });
  it('refuses JPEG baseline holding RGB components, accepts it holding YBR_FULL_422 or greyscale', () => {
    const rgb = { TransferSyntaxUID: '1.2.840.10008.1.2.4.50', PhotometricInterpretation: 'RGB', SamplesPerPixel: 3, BitsAllocated: 8 };
    expect(knownDecodeDefect(rgb)).toBe('JPEG_BASELINE_RGB');
    expect(knownDecodeDefect({ ...rgb, JpegComponentIds: [1, 2, 3] })).toBe('JPEG_BASELINE_RGB');
    expect(knownDecodeDefect({ ...rgb, JpegComponentIds: [0, 1, 2] })).toBe('JPEG_BASELINE_RGB');
    expect(knownDecodeDefect({ ...rgb, JpegComponentIds: [0x52, 0x47, 0x42] })).toBeUndefined();
    expect(knownDecodeDefect({ TransferSyntaxUID: '1.2.840.10008.1.2.4.50', PhotometricInterpretation: 'YBR_FULL_422', SamplesPerPixel: 3, BitsAllocated: 8 })).toBeUndefined();
    expect(knownDecodeDefect({ TransferSyntaxUID: '1.2.840.10008.1.2.4.50', PhotometricInterpretation: 'MONOCHROME2', SamplesPerPixel: 1, BitsAllocated: 8 })).toBeUndefined();
    expect(knownDecodeDefect({ TransferSyntaxUID: '1.2.840.10008.1.2.1', PhotometricInterpretation: 'RGB', SamplesPerPixel: 3, BitsAllocated: 8 })).toBeUndefined();
  });
  it('tells which defects a native transcoding by the PACS cures', () => {
    expect(curedByNativeTranscoding('JPEG_EXTENDED_12_BIT')).toBe(true);
    expect(curedByNativeTranscoding('JPEG_BASELINE_RGB')).toBe(true);
    expect(curedByNativeTranscoding('RLE_COLOUR_OVER_8_BITS')).toBe(true);
    expect(curedByNativeTranscoding('YBR_FULL_422_NATIVE')).toBe(false);
  });
  it('refuses native YBR_FULL_422 only', () => {
    expect(knownDecodeDefect({ TransferSyntaxUID: '1.2.840.10008.1.2.1', PhotometricInterpretation: 'YBR_FULL_422', SamplesPerPixel: 3 })).toBe('YBR_FULL_422_NATIVE');
    expect(knownDecodeDefect({ TransferSyntaxUID: '1.2.840.10008.1.2.4.50', PhotometricInterpretation: 'YBR_FULL_422', SamplesPerPixel: 3 })).toBeUndefined();
  });
  it('refuses RLE colour above 8 bits, accepts RLE greyscale 16 bits and colour 8 bits', () => {
    expect(knownDecodeDefect({ TransferSyntaxUID: '1.2.840.10008.1.2.5', SamplesPerPixel: 3, BitsAllocated: 16 })).toBe('RLE_COLOUR_OVER_8_BITS');
    expect(knownDecodeDefect({ TransferSyntaxUID: '1.2.840.10008.1.2.5', SamplesPerPixel: 1, BitsAllocated: 16 })).toBeUndefined();
    expect(knownDecodeDefect({ TransferSyntaxUID: '1.2.840.10008.1.2.5', SamplesPerPixel: 3, BitsAllocated: 8 })).toBeUndefined();
  });
  it('accepts the common CT/MR syntaxes', () => {
    for (const ts of ['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2', '1.2.840.10008.1.2.4.70', '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.90']) {
      expect(knownDecodeDefect({ TransferSyntaxUID: ts, PhotometricInterpretation: 'MONOCHROME2', SamplesPerPixel: 1, BitsAllocated: 16, BitsStored: 12 })).toBeUndefined();
    }
  });
});
