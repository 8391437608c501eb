import dicomParser from 'dicom-parser';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../../app/dicomweb/negotiateTransferSyntax';
import { EXPLICIT_VR_BIG_ENDIAN, NATIVE_SYNTAXES, parseWithDicomParser } from './parseWithDicomParser';

/** The frames of one instance's Pixel Data, ready to send with WADO-RS. */
export interface PixelFrames {
  /** Syntax of the bytes {@link frame} returns: Explicit VR Little Endian for native data, else the stored one. */
  transferSyntaxUID: string;
  encapsulated: boolean;
  numberOfFrames: number;
  /** Bytes of frame `n` (1-based, PS3.18 10.4.1.1.4). @throws RangeError outside 1..numberOfFrames. */
  frame(n: number): Uint8Array;
}

/** A file without usable Pixel Data. */
export class NoPixelDataError extends Error {
  override readonly name = 'NoPixelDataError';
}

/**
 * Splits the Pixel Data (7FE0,0010) of a Part 10 file into frames (PS3.5 8.1 native,
 * 8.2 and A.4 encapsulated):
 * - native data is cut in frames of Rows x Columns x SamplesPerPixel x BitsAllocated bits
 *   and returned little endian: big-endian files are byte-swapped per word
 *   (PS3.18 8.7.3.3.2), deflated ones inflated;
 * - encapsulated data is returned as stored: the fragments of each frame, found with the
 *   Basic Offset Table, one fragment per frame, or frame start markers (JPEG SOI, JPEG 2000 SOC).
 * @throws NoPixelDataError when the file has no Pixel Data or it is shorter than declared.
 */
export function extractFrames(bytes: Uint8Array): PixelFrames {
  const dataSet = parseWithDicomParser(bytes);
  const element = dataSet.elements.x7fe00010;
  if (!element) throw new NoPixelDataError('no Pixel Data (7FE0,0010)');
  const syntax = dataSet.string('x00020010')?.trim() ?? EXPLICIT_VR_LITTLE_ENDIAN;
  const numberOfFrames = Math.max(1, Number.parseInt(dataSet.string('x00280008') ?? '1', 10) || 1);
  if (NATIVE_SYNTAXES.has(syntax) && !element.encapsulatedPixelData) return nativeFrames(dataSet, element, syntax, numberOfFrames);
  const fragments = element.fragments ?? [];
  const bot = element.basicOffsetTable ?? [];
  let starts: number[];
  if (numberOfFrames === 1) starts = [0];
  else if (bot.length === numberOfFrames) starts = bot.map((offset) => fragments.findIndex((f) => f.offset === offset));
  else if (fragments.length === numberOfFrames) starts = fragments.map((_, i) => i);
  else starts = fragmentsStartingFrames(dataSet.byteArray, fragments);
  if (starts.length !== numberOfFrames || starts.some((s) => s < 0)) {
    throw new NoPixelDataError(`cannot locate ${numberOfFrames} frames in ${fragments.length} fragments`);
  }
  return {
    transferSyntaxUID: syntax,
    encapsulated: true,
    numberOfFrames,
    frame(n) {
      checkFrame(n, numberOfFrames);
      const start = starts[n - 1]!;
      const end = n < numberOfFrames ? starts[n]! : fragments.length;
      return Uint8Array.from(dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, element, start, end - start));
    },
  };
}

function nativeFrames(dataSet: dicomParser.DataSet, element: dicomParser.Element, syntax: string, numberOfFrames: number): PixelFrames {
  const rows = dataSet.uint16('x00280010') ?? 0;
  const columns = dataSet.uint16('x00280011') ?? 0;
  // YBR_FULL_422 native data keeps two samples per pixel (Y for each, Cb and Cr shared by pairs):
  // PS3.3 C.7.6.3.1.2, PS3.5 8.2.1.
  const photometric = dataSet.string('x00280004')?.trim();
  const samples = photometric === 'YBR_FULL_422' ? 2 : (dataSet.uint16('x00280002') ?? 1);
  const bitsAllocated = dataSet.uint16('x00280100') ?? 16;
  const frameBits = rows * columns * samples * bitsAllocated;
  if (frameBits === 0) throw new NoPixelDataError('Rows, Columns or Bits Allocated missing or zero');
  const available = Math.min(element.length, dataSet.byteArray.length - element.dataOffset);
  if (Math.ceil((frameBits * numberOfFrames) / 8) > available) {
    throw new NoPixelDataError(`Pixel Data holds ${available} bytes, ${numberOfFrames} frame(s) need ${Math.ceil((frameBits * numberOfFrames) / 8)}`);
  }
  const data = dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + available);
  const swap = syntax === EXPLICIT_VR_BIG_ENDIAN && bitsAllocated > 8 ? bitsAllocated / 8 : 1;
  return {
    transferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    encapsulated: false,
    numberOfFrames,
    frame(n) {
      checkFrame(n, numberOfFrames);
      const bitStart = (n - 1) * frameBits;
      const frame = bitStart % 8 === 0 ? Uint8Array.from(data.subarray(bitStart / 8, bitStart / 8 + Math.ceil(frameBits / 8))) : unalignedBits(data, bitStart, frameBits);
      if (swap > 1) swapBytes(frame, swap);
      return frame;
    },
  };
}

function checkFrame(n: number, count: number): void {
  if (!Number.isInteger(n) || n < 1 || n > count) throw new RangeError(`frame ${n} does not exist (the instance has ${count})`);
}

/** Reverses the bytes of each word of `size` bytes, in place. */
export function swapBytes(bytes: Uint8Array, size: number): void {
  for (let i = 0; i + size <= bytes.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = bytes[a]!;
      bytes[a] = bytes[b]!;
      bytes[b] = t;
    }
  }
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

/** Indexes of fragments that begin a frame: a JPEG SOI (FFD8) or a JPEG 2000 SOC (FF4F) marker. */
function fragmentsStartingFrames(bytes: Uint8Array, fragments: readonly dicomParser.Fragment[]): number[] {
  const starts: number[] = [];
  fragments.forEach((fragment, index) => {
    const a = bytes[fragment.position];
    const b = bytes[fragment.position + 1];
    if (a === 0xff && (b === 0xd8 || b === 0x4f)) starts.push(index);
  });
  return starts;
}
