import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePart10 } from '../../../app/dicom/parsePart10';
import { repairPixelItems } from '../../../app/dicom/repairPixelItems';
import { OLD_ANGIOGRAPHY, OLD_ANGIOGRAPHY_UIDS, writeOldAngiography } from '../../fixtures/realFiles/oldAngiography';

/** GDCM's example of an old angiography system's output (Debian libgdcm3.0). */
const GDCM_XA = '/usr/share/doc/libgdcm3.0/examples/00191113.dcm';

/** Encapsulated Pixel Data items (PS3.5 A.4): a Basic Offset Table, fragments, a delimiter. */
function pixelItems(table: number[], fragments: number[][]): Uint8Array {
  const parts: number[] = [];
  const u32 = (v: number) => parts.push(v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24);
  const tag = (element: number, length: number) => {
    parts.push(0xfe, 0xff, element & 0xff, element >> 8);
    u32(length);
  };
  tag(0xe000, table.length * 4);
  table.forEach(u32);
  for (const f of fragments) {
    tag(0xe000, f.length);
    parts.push(...f);
  }
  tag(0xe0dd, 0);
  return new Uint8Array(parts);
}

describe('repairPixelItems (PS3.5 A.4, read as DCMTK and GDCM do)', () => {
  it('leaves right items as they are', () => {
    const bytes = pixelItems([0, 12], [[1, 2, 3, 4], [5, 6]]);
    expect(repairPixelItems(bytes, 0)).toEqual({ bytes, warnings: [] });
  });

  it('pads an odd-length fragment and moves the offsets that follow it', () => {
    const { bytes, warnings } = repairPixelItems(pixelItems([0, 11], [[1, 2, 3], [4, 5]]), 0);
    expect(bytes).toEqual(pixelItems([0, 12], [[1, 2, 3, 0], [4, 5]]));
    expect(warnings).toEqual(['Pixel Data (7FE0,0010): fragment 1 has an odd length (3); read with a padding byte']);
  });

  it('ignores a Basic Offset Table that gives no fragment offsets', () => {
    const { bytes, warnings } = repairPixelItems(pixelItems([0, 13, 27], [[1, 2], [3, 4]]), 0);
    expect(bytes).toEqual(pixelItems([], [[1, 2], [3, 4]]));
    expect(warnings).toEqual([expect.stringMatching(/Basic Offset Table \(12 bytes\) does not give the offsets of its fragments; ignored/)]);
  });

  it('leaves items it cannot follow to the structure check', () => {
    const bytes = pixelItems([0], [[1, 2, 3]]).subarray(0, 16);
    expect(repairPixelItems(bytes, 0)).toEqual({ bytes, warnings: [] });
  });
});

describe('parsePart10 on an old angiography system output', () => {
  let dir: string;
  let paths: { defective: string; source: string };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'garde-old-xa-'));
    paths = writeOldAngiography(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file with the defects listed, the UIDs cleaned and every fragment whole', () => {
    const parsed = parsePart10(readFileSync(paths.defective));
    expect(parsed.warnings).toEqual([
      expect.stringMatching(/^Pixel Data \(7FE0,0010\): fragment 4 has an odd length \(\d*[13579]\)/),
      expect.stringMatching(/^Pixel Data \(7FE0,0010\): the Basic Offset Table \(16 bytes\) does not give the offsets/),
      '(0002,0003) MediaStorageSOPInstanceUID: space characters removed from the UID',
      '(0008,0018) SOPInstanceUID: space characters removed from the UID',
      '(0020,000D) StudyInstanceUID: space characters removed from the UID',
      '(0020,000D) StudyInstanceUID: a UID component has a leading zero',
      '(0020,000E) SeriesInstanceUID: space characters removed from the UID',
      '(0020,000E) SeriesInstanceUID: a UID component has a leading zero',
    ]);
    expect(parsed.dataset).toMatchObject({ ...OLD_ANGIOGRAPHY_UIDS, NumberOfFrames: OLD_ANGIOGRAPHY.NumberOfFrames, Modality: 'XA' });
    const fragments = parsed.dataset.PixelData as ArrayBuffer[];
    expect(fragments).toHaveLength(OLD_ANGIOGRAPHY.NumberOfFrames);
    for (const f of fragments) expect([...new Uint8Array(f, 0, 2)]).toEqual([0xff, 0xd8]);
  });

  it('reads the source, whose only defect is the leading zeros of its UIDs, with those warnings alone', () => {
    expect(parsePart10(readFileSync(paths.source)).warnings).toEqual([
      '(0020,000D) StudyInstanceUID: a UID component has a leading zero',
      '(0020,000E) SeriesInstanceUID: a UID component has a leading zero',
    ]);
  });

  it.runIf(existsSync(GDCM_XA))('reads GDCM’s real example of such a file with the same defects listed', () => {
    const parsed = parsePart10(readFileSync(GDCM_XA));
    expect(parsed.TransferSyntaxUID).toBe('1.2.840.10008.1.2.4.70');
    expect(parsed.dataset.SOPInstanceUID).toBe('999.999.2.19960619.163000.1.103');
    expect(parsed.warnings.filter((w) => w.startsWith('Pixel Data'))).toHaveLength(2);
    expect(parsed.warnings.filter((w) => w.includes('space characters removed'))).toHaveLength(4);
  });
});
