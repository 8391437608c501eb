import { inflateRawSync } from 'node:zlib';
import dicomParser from 'dicom-parser';

/** Transfer syntaxes whose Pixel Data is native (not encapsulated), PS3.5 A.1-A.5. */
export const NATIVE_SYNTAXES: ReadonlySet<string> = new Set([
  '1.2.840.10008.1.2',
  '1.2.840.10008.1.2.1',
  '1.2.840.10008.1.2.1.99',
  '1.2.840.10008.1.2.2',
]);

/** Explicit VR Big Endian (retired, PS3.5 A.3). */
export const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';
/** Deflated Explicit VR Little Endian (PS3.5 A.5). */
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';

/**
 * Parses a Part 10 byte array with dicom-parser (PS3.10 7.1), inflating a deflated
 * data set (PS3.5 A.5) with node:zlib. With `untilTag` the parse stops after the
 * header of that element, so a prefix of the file is enough.
 * @throws Error (dicom-parser throws strings; they are wrapped) for a file it cannot parse.
 */
export function parseWithDicomParser(bytes: Uint8Array, untilTag?: string): dicomParser.DataSet {
  try {
    return dicomParser.parseDicom(bytes, {
      ...(untilTag ? { untilTag } : {}),
      inflater: ((array: Uint8Array, position: number) => {
        const inflated = inflateRawSync(array.subarray(position));
        const out = new Uint8Array(position + inflated.length);
        out.set(array.subarray(0, position));
        out.set(inflated, position);
        return out;
      }) as unknown as (arr: Uint8Array, position: number) => void,
    });
  } catch (error) {
    if (error instanceof Error) throw error;
    const text = typeof error === 'string' ? error : (error as { exception?: string })?.exception ?? JSON.stringify(error);
    throw new Error(text);
  }
}
