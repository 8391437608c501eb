import {
  HTJ2KLossless,
  ImplicitVRLittleEndian,
  JPEG2000Lossless,
  JPEG2000MCLossless,
  JPEGBaseline8Bit,
  JPEGLosslessSV1,
  JPEGLSLossless,
  RLELossless,
} from '../dicom/transferSyntax';
import { parseContentType } from './parseContentType';

/** Transfer syntaxes implied by a bare media type (PS3.18 8.7.3.5.2, table 8.7.3-5). */
const SYNTAX_OF_TYPE: Record<string, string> = {
  'image/jpeg': JPEGBaseline8Bit,
  'image/x-dicom-rle': RLELossless,
  'image/dicom-rle': RLELossless,
  'image/x-jls': JPEGLSLossless,
  'image/jls': JPEGLSLossless,
  'image/jll': JPEGLosslessSV1,
  'image/jp2': JPEG2000Lossless,
  'image/jpx': JPEG2000MCLossless,
  'image/jphc': HTJ2KLossless,
};

/** The content type of frames in a transfer syntax (PS3.18 8.7.3.5, table 8.7.3-5: octet-stream with a transfer-syntax parameter). */
export function frameContentType(TransferSyntaxUID: string): string {
  return `application/octet-stream; transfer-syntax=${TransferSyntaxUID}`;
}

/**
 * The transfer syntax of a WADO-RS frame part (PS3.18 8.7.3.5): its `transfer-syntax` parameter,
 * else the syntax its media type implies, else Implicit VR Little Endian.
 */
export function frameTransferSyntax(contentType: string | undefined): string {
  const parsed = contentType ? parseContentType(contentType) : undefined;
  if (!parsed) return ImplicitVRLittleEndian;
  return parsed.parameters['transfer-syntax'] ?? SYNTAX_OF_TYPE[parsed.mediaType] ?? ImplicitVRLittleEndian;
}
