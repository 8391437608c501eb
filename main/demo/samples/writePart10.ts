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
  ScheduledProcedureStepDescription: [0x0040, 0x0007],
};

type Patch = { tag: [number, number]; placeholder: string; text: string };

/** Replaces non-ASCII text of LATIN1_ATTRIBUTES (also inside sequence items) by placeholders. */
function withPlaceholders(dataset: Dataset, patches: Patch[]): Dataset {
  const copy: Dataset = { ...dataset };
  for (const [keyword, value] of Object.entries(copy)) {
    const tag = LATIN1_ATTRIBUTES[keyword];
    if (tag && typeof value === 'string' && !isAscii(value)) {
      const placeholder = asciiPlaceholder(value);
      copy[keyword] = placeholder;
      patches.push({ tag, placeholder, text: value });
    } else if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'object' && item !== null && !(item instanceof ArrayBuffer))) {
      copy[keyword] = value.map((item: Dataset) => withPlaceholders(item, patches));
    }
  }
  return copy;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Writes a naturalized dataset as a DICOM Part 10 file (PS3.10 7.1: 128-byte
 * preamble, 'DICM', File Meta Information) in Explicit VR Little Endian with
 * PixelData as OW. When SpecificCharacterSet is ISO_IR 100, the top-level
 * attributes of LATIN1_ATTRIBUTES (at any depth) are encoded in ISO 8859-1; otherwise text is
 * UTF-8 (ISO_IR 192, or ASCII).
 */
export function writePart10(dataset: Dataset): ArrayBuffer {
  const latin1 = dataset.SpecificCharacterSet === 'ISO_IR 100';
  const patches: Patch[] = [];
  const copy: Dataset = latin1 ? withPlaceholders(dataset, patches) : { ...dataset };
  copy._meta = { TransferSyntaxUID: { Value: [EXPLICIT_VR_LITTLE_ENDIAN] } };
  copy._vrMap = { PixelData: 'OW' };
  const buffer = dcmjs.data.datasetToDict(copy).write();
  if (patches.length > 0) {
    const bytes = new Uint8Array(buffer);
    const unique = new Map(patches.map((patch) => [`${patch.tag.join(',')}|${patch.placeholder}|${patch.text}`, patch]));
    for (const patch of unique.values()) {
      if (patchLatin1Element(bytes, patch.tag[0], patch.tag[1], patch.placeholder, patch.text) === 0) {
        throw new Error(`Latin-1 encoding of (${patch.tag[0].toString(16)},${patch.tag[1].toString(16)}) failed`);
      }
    }
  }
  return buffer;
}
