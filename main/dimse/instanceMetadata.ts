import dcmjs from 'dcmjs';
import { dcmjsToDicomJson } from '../../app/dicom/dcmjsToDicomJson';
import type { DicomJsonDataset } from '../../app/dicomweb/dicomJson';

/** Binary values up to this size are inlined (InlineBinary); larger ones get a BulkDataURI. */
const INLINE_LIMIT = 1024;
const PIXEL_DATA = '7FE00010';

/**
 * The WADO-RS metadata of one instance (PS3.18 10.4.1.1.2, F.2): its Part 10 dataset as DICOM JSON,
 * without the File Meta Information, with Pixel Data referenced by `<instanceUrl>/frames/1,...,n`
 * (PS3.18 10.4.1.1.3 frame list) and other large binary values by `<bulkDataBase>/<tag path>`.
 * Pixel Data is not read (dcmjs stops at it).
 */
export function instanceMetadata(part10: Uint8Array, instanceUrl: string, bulkDataBase: string): DicomJsonDataset {
  const buffer = part10.buffer.slice(part10.byteOffset, part10.byteOffset + part10.byteLength) as ArrayBuffer;
  const file = dcmjs.data.DicomMessage.readFile(buffer, { ignoreErrors: true, untilTag: '7FE00010', includeUntilTagValue: false });
  const meta = Object.keys(file.dict).filter((tag) => tag.startsWith('0002'));
  const json = dcmjsToDicomJson(file.dict, {
    exclude: new Set([...meta, PIXEL_DATA]),
    bulkDataUri: (path, _vr, length) => (length > INLINE_LIMIT ? `${bulkDataBase}/${path.join('/')}` : undefined),
  });
  const frames = Number((json['00280008']?.Value?.[0] as number | string | undefined) ?? 1) || 1;
  const rows = json['00280010'];
  if (rows) {
    const list = Array.from({ length: frames }, (_, i) => i + 1).join(',');
    json[PIXEL_DATA] = { vr: file.dict[PIXEL_DATA]?.vr ?? (json['00280100']?.Value?.[0] === 8 ? 'OB' : 'OW'), BulkDataURI: `${instanceUrl}/frames/${list}` };
  }
  return json;
}
