import dcmjs from 'dcmjs';
import { asciiPlaceholder, patchLatin1Element } from './latin1';

/** Explicit VR Little Endian (PS3.5 A.2), the transfer syntax of every generated file. */
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** A dataset keyed by DICOM keywords, as dcmjs naturalizes it. */
export type Dataset = Record<string, unknown>;

/** Top-level text attributes re-encoded in Latin-1 when the dataset declares ISO_IR 100. */
const LATIN1_ATTRIBUTES: Record<string, [number, number]> = {
  PatientName: [0x0010, 0x0010],
  ReferringPhysicianName: [0x0008, 0x0090],
  InstitutionName: [0x0008, 0x0080],
  StudyDescription: [0x0008, 0x1030],
  SeriesDescription: [0x0008, 0x103e],
  AdditionalPatientHistory: [0x0010, 0x21b0],
  RequestingPhysician: [0x0032, 0x1032],
  RequestedProcedureDescription: [0x0032, 0x1060],
  ReasonForTheRequestedProcedure: [0x0040, 0x1002],
};

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Writes a naturalized dataset as a DICOM Part 10 file (PS3.10 7.1: 128-byte
 * preamble, 'DICM', File Meta Information) in Explicit VR Little Endian with
 * PixelData as OW. When SpecificCharacterSet is ISO_IR 100, the top-level
 * attributes of LATIN1_ATTRIBUTES are encoded in ISO 8859-1; otherwise text is
 * UTF-8 (ISO_IR 192, or ASCII).
 */
export function writePart10(dataset: Dataset): ArrayBuffer {
  const latin1 = dataset.SpecificCharacterSet === 'ISO_IR 100';
  const patches: Array<{ tag: [number, number]; placeholder: string; text: string }> = [];
  const copy: Dataset = { ...dataset };
  if (latin1) {
    for (const [keyword, tag] of Object.entries(LATIN1_ATTRIBUTES)) {
      const value = copy[keyword];
      if (typeof value !== 'string' || isAscii(value)) continue;
      const placeholder = asciiPlaceholder(value);
      copy[keyword] = placeholder;
      patches.push({ tag, placeholder, text: value });
    }
  }
  copy._meta = { TransferSyntaxUID: { Value: [EXPLICIT_VR_LITTLE_ENDIAN] } };
  copy._vrMap = { PixelData: 'OW' };
  const buffer = dcmjs.data.datasetToDict(copy).write();
  if (patches.length > 0) {
    const bytes = new Uint8Array(buffer);
    for (const patch of patches) {
      if (!patchLatin1Element(bytes, patch.tag[0], patch.tag[1], patch.placeholder, patch.text)) {
        throw new Error(`Latin-1 encoding of (${patch.tag[0].toString(16)},${patch.tag[1].toString(16)}) failed`);
      }
    }
  }
  return buffer;
}
