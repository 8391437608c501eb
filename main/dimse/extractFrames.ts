import { dicomParser } from './dcmjsDimse';

/** Transfer syntaxes whose pixel data is native (not encapsulated), PS3.5 A.1-A.3. */
const NATIVE = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2', '1.2.840.10008.1.2.1.99']);

/** Frames of one instance as stored. */
export interface ExtractedFrames {
  transferSyntaxUid: string;
  numberOfFrames: number;
  /** Whether frames are encapsulated (compressed) bit streams. */
  encapsulated: boolean;
  /** Returns frame `n` (1-based) or undefined when it does not exist. */
  frame(n: number): Uint8Array | undefined;
}

/**
 * Reads the frames of a Part 10 file (PS3.5 8.2 native, A.4 encapsulated) with dicom-parser:
 * native frames are byte slices of Pixel Data (Rows x Columns x Samples x BitsAllocated/8 each,
 * bit-packed for BitsAllocated 1); encapsulated frames are their fragments, located with the Basic
 * Offset Table, one fragment per frame, or the JPEG marker scan of dicom-parser.
 * @throws Error when the file has no pixel data
 */
export function extractFrames(part10: Uint8Array): ExtractedFrames {
  const dataSet = dicomParser.parseDicom(part10);
  const pixel = dataSet.elements.x7fe00010;
  if (!pixel) throw new Error('the instance has no Pixel Data');
  const transferSyntaxUid = (dataSet.string('x00020010') ?? '1.2.840.10008.1.2').replace(/[\0 ]+$/, '');
  const numberOfFrames = Number(dataSet.string('x00280008') ?? '1') || 1;
  const encapsulated = pixel.encapsulatedPixelData === true || !NATIVE.has(transferSyntaxUid);
  if (!encapsulated) {
    const rows = dataSet.uint16('x00280010') ?? 0;
    const columns = dataSet.uint16('x00280011') ?? 0;
    // Native YBR_FULL_422 keeps two samples per pixel (PS3.3 C.7.6.3.1.2, PS3.5 8.2.1).
    const samples = dataSet.string('x00280004')?.trim() === 'YBR_FULL_422' ? 2 : (dataSet.uint16('x00280002') ?? 1);
    const bits = dataSet.uint16('x00280100') ?? 16;
    const frameBytes = bits === 1 ? Math.ceil((rows * columns * samples) / 8) : (rows * columns * samples * bits) / 8;
    return {
      transferSyntaxUid,
      numberOfFrames,
      encapsulated,
      frame(n) {
        if (n < 1 || n > numberOfFrames) return undefined;
        const start = pixel.dataOffset + (n - 1) * frameBytes;
        if (bits === 1 && numberOfFrames > 1 && ((n - 1) * rows * columns * samples) % 8 !== 0) return undefined;
        return part10.subarray(start, Math.min(start + frameBytes, pixel.dataOffset + pixel.length));
      },
    };
  }
  const fragments = pixel.fragments ?? [];
  const table = pixel.basicOffsetTable ?? [];
  let offsets: number[] | undefined = table.length > 0 ? table : undefined;
  if (!offsets && numberOfFrames > 1 && fragments.length !== numberOfFrames) offsets = dicomParser.createJPEGBasicOffsetTable(dataSet, pixel);
  return {
    transferSyntaxUid,
    numberOfFrames,
    encapsulated,
    frame(n) {
      if (n < 1 || n > numberOfFrames) return undefined;
      if (numberOfFrames === 1) return dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, pixel, 0, fragments.length) as Uint8Array;
      if (!offsets) return dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, pixel, n - 1, 1) as Uint8Array;
      return dicomParser.readEncapsulatedImageFrame(dataSet, pixel, n - 1, offsets) as Uint8Array;
    },
  };
}
