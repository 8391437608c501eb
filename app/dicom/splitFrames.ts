import dicomParser from 'dicom-parser';
import { parseWithDicomParser, type InflateRaw } from './parseWithDicomParser';
import { ExplicitVRLittleEndian, ImplicitVRLittleEndian, transferSyntax } from './transferSyntax';

/** The frames of one Part 10 instance, as WADO-RS Retrieve Frames sends them (PS3.18 10.4.1.1.4, 8.7.3.3). */
export interface Part10Frames {
  /** SOP Instance UID of the data set (else of the File Meta Information); '' when neither has one. */
  SOPInstanceUID: string;
  /** Transfer syntax of the file (File Meta Information, PS3.10 7.1). */
  StoredTransferSyntaxUID: string;
  /** Transfer syntax of the bytes {@link frame} returns: Explicit VR Little Endian for native data, else the stored one. */
  TransferSyntaxUID: string;
  encapsulated: boolean;
  NumberOfFrames: number;
  /** The pixel description (Image Pixel Module, PS3.3 C.7.6.3) the decode depends on. */
  pixel: { PhotometricInterpretation?: string; SamplesPerPixel?: number; BitsAllocated?: number; BitsStored?: number };
  /**
   * Bytes of frame `n` (1-based, PS3.18 10.4.1.1.4): a view of the input where no conversion is
   * needed (the caller's bytes are the instance's own), a copy otherwise.
   * @throws RangeError outside 1..NumberOfFrames
   */
  frame(n: number): Uint8Array;
  /** Every frame, frame 1 first. */
  frames(): Uint8Array[];
}

/** Why an instance's Pixel Data cannot be cut into frames; `code` says which case. */
export class FrameSplitError extends Error {
  override readonly name = 'FrameSplitError';
  constructor(
    readonly code: 'UNREADABLE' | 'NO_PIXEL_DATA' | 'PIXEL_DATA_SHORT' | 'FRAMES_NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

/** What {@link splitFrames} takes besides the bytes. */
export interface SplitFramesOptions {
  /** Inflater for Deflated Explicit VR Little Endian files (PS3.5 A.5); without it they are refused. */
  inflateRaw?: InflateRaw;
}

/**
 * Cuts the Pixel Data (7FE0,0010) of a Part 10 file into frames, whatever its transfer syntax:
 * - native data (PS3.5 8.1.1) in frames of Rows x Columns x SamplesPerPixel x BitsAllocated bits
 *   (two samples per pixel for YBR_FULL_422, PS3.3 C.7.6.3.1.2; 1-bit frames repacked from bit 0),
 *   returned as Explicit VR Little Endian: big-endian OW data (PS3.5 A.3, 7.3) byte-swapped per
 *   16-bit word as dcmtk and GDCM do (OB data is bytes and stays), deflated data sets (PS3.5 A.5)
 *   inflated first;
 * - encapsulated data (PS3.5 A.4) as stored, each frame the concatenation of its fragments, found
 *   with the Basic Offset Table, else the Extended Offset Table (7FE0,0001), else one fragment per
 *   frame, else all fragments for a single frame, else fragments that open with a JPEG SOI (FFD8) or
 *   JPEG 2000 SOC (FF4F) marker.
 * @throws FrameSplitError for an unreadable file, no Pixel Data, Pixel Data shorter than its frames,
 *   or encapsulated frames it cannot locate.
 */
export function splitFrames(bytes: Uint8Array, options: SplitFramesOptions = {}): Part10Frames {
  let dataSet: dicomParser.DataSet;
  try {
    dataSet = parseWithDicomParser(bytes, options.inflateRaw ? { inflateRaw: options.inflateRaw } : {});
  } catch (error) {
    throw new FrameSplitError('UNREADABLE', `not readable as DICOM Part 10: ${(error as Error).message}`);
  }
  const element = dataSet.elements.x7fe00010;
  if (!element) throw new FrameSplitError('NO_PIXEL_DATA', 'no Pixel Data (7FE0,0010)');
  const StoredTransferSyntaxUID = text(dataSet, 'x00020010') ?? ImplicitVRLittleEndian;
  const NumberOfFrames = Math.max(1, Number.parseInt(text(dataSet, 'x00280008') ?? '1', 10) || 1);
  const known = transferSyntax(StoredTransferSyntaxUID);
  const encapsulated = element.encapsulatedPixelData === true || known?.encapsulated !== false;
  const head = {
    SOPInstanceUID: text(dataSet, 'x00080018') ?? text(dataSet, 'x00020003') ?? '',
    StoredTransferSyntaxUID,
    NumberOfFrames,
    pixel: {
      PhotometricInterpretation: text(dataSet, 'x00280004'),
      SamplesPerPixel: dataSet.uint16('x00280002'),
      BitsAllocated: dataSet.uint16('x00280100'),
      BitsStored: dataSet.uint16('x00280101'),
    },
  };
  const frame = encapsulated ? encapsulatedFrames(dataSet, element, NumberOfFrames) : nativeFrames(dataSet, element, known?.littleEndian === false, NumberOfFrames);
  const checked = (n: number): Uint8Array => {
    if (!Number.isInteger(n) || n < 1 || n > NumberOfFrames) throw new RangeError(`frame ${n} does not exist (the instance has ${NumberOfFrames})`);
    return frame(n);
  };
  return {
    ...head,
    TransferSyntaxUID: encapsulated ? StoredTransferSyntaxUID : ExplicitVRLittleEndian,
    encapsulated,
    frame: checked,
    frames: () => Array.from({ length: NumberOfFrames }, (_, i) => checked(i + 1)),
  };
}

function text(dataSet: dicomParser.DataSet, tag: string): string | undefined {
  const value = dataSet.string(tag)?.replace(/[\0 ]+$/, '').trim();
  return value === '' ? undefined : value;
}

function nativeFrames(dataSet: dicomParser.DataSet, element: dicomParser.Element, bigEndian: boolean, count: number): (n: number) => Uint8Array {
  const rows = dataSet.uint16('x00280010') ?? 0;
  const columns = dataSet.uint16('x00280011') ?? 0;
  const samples = text(dataSet, 'x00280004') === 'YBR_FULL_422' ? 2 : (dataSet.uint16('x00280002') ?? 1);
  const bitsAllocated = dataSet.uint16('x00280100') ?? 16;
  const frameBits = rows * columns * samples * bitsAllocated;
  if (frameBits === 0) throw new FrameSplitError('NO_PIXEL_DATA', 'Rows, Columns or Bits Allocated missing or zero');
  const byteArray = dataSet.byteArray as Uint8Array;
  const available = Math.min(element.length, byteArray.length - element.dataOffset);
  const needed = Math.ceil((frameBits * count) / 8);
  if (needed > available) throw new FrameSplitError('PIXEL_DATA_SHORT', `Pixel Data holds ${available} bytes, ${count} frame(s) need ${needed}`);
  const data = byteArray.subarray(element.dataOffset, element.dataOffset + available);
  let little: Uint8Array | undefined;
  const swapped = (): Uint8Array => (little ??= swapBytes(Uint8Array.from(data.subarray(0, data.length - (data.length % 2))), 2));
  // OW values are 16-bit words in the syntax's byte order (PS3.5 7.3); OB values are bytes.
  const swap = bigEndian && (element.vr ?? (bitsAllocated > 8 ? 'OW' : 'OB')) === 'OW';
  return (n) => {
    const bitStart = (n - 1) * frameBits;
    const source = swap ? swapped() : data;
    if (bitStart % 8 !== 0) return unalignedBits(source, bitStart, frameBits);
    const frame = source.subarray(bitStart / 8, bitStart / 8 + Math.ceil(frameBits / 8));
    return frame;
  };
}

/** Reverses the bytes of each word of `size` bytes, in place (big to little endian, PS3.5 7.3). */
export function swapBytes(bytes: Uint8Array, size: number): Uint8Array {
  for (let i = 0; i + size <= bytes.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = bytes[a]!;
      bytes[a] = bytes[b]!;
      bytes[b] = t;
    }
  }
  return bytes;
}

/** Bits [start, start + count) of a 1-bit packed array (PS3.5 8.1.1, least significant bit first), repacked from bit 0. */
function unalignedBits(data: Uint8Array, start: number, count: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(count / 8));
  for (let i = 0; i < count; i++) {
    const bit = start + i;
    if ((data[bit >> 3]! >> (bit & 7)) & 1) out[i >> 3] = out[i >> 3]! | (1 << (i & 7));
  }
  return out;
}

function encapsulatedFrames(dataSet: dicomParser.DataSet, element: dicomParser.Element, count: number): (n: number) => Uint8Array {
  const fragments = element.fragments ?? [];
  if (fragments.length === 0) throw new FrameSplitError('FRAMES_NOT_FOUND', 'encapsulated Pixel Data without fragments');
  const starts = firstFragments(dataSet, element, fragments, count);
  if (starts.length !== count || starts.some((s, i) => s < 0 || (i > 0 && s <= starts[i - 1]!))) {
    throw new FrameSplitError('FRAMES_NOT_FOUND', `cannot locate ${count} frames in ${fragments.length} fragments (no usable offset table, PS3.5 A.4)`);
  }
  return (n) => {
    const start = starts[n - 1]!;
    const end = n < count ? starts[n]! : fragments.length;
    return dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, element, start, end - start) as Uint8Array;
  };
}

/** Index of the first fragment of each frame (PS3.5 A.4: Basic Offset Table, Extended Offset Table, or inferred). */
function firstFragments(dataSet: dicomParser.DataSet, element: dicomParser.Element, fragments: readonly dicomParser.Fragment[], count: number): number[] {
  if (count === 1) return [0];
  const byOffset = (offsets: readonly number[]): number[] => offsets.map((offset) => fragments.findIndex((f) => f.offset === offset));
  const bot = element.basicOffsetTable ?? [];
  if (bot.length === count) return byOffset(bot);
  const extended = extendedOffsets(dataSet);
  if (extended?.length === count) return byOffset(extended);
  if (fragments.length === count) return fragments.map((_, i) => i);
  const bytes = dataSet.byteArray;
  const starts: number[] = [];
  fragments.forEach((fragment, index) => {
    const a = bytes[fragment.position];
    const b = bytes[fragment.position + 1];
    if (a === 0xff && (b === 0xd8 || b === 0x4f)) starts.push(index);
  });
  return starts;
}

/** The Extended Offset Table (7FE0,0001, VR OV: 64-bit little-endian offsets, PS3.5 A.4), when present. */
function extendedOffsets(dataSet: dicomParser.DataSet): number[] | undefined {
  const table = dataSet.elements.x7fe00001;
  if (!table || table.length % 8 !== 0) return undefined;
  const view = new DataView(dataSet.byteArray.buffer, dataSet.byteArray.byteOffset + table.dataOffset, table.length);
  return Array.from({ length: table.length / 8 }, (_, i) => Number(view.getBigUint64(i * 8, true)));
}
