import dcmjs from 'dcmjs';

/** Explicit VR Little Endian (PS3.5 A.2): what every object Garde writes is encoded in. */
const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/**
 * A naturalized dataset as Part 10 bytes (PS3.10 7.1: preamble, `DICM`, File Meta Information with
 * the dataset's SOP Class and Instance), text in UTF-8 as its SpecificCharacterSet ISO_IR 192 says.
 */
export function writeDocument(dataset: Record<string, unknown>, vrMap: Record<string, string> = {}): Uint8Array<ArrayBuffer> {
  const copy: Record<string, unknown> = { ...dataset, _meta: { TransferSyntaxUID: { Value: [EXPLICIT_VR_LITTLE_ENDIAN] } }, _vrMap: vrMap };
  return new Uint8Array(dcmjs.data.datasetToDict(copy).write());
}

/** A DICOM JSON dataset (PS3.18 F.2) keyed by keywords, as dcmjs' writers and the SR adapters take it. */
export function naturalizeDicomJson(json: Record<string, unknown>): Record<string, unknown> {
  return dcmjs.data.DicomMetaDictionary.naturalizeDataset(json as never);
}
