import dicomParser from 'dicom-parser';

/** Inflates raw DEFLATE data (RFC 1951), as a Deflated Explicit VR Little Endian data set is stored (PS3.5 A.5). */
export type InflateRaw = (deflated: Uint8Array) => Uint8Array;

/** What {@link parseWithDicomParser} takes besides the bytes. */
export interface DicomParserOptions {
  /** Stop after the header of this element (`x7fe00010`): a prefix of the file is then enough. */
  untilTag?: string;
  /** Needed for deflated files (main passes node:zlib's inflateRawSync); without it they are refused. */
  inflateRaw?: InflateRaw;
}

/**
 * Parses a Part 10 byte array with dicom-parser (PS3.10 7.1). A deflated data set (PS3.5 A.5) is
 * inflated with `options.inflateRaw`; the returned data set's `byteArray` then holds the inflated
 * bytes, so element offsets index it, not the input.
 * @throws Error (dicom-parser throws strings; they are wrapped) for a file it cannot parse.
 */
export function parseWithDicomParser(bytes: Uint8Array, options: DicomParserOptions = {}): dicomParser.DataSet {
  const { inflateRaw } = options;
  try {
    return dicomParser.parseDicom(bytes, {
      ...(options.untilTag ? { untilTag: options.untilTag } : {}),
      inflater: ((array: Uint8Array, position: number) => {
        if (!inflateRaw) throw new Error('a deflated data set (PS3.5 A.5) needs an inflater here');
        const inflated = inflateRaw(array.subarray(position));
        const out = new Uint8Array(position + inflated.length);
        out.set(array.subarray(0, position));
        out.set(inflated, position);
        return out;
      }) as unknown as (arr: Uint8Array, position: number) => void,
    });
  } catch (error) {
    if (error instanceof Error) throw error;
    const text = typeof error === 'string' ? error : ((error as { exception?: string })?.exception ?? JSON.stringify(error));
    throw new Error(text);
  }
}
