import { metaData } from '@cornerstonejs/core';
import { jpegComponentIds } from '../../app/dicom/jpegComponentIds';
import { ExplicitVRLittleEndian, JPEGBaseline8Bit, JPEGExtended12Bit } from '../../app/dicom/transferSyntax';
import { curedByNativeTranscoding, knownDecodeDefect, type DecodeDefect } from '../../app/dicom/knownDecodeDefect';
import { DecodeRefusedError } from './decodeErrors';


/** One frame's bytes and the transfer syntax they are in. */
export interface SyntaxFrame {
  bytes: Uint8Array;
  contentType: string;
}

/** The pixel description the image loader registered for a frame (Image Pixel Module, PS3.3 C.7.6.3). */
interface ImagePixelModule {
  photometricInterpretation?: string;
  samplesPerPixel?: number;
  bitsAllocated?: number;
  bitsStored?: number;
}

/** JPEG processes whose frame header tells how the decoder takes the colour components. */
const JPEG_LOSSY = new Set([JPEGBaseline8Bit, JPEGExtended12Bit]);

/** The known decode defect of a frame's bytes in a transfer syntax, with its registered pixel description. */
export function frameDefect(imageId: string, TransferSyntaxUID: string, bytes: Uint8Array): DecodeDefect | undefined {
  const pixel = metaData.get('imagePixelModule', imageId) as ImagePixelModule | undefined;
  return knownDecodeDefect({
    TransferSyntaxUID,
    JpegComponentIds: JPEG_LOSSY.has(TransferSyntaxUID) ? jpegComponentIds(bytes) : undefined,
    PhotometricInterpretation: pixel?.photometricInterpretation,
    SamplesPerPixel: pixel?.samplesPerPixel,
    BitsAllocated: pixel?.bitsAllocated,
    BitsStored: pixel?.bitsStored,
  });
}

/** What {@link decodableFrame} needs from its caller. */
export interface DecodableFrameOptions {
  /** The transfer syntax of a content type (frameTransferSyntax). */
  syntaxOf(contentType: string): string;
  /** Fetches the frame again, transcoded by the PACS to a transfer syntax (PS3.18 8.7.3.5, `transfer-syntax=`). */
  fetchIn(TransferSyntaxUID: string): Promise<SyntaxFrame>;
}

/**
 * A frame the decode path shows right. A frame with a known decode defect (knownDecodeDefect) is
 * asked again from its PACS in Explicit VR Little Endian, decoded there by the PACS's own reference
 * decoder (e.g. DCMTK or GDCM in Orthanc); when the node cannot transcode (406, a folder or DIMSE
 * node without a codec) or the defect is one transcoding does not cure, the frame is refused with a
 * {@link DecodeRefusedError}: a wrong value on screen is worse than no image.
 * @returns the frame as given when it has no defect, else the transcoded frame.
 */
export async function decodableFrame(imageId: string, frame: SyntaxFrame, options: DecodableFrameOptions): Promise<SyntaxFrame> {
  const TransferSyntaxUID = options.syntaxOf(frame.contentType);
  const defect = frameDefect(imageId, TransferSyntaxUID, frame.bytes);
  if (!defect) return frame;
  if (curedByNativeTranscoding(defect)) {
    const transcoded = await options.fetchIn(ExplicitVRLittleEndian).catch((error: unknown) => {
      console.warn(`frame not transcoded by its PACS (${TransferSyntaxUID}):`, error instanceof Error ? error.message : error);
      return undefined;
    });
    if (transcoded && !frameDefect(imageId, options.syntaxOf(transcoded.contentType), transcoded.bytes)) return transcoded;
  }
  throw new DecodeRefusedError(defect, TransferSyntaxUID);
}
