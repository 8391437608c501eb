import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jpegComponentIds } from '../../../app/dicom/jpegComponentIds';
import { parsePart10 } from '../../../app/dicom/parsePart10';

const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';

/** The first frame of a file's encapsulated pixel data (PS3.5 A.4), read with dcmjs through parsePart10. */
function firstFragment(name: string): Uint8Array {
  const parsed = parsePart10(readFileSync(`${PYDICOM}/${name}`));
  const first = (parsed.dataset.PixelData as ArrayBuffer[] | undefined)?.[0];
  if (!first) throw new Error(`${name}: no pixel data fragment`);
  return new Uint8Array(first);
}

describe('jpegComponentIds', () => {
  it("reads 'R', 'G', 'B' identifiers after an Adobe marker (dcmtk +cr)", () => {
    expect(jpegComponentIds(firstFragment('SC_rgb_dcmtk_+eb+cr.dcm'))).toEqual([82, 71, 66]);
  });
  it('reads numbered identifiers (GDCM, JFIF encoders)', () => {
    expect(jpegComponentIds(firstFragment('SC_rgb_jpeg_lossy_gdcm.dcm'))).toEqual([1, 2, 3]);
    expect(jpegComponentIds(firstFragment('SC_jpeg_no_color_transform.dcm'))).toEqual([0, 1, 2]);
    expect(jpegComponentIds(firstFragment('JPEG-lossy.dcm'))).toHaveLength(1);
  });
  it('gives undefined for bytes that are not a JPEG stream or end before the frame header', () => {
    expect(jpegComponentIds(new Uint8Array([0, 1, 2, 3]))).toBeUndefined();
    expect(jpegComponentIds(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]))).toBeUndefined();
    expect(jpegComponentIds(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02]))).toBeUndefined();
  });
});
