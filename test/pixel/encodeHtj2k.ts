import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import dcmjs from 'dcmjs';

/** HTJ2K Lossless (PS3.5 A.4.11, PS3.6 Table A-1). */
export const HTJ2K_LOSSLESS = '1.2.840.10008.1.2.4.201';

/** The OpenJPH encoder of @cornerstonejs/codec-openjph (the WebAssembly build the viewer decodes with). */
interface OpenJph {
  HTJ2KEncoder: new () => {
    getDecodedBuffer(frameInfo: { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned: boolean; isUsingColorTransform: boolean }): Uint8Array;
    setQuality(lossless: boolean, quantizationStep: number): void;
    encode(): void;
    getEncodedBuffer(): Uint8Array;
  };
}

let openJph: Promise<OpenJph> | undefined;

function loadOpenJph(): Promise<OpenJph> {
  const require = createRequire(import.meta.url);
  const factory = require('@cornerstonejs/codec-openjph') as () => Promise<OpenJph>;
  openJph ??= factory();
  return openJph;
}

/**
 * Transcodes a native greyscale file (Explicit VR Little Endian, 16 bits allocated) to HTJ2K
 * Lossless with OpenJPH, one fragment a frame (PS3.5 A.4): no reference decoder of this machine
 * reads HTJ2K (GDCM 3.0 and dcmtk 3.6.7 predate it), so the check compares its decode with the
 * source file's, which is the same image.
 */
export async function transcodeToHtj2k(source: string, target: string): Promise<void> {
  const jph = await loadOpenJph();
  const bytes = readFileSync(source);
  const dict = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const dataset = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.dict) as Record<string, unknown>;
  const { Rows, Columns, BitsAllocated, PixelRepresentation, SamplesPerPixel } = dataset as { Rows: number; Columns: number; BitsAllocated: number; PixelRepresentation: number; SamplesPerPixel: number };
  if (SamplesPerPixel !== 1 || BitsAllocated !== 16) throw new Error(`${source}: HTJ2K test files are made from 16-bit greyscale images`);
  const pixels = new Uint8Array((dataset.PixelData as ArrayBuffer[])[0]!);
  const frameBytes = Rows * Columns * 2;
  const frames: ArrayBuffer[] = [];
  for (let offset = 0; offset + frameBytes <= pixels.length; offset += frameBytes) {
    const encoder = new jph.HTJ2KEncoder();
    const input = encoder.getDecodedBuffer({ width: Columns, height: Rows, bitsPerSample: 16, componentCount: 1, isSigned: PixelRepresentation === 1, isUsingColorTransform: false });
    input.set(pixels.subarray(offset, offset + frameBytes));
    encoder.setQuality(true, 0);
    encoder.encode();
    frames.push(encoder.getEncodedBuffer().slice().buffer);
  }
  const meta = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.meta) as Record<string, unknown>;
  const out = new dcmjs.data.DicomDict(dcmjs.data.DicomMetaDictionary.denaturalizeDataset({ ...meta, TransferSyntaxUID: HTJ2K_LOSSLESS }));
  out.dict = dcmjs.data.DicomMetaDictionary.denaturalizeDataset({ ...dataset, PixelData: frames, _vrMap: { PixelData: 'OB' } });
  writeFileSync(target, new Uint8Array(out.write({ fragmentMultiframe: false })));
}
