import dcmjs from 'dcmjs';
import { checkDatasetStructure } from './checkPart10Structure';
import { DicomParseError } from './DicomParseError';
import { DeflatedExplicitVRLittleEndian } from './transferSyntax';
import { repairPixelItems } from './repairPixelItems';
import { cleanUids } from './cleanUids';

/** A parsed Part 10 file: File Meta Information and data set, keyed by DICOM keywords (dcmjs naturalized form). */
export interface ParsedPart10 {
  TransferSyntaxUID: string;
  meta: Record<string, unknown>;
  dataset: Record<string, unknown>;
  /** Defects read past as DCMTK and GDCM read them (odd fragment lengths, a wrong offset table, spaces or leading zeros in UIDs); empty for a clean file. */
  warnings: string[];
}

const PREAMBLE_LENGTH = 128;

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let out = '';
  for (let i = start; i < start + length && i < bytes.length; i += 1) out += String.fromCharCode(bytes[i] ?? 0);
  return out;
}

/**
 * Reads the File Meta Information (PS3.10 7.1): explicit VR little endian
 * group 0002 elements, starting with the group length. Returns the transfer
 * syntax and the offset where the data set starts.
 */
function readMetaHeader(bytes: Uint8Array): { TransferSyntaxUID: string; datasetOffset: number; hasGroupLength: boolean } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = PREAMBLE_LENGTH + 4;
  if (bytes.length < offset + 8) throw new DicomParseError('DICOM_TRUNCATED', `Truncated DICOM file: ${bytes.length} bytes end inside the File Meta Information`, bytes.length);
  // The group length (Type 1) is tolerated when absent: group 0002 then ends at the first other group.
  const hasGroupLength = view.getUint16(offset, true) === 0x0002 && view.getUint16(offset + 2, true) === 0x0000 && ascii(bytes, offset + 4, 2) === 'UL';
  let end = bytes.length;
  if (hasGroupLength) {
    if (bytes.length < offset + 12) throw new DicomParseError('DICOM_TRUNCATED', 'Truncated DICOM file: it ends inside the File Meta Information Group Length', bytes.length);
    end = offset + 12 + view.getUint32(offset + 8, true);
    if (end > bytes.length) throw new DicomParseError('DICOM_TRUNCATED', `Truncated DICOM file: File Meta Information declares ${end - offset - 12} bytes, ${bytes.length - offset - 12} remain`, offset);
    offset += 12;
  }
  let TransferSyntaxUID = '';
  while (offset + 8 <= end && view.getUint16(offset, true) === 0x0002) {
    const element = view.getUint16(offset + 2, true);
    const vr = ascii(bytes, offset + 4, 2);
    if (!/^[A-Z]{2}$/.test(vr)) throw new DicomParseError('DICOM_BAD_META_HEADER', `Invalid File Meta Information: element (0002,${element.toString(16).padStart(4, '0')}) has no explicit VR at byte ${offset}`, offset);
    const long = ['OB', 'OW', 'UN', 'SQ', 'UT', 'UC', 'UR'].includes(vr);
    const length = long ? view.getUint32(offset + 8, true) : view.getUint16(offset + 6, true);
    const valueStart = offset + (long ? 12 : 8);
    if (valueStart + length > end) throw new DicomParseError(hasGroupLength ? 'DICOM_BAD_META_HEADER' : 'DICOM_TRUNCATED', `Invalid File Meta Information: element (0002,${element.toString(16).padStart(4, '0')}) overruns ${hasGroupLength ? 'the group length' : 'the file'}`, offset);
    if (element === 0x0010) TransferSyntaxUID = ascii(bytes, valueStart, length).replace(/[\0 ]+$/, '');
    offset = valueStart + length;
  }
  if (hasGroupLength && offset !== end) throw new DicomParseError('DICOM_BAD_META_HEADER', `Invalid File Meta Information: group length ends at byte ${end}, elements at byte ${offset}`, offset);
  if (!TransferSyntaxUID) throw new DicomParseError('DICOM_BAD_META_HEADER', 'Invalid File Meta Information: (0002,0010) Transfer Syntax UID is missing', PREAMBLE_LENGTH + 4);
  return { TransferSyntaxUID, datasetOffset: offset, hasGroupLength };
}

/**
 * Parses a DICOM Part 10 file (PS3.10 7.1: 128-byte preamble, "DICM",
 * File Meta Information, data set) with dcmjs, after checking its structure
 * so that truncated and corrupt files are rejected rather than half-read. Defects that DCMTK and
 * GDCM read past with a warning are read past too, and listed in `warnings`: encapsulated Pixel
 * Data with odd-length fragments or a Basic Offset Table that does not fit them
 * (repairPixelItems.ts), UIDs padded with spaces or with leading-zero components (cleanUids.ts).
 * @throws DicomParseError with code DICOM_NO_META_HEADER (no preamble/"DICM",
 * e.g. a bare data set), DICOM_BAD_META_HEADER, DICOM_TRUNCATED,
 * DICOM_CORRUPT or DICOM_UNSUPPORTED.
 */
export function parsePart10(input: ArrayBuffer | Uint8Array): ParsedPart10 {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) throw new DicomParseError('DICOM_TRUNCATED', 'Empty file: a DICOM Part 10 file starts with a 128-byte preamble and "DICM"', 0);
  if (bytes.length < PREAMBLE_LENGTH + 4) {
    throw new DicomParseError('DICOM_TRUNCATED', `Truncated DICOM file: ${bytes.length} bytes, shorter than the 128-byte preamble and "DICM" prefix`, bytes.length);
  }
  if (ascii(bytes, PREAMBLE_LENGTH, 4) !== 'DICM') {
    throw new DicomParseError('DICOM_NO_META_HEADER', 'Not a DICOM Part 10 file: no "DICM" prefix after the 128-byte preamble (a bare data set without File Meta Information?)', PREAMBLE_LENGTH);
  }
  const { TransferSyntaxUID, datasetOffset, hasGroupLength } = readMetaHeader(bytes);
  const { contentEnd, pixelItemsOffset } = checkDatasetStructure(bytes, datasetOffset, TransferSyntaxUID);
  const content = bytes.subarray(0, contentEnd);
  const repaired = pixelItemsOffset === undefined ? { bytes: content, warnings: [] } : repairPixelItems(content, pixelItemsOffset);
  const buffer = repaired.bytes.buffer.slice(repaired.bytes.byteOffset, repaired.bytes.byteOffset + repaired.bytes.byteLength) as ArrayBuffer;
  let dict;
  try {
    dict = dcmjs.data.DicomMessage.readFile(buffer, { ignoreErrors: !hasGroupLength });
  } catch (error) {
    // The structure was checked above (except for deflate): a failure now is an encoding dcmjs cannot read.
    const reason = error instanceof Error ? error.message : String(error);
    const deflated = TransferSyntaxUID === DeflatedExplicitVRLittleEndian;
    if (deflated) throw new DicomParseError('DICOM_CORRUPT', `Corrupt deflated DICOM file: ${reason}`);
    throw new DicomParseError('DICOM_UNSUPPORTED', `DICOM file not readable by dcmjs (transfer syntax ${TransferSyntaxUID}): ${reason}`);
  }
  const warnings = [...repaired.warnings, ...cleanUids(dict.meta), ...cleanUids(dict.dict)];
  return {
    TransferSyntaxUID,
    meta: dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.meta),
    dataset: dcmjs.data.DicomMetaDictionary.naturalizeDataset(dict.dict),
    warnings,
  };
}
