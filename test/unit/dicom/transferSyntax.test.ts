import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeTransferSyntax,
  ExplicitVRBigEndian,
  ImplicitVRLittleEndian,
  isNativeSyntax,
  TRANSFER_SYNTAXES,
  transferSyntax,
} from '../../../app/dicom/transferSyntax';
import * as registry from '../../../app/dicom/transferSyntax';

/** pydicom's own table of UIDs (pydicom/_uid_dict.py, from PS3.6 Table A-1): an independent source. */
const PYDICOM_UIDS = readFileSync('/usr/lib/python3/dist-packages/pydicom/_uid_dict.py', 'utf8');

describe('transfer-syntax registry (PS3.5 Annex A, PS3.6 Table A-1)', () => {
  it('lists each UID once, each exported under its PS3.6 keyword as pydicom records it (pydicom 2.3 predates HTJ2K)', () => {
    expect(new Set(TRANSFER_SYNTAXES.map((ts) => ts.UID)).size).toBe(TRANSFER_SYNTAXES.length);
    const exported = registry as unknown as Record<string, unknown>;
    for (const ts of TRANSFER_SYNTAXES) {
      const line = PYDICOM_UIDS.split('\n').find((l) => l.includes(`'${ts.UID}':`));
      if (!line && ts.UID.startsWith('1.2.840.10008.1.2.4.20')) continue;
      expect(line, ts.UID).toMatch(/'Transfer Syntax'/);
      const keyword = /'(\w+)'\),/.exec(line!)![1]!;
      expect(exported[keyword], `${ts.UID} ${keyword}`).toBe(ts.UID);
    }
  });

  it('knows which syntaxes are native, big endian, implicit, deflated, lossy', () => {
    const native = TRANSFER_SYNTAXES.filter((ts) => !ts.encapsulated).map((ts) => ts.UID).sort();
    expect(native).toEqual(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.1.99', '1.2.840.10008.1.2.2']);
    expect(TRANSFER_SYNTAXES.filter((ts) => !ts.littleEndian).map((ts) => ts.UID)).toEqual([ExplicitVRBigEndian]);
    expect(TRANSFER_SYNTAXES.filter((ts) => !ts.explicitVR).map((ts) => ts.UID)).toEqual([ImplicitVRLittleEndian]);
    expect(TRANSFER_SYNTAXES.filter((ts) => ts.deflated).map((ts) => ts.UID)).toEqual(['1.2.840.10008.1.2.1.99']);
    const lossy = TRANSFER_SYNTAXES.filter((ts) => ts.lossy).map((ts) => ts.UID);
    expect(lossy).toEqual(['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.81', '1.2.840.10008.1.2.4.91', '1.2.840.10008.1.2.4.93', '1.2.840.10008.1.2.4.203']);
    expect(isNativeSyntax('1.2.840.10008.1.2.4.50')).toBe(false);
    expect(isNativeSyntax('1.2.3')).toBe(false);
  });

  it('says which the image loader decodes: every case of dicom-image-loader that the renderer bundles a codec for', () => {
    const worker = readFileSync('node_modules/@cornerstonejs/dicom-image-loader/dist/esm/decodeImageFrameWorker.js', 'utf8');
    for (const ts of TRANSFER_SYNTAXES) expect(worker.includes(`case '${ts.UID}'`), ts.UID).toBe(ts.loaderDecodes);
  });

  it('names a syntax for people, and leaves an unknown UID as it is', () => {
    expect(describeTransferSyntax('1.2.840.10008.1.2.5')).toBe('RLE Lossless (1.2.840.10008.1.2.5)');
    expect(describeTransferSyntax('1.2.3.4')).toBe('1.2.3.4');
    expect(transferSyntax('1.2.840.10008.1.2.4.90')?.mediaType).toBe('image/jp2');
  });
});
