import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFile, type FileUnderCheck } from './describeFile';

/**
 * The reference decode of a file: GDCM's `gdcmraw -P` (Debian libgdcm-tools) writes the stored pixel
 * values of every transfer syntax, JPEG 2000 included, little-endian. Returned per frame as modality
 * values (stored value, masked or sign-extended to BitsStored, times RescaleSlope plus
 * RescaleIntercept — PS3.3 C.7.6.3.1, C.11.1.1.2); colour frames as interleaved RGB. PALETTE COLOR
 * frames are first looked up in their palette by GDCM (`gdcmconv --apply-lut`: 8-bit RGB, the high
 * byte of 16-bit entries (checked), PS3.3 C.7.6.3.1.5-6), and compared as that RGB.
 */
export function referenceFrames(input: FileUnderCheck): Float64Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'garde-gdcmraw-'));
  try {
    let file = input;
    if (input.PhotometricInterpretation === 'PALETTE COLOR') {
      const rgb = join(dir, 'rgb.dcm');
      execFileSync('gdcmconv', ['--apply-lut', '-i', input.path, '-o', rgb], { stdio: 'pipe' });
      const converted = describeFile(rgb);
      if ('reason' in converted) throw new Error(`gdcmconv --apply-lut wrote an unreadable file: ${converted.reason}`);
      file = { ...converted, NumberOfFrames: input.NumberOfFrames };
    }
    const out = join(dir, 'pixels.raw');
    execFileSync('gdcmraw', ['-i', file.path, '-o', out, '-P'], { stdio: 'pipe' });
    const raw = readFileSync(out);
    const perFrame = file.Rows * file.Columns * file.SamplesPerPixel;
    const bytes = file.BitsAllocated / 8;
    const frames: Float64Array[] = [];
    for (let f = 0; f < file.NumberOfFrames; f++) {
      const stored = new Float64Array(perFrame);
      for (let i = 0; i < perFrame; i++) stored[i] = readStored(raw, (f * perFrame + i) * bytes, file);
      frames.push(file.SamplesPerPixel === 1 ? stored.map((v) => v * file.RescaleSlope + file.RescaleIntercept) : toRgb(stored, file));
    }
    return frames;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readStored(raw: Buffer, offset: number, file: FileUnderCheck): number {
  const bits = file.BitsAllocated;
  const unsigned = bits === 8 ? raw.readUInt8(offset) : bits === 16 ? raw.readUInt16LE(offset) : raw.readUInt32LE(offset);
  const shift = 32 - file.BitsStored;
  if (file.PixelRepresentation === 1) return ((unsigned << shift) >> shift);
  return file.BitsStored >= 32 ? unsigned : unsigned & ((1 << file.BitsStored) - 1);
}

/**
 * Interleaved RGB from planar or interleaved RGB, or from YBR_FULL / YBR_FULL_422 (PS3.3
 * C.7.6.3.1.2): GDCM writes the colour space the file declares, 4:2:2 expanded to one Y, Cb, Cr
 * triplet per pixel.
 */
function toRgb(stored: Float64Array, file: FileUnderCheck): Float64Array {
  const pixels = file.Rows * file.Columns;
  const at = (p: number, c: number) => (file.PlanarConfiguration === 1 ? stored[c * pixels + p]! : stored[p * 3 + c]!);
  const out = new Float64Array(pixels * 3);
  const ybr = file.PhotometricInterpretation.startsWith('YBR_FULL');
  for (let p = 0; p < pixels; p++) {
    const [a, b, c] = [at(p, 0), at(p, 1), at(p, 2)];
    const rgb = ybr ? [a + 1.402 * (c - 128), a - 0.344136 * (b - 128) - 0.714136 * (c - 128), a + 1.772 * (b - 128)] : [a, b, c];
    for (let k = 0; k < 3; k++) out[p * 3 + k] = ybr ? Math.min(255, Math.max(0, Math.round(rgb[k]!))) : rgb[k]!;
  }
  return out;
}
