import * as dicomParser from 'dicom-parser';

/** The frames of one DICOM Part 10 instance, as a frames request would return them (PS3.18 10.4.1.1.3). */
export interface Part10Frames {
  SOPInstanceUID: string;
  TransferSyntaxUID: string;
  /** The content type of each frame, as the gateway labels frames asked with `transfer-syntax=*`. */
  contentType: string;
  /** Frame bytes in order (frame 1 first): native frames as views of PixelData, encapsulated frames as their fragments. */
  frames: Uint8Array[];
  /** The pixel description (Image Pixel Module, PS3.3 C.7.6.3) the decode depends on. */
  pixel: { PhotometricInterpretation?: string; SamplesPerPixel?: number; BitsAllocated?: number; BitsStored?: number };
}

const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const IMPLICIT_LE = '1.2.840.10008.1.2';
const BIG_ENDIAN = '1.2.840.10008.1.2.2';
const DEFLATED = '1.2.840.10008.1.2.1.99';

/** The content type of frames in a transfer syntax (PS3.18 8.7.3.5, table 8.7.3-5: octet-stream with a transfer-syntax parameter). */
export function frameContentType(TransferSyntaxUID: string): string {
  return `application/octet-stream; transfer-syntax=${TransferSyntaxUID}`;
}

/** Whether a transfer syntax stores pixel data natively (PS3.5 8.2: uncompressed, little endian here). */
function isNative(ts: string): boolean {
  return ts === EXPLICIT_LE || ts === IMPLICIT_LE;
}

/**
 * Cuts a Part 10 instance (PS3.10 7.1) into its frames: native pixel data in frames of
 * Rows × Columns × SamplesPerPixel × BitsAllocated / 8 bytes (PS3.5 8.1.1), encapsulated pixel
 * data one frame per item list (PS3.5 A.4, with the Basic Offset Table when present, else one
 * fragment per frame when there are as many fragments as frames, else all fragments for a single
 * frame). Throws for what it cannot cut (big endian, deflate, 1-bit data, missing pixel data):
 * such instances are then fetched frame by frame.
 */
export function part10Frames(bytes: Uint8Array): Part10Frames {
  const dataSet = dicomParser.parseDicom(bytes);
  const TransferSyntaxUID = dataSet.string('x00020010')?.trim() ?? IMPLICIT_LE;
  const SOPInstanceUID = dataSet.string('x00080018')?.trim();
  if (!SOPInstanceUID) throw new RangeError('instance without SOPInstanceUID');
  if (TransferSyntaxUID === BIG_ENDIAN || TransferSyntaxUID === DEFLATED) throw new RangeError(`frames of ${TransferSyntaxUID} are fetched one by one`);
  const pixelData = dataSet.elements.x7fe00010;
  if (!pixelData) throw new RangeError('instance without PixelData');
  const numberOfFrames = Math.max(1, Number.parseInt(dataSet.string('x00280008') ?? '1', 10) || 1);
  const frames: Uint8Array[] = [];
  if (isNative(TransferSyntaxUID)) {
    const bitsAllocated = dataSet.uint16('x00280100') ?? 16;
    if (bitsAllocated % 8 !== 0) throw new RangeError(`BitsAllocated ${bitsAllocated} is fetched frame by frame`);
    const frameSize = (dataSet.uint16('x00280010') ?? 0) * (dataSet.uint16('x00280011') ?? 0) * (dataSet.uint16('x00280002') ?? 1) * (bitsAllocated / 8);
    if (frameSize === 0 || frameSize * numberOfFrames > pixelData.length) throw new RangeError('pixel data shorter than its frames');
    // Views, not copies: the caller's bytes are the instance's own (one multipart part).
    for (let i = 0; i < numberOfFrames; i += 1) frames.push(bytes.subarray(pixelData.dataOffset + i * frameSize, pixelData.dataOffset + (i + 1) * frameSize));
  } else {
    const fragments = pixelData.fragments ?? [];
    if (fragments.length === 0) throw new RangeError('encapsulated pixel data without fragments');
    for (let i = 0; i < numberOfFrames; i += 1) {
      if ((pixelData.basicOffsetTable?.length ?? 0) > 0) frames.push(Uint8Array.from(dicomParser.readEncapsulatedImageFrame(dataSet, pixelData, i)));
      else if (numberOfFrames === 1) frames.push(Uint8Array.from(dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, pixelData, 0, fragments.length)));
      else if (fragments.length === numberOfFrames) frames.push(Uint8Array.from(dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, pixelData, i, 1)));
      else throw new RangeError('multi-frame encapsulated pixel data without offset table is fetched frame by frame');
    }
  }
  const pixel = {
    PhotometricInterpretation: dataSet.string('x00280004')?.trim(),
    SamplesPerPixel: dataSet.uint16('x00280002'),
    BitsAllocated: dataSet.uint16('x00280100'),
    BitsStored: dataSet.uint16('x00280101'),
  };
  return { SOPInstanceUID, TransferSyntaxUID, contentType: frameContentType(TransferSyntaxUID), frames, pixel };
}
