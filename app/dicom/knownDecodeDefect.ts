import { isNativeSyntax, JPEGBaseline8Bit, JPEGExtended12Bit, RLELossless } from './transferSyntax';

/** What decides whether a frame can be shown reliably (PS3.3 C.7.6.3 Image Pixel Module, PS3.5 A.4). */
export interface DecodeTraits {
  TransferSyntaxUID: string;
  PhotometricInterpretation?: string;
  SamplesPerPixel?: number;
  BitsAllocated?: number;
  BitsStored?: number;
  /** Component identifiers of the JPEG frame header (jpegComponentIds), when the frame's bytes are at hand. */
  JpegComponentIds?: readonly number[];
}

/** 'R', 'G', 'B': component identifiers the decoder takes as untransformed RGB (T.81 B.2.2). */
const RGB_IDS = [0x52, 0x47, 0x42];

/** Codes of the decode defects the viewer refuses to display (found by the pixel exactness check). */
export type DecodeDefect = 'JPEG_EXTENDED_12_BIT' | 'JPEG_BASELINE_RGB' | 'YBR_FULL_422_NATIVE' | 'RLE_COLOUR_OVER_8_BITS';

/**
 * Frames the decode path is known to get wrong, by syntax and pixel format: 12-bit JPEG extended
 * (JPEGExtended12Bit) decodes to wrong values; JPEG baseline (JPEGBaseline8Bit) whose
 * components are RGB, not colour-transformed (PhotometricInterpretation RGB, PS3.5 8.2.1), is
 * converted as if YCbCr or never finishes decoding unless its components are identified as 'R',
 * 'G', 'B' (unknown identifiers count as a defect); native YBR_FULL_422 decodes to wrong colours;
 * RLE colour above 8 bits per sample to wrong or no values. A wrong value on screen is worse than no
 * image: the viewer shows a message naming the defect instead. Undefined when the frame is fine.
 */
export function knownDecodeDefect(t: DecodeTraits): DecodeDefect | undefined {
  if (t.TransferSyntaxUID === JPEGExtended12Bit && (t.BitsStored ?? 8) > 8) return 'JPEG_EXTENDED_12_BIT';
  if (t.TransferSyntaxUID === JPEGBaseline8Bit && t.PhotometricInterpretation === 'RGB' && (t.SamplesPerPixel ?? 1) === 3) {
    const ids = t.JpegComponentIds;
    if (!ids || ids.length !== 3 || ids.some((id, k) => id !== RGB_IDS[k])) return 'JPEG_BASELINE_RGB';
  }
  if (isNativeSyntax(t.TransferSyntaxUID) && t.PhotometricInterpretation === 'YBR_FULL_422') return 'YBR_FULL_422_NATIVE';
  if (t.TransferSyntaxUID === RLELossless && (t.SamplesPerPixel ?? 1) > 1 && (t.BitsAllocated ?? 8) > 8) return 'RLE_COLOUR_OVER_8_BITS';
  return undefined;
}

/**
 * Whether the same frame transcoded to a native syntax by the PACS decodes right: true for every
 * defect of a compressed syntax; a native YBR_FULL_422 frame stays YBR_FULL_422 when transcoded.
 */
export function curedByNativeTranscoding(defect: DecodeDefect): boolean {
  return defect !== 'YBR_FULL_422_NATIVE';
}
