import { parseContentType } from './parseContentType';

/** Implicit VR Little Endian (PS3.5 A.1): the syntax of a frame part labelled with nothing else. */
const IMPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2';

/** Transfer syntaxes implied by a bare media type (PS3.18 8.7.3.5.2, table 8.7.3-5). */
const SYNTAX_OF_TYPE: Record<string, string> = {
  'image/jpeg': '1.2.840.10008.1.2.4.50',
  'image/x-dicom-rle': '1.2.840.10008.1.2.5',
  'image/dicom-rle': '1.2.840.10008.1.2.5',
  'image/x-jls': '1.2.840.10008.1.2.4.80',
  'image/jls': '1.2.840.10008.1.2.4.80',
  'image/jll': '1.2.840.10008.1.2.4.70',
  'image/jp2': '1.2.840.10008.1.2.4.90',
  'image/jpx': '1.2.840.10008.1.2.4.92',
  'image/jphc': '1.2.840.10008.1.2.4.201',
};

/**
 * The transfer syntax of a WADO-RS frame part (PS3.18 8.7.3.5): its `transfer-syntax` parameter,
 * else the syntax its media type implies, else Implicit VR Little Endian.
 */
export function frameTransferSyntax(contentType: string | undefined): string {
  const parsed = contentType ? parseContentType(contentType) : undefined;
  if (!parsed) return IMPLICIT_LITTLE_ENDIAN;
  return parsed.parameters['transfer-syntax'] ?? SYNTAX_OF_TYPE[parsed.mediaType] ?? IMPLICIT_LITTLE_ENDIAN;
}
