import { jpegComponentIds } from '../../app/dicom/jpegComponentIds';
import { curedByNativeTranscoding, knownDecodeDefect, type DecodeTraits } from '../../app/dicom/knownDecodeDefect';
import { ExplicitVRLittleEndian, JPEGBaseline8Bit, JPEGExtended12Bit, RLELossless } from '../../app/dicom/transferSyntax';
import { getNumber, getString, type DicomJsonDataset } from '../../app/dicomweb';

/** Transfer syntaxes in which knownDecodeDefect finds defects a PACS transcoding cures (JPEG baseline/extended, RLE). */
const CURABLE_SYNTAXES = new Set([JPEGBaseline8Bit, JPEGExtended12Bit, RLELossless]);

/** Explicit VR Little Endian frames (PS3.18 8.7.3.5): what a PACS is asked for instead of frames the decoder gets wrong. */
export const NATIVE_FRAMES_ACCEPT = `multipart/related; type="application/octet-stream"; transfer-syntax=${ExplicitVRLittleEndian}`;

/** Whether frames in this syntax may hold a defect a transcoding cures (a cheap test before reading the metadata). */
export function mayNeedTranscoding(TransferSyntaxUID: string): boolean {
  return CURABLE_SYNTAXES.has(TransferSyntaxUID);
}

/** The pixel description of an instance's DICOM JSON metadata (Image Pixel Module, PS3.3 C.7.6.3). */
export function pixelTraits(dataset: DicomJsonDataset): Omit<DecodeTraits, 'TransferSyntaxUID'> {
  return {
    PhotometricInterpretation: getString(dataset, '00280004'),
    SamplesPerPixel: getNumber(dataset, '00280002'),
    BitsAllocated: getNumber(dataset, '00280100'),
    BitsStored: getNumber(dataset, '00280101'),
  };
}

/**
 * Whether frames in a transfer syntax, with this pixel description and this first frame, have a
 * decoder defect (knownDecodeDefect) that asking the PACS for native frames cures: such frames are
 * prefetched transcoded, so a study read offline shows them right instead of refusing them.
 */
export function needsTranscoding(TransferSyntaxUID: string, traits: Omit<DecodeTraits, 'TransferSyntaxUID'>, firstFrame: Uint8Array | undefined): boolean {
  if (!mayNeedTranscoding(TransferSyntaxUID)) return false;
  const JpegComponentIds = firstFrame && TransferSyntaxUID !== RLELossless ? jpegComponentIds(firstFrame) : undefined;
  const defect = knownDecodeDefect({ TransferSyntaxUID, ...traits, JpegComponentIds });
  return defect !== undefined && curedByNativeTranscoding(defect);
}
