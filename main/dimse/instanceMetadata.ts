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

/**
 * Reads one bulk data value of a Part 10 file by its tag path (tags, with item indexes between
 * them for sequences: `00540016/0/00181072`), as served at a BulkDataURI (PS3.18 10.4.1.1.5).
 */
export function readBulkData(part10: Uint8Array, path: readonly string[]): Uint8Array | undefined {
  const buffer = part10.buffer.slice(part10.byteOffset, part10.byteOffset + part10.byteLength) as ArrayBuffer;
  let node: Record<string, { Value?: unknown[] }> = dcmjs.data.DicomMessage.readFile(buffer, { ignoreErrors: true, untilTag: '7FE00010', includeUntilTagValue: false }).dict;
  for (let i = 0; i < path.length; i += 2) {
    const attribute = node[path[i]!.toUpperCase()];
    if (!attribute) return undefined;
    if (i + 1 >= path.length) {
      const parts = (attribute.Value ?? []).filter((v): v is ArrayBuffer => v instanceof ArrayBuffer).map((v) => new Uint8Array(v));
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    }
    const item = attribute.Value?.[Number(path[i + 1])];
    if (!item || typeof item !== 'object') return undefined;
    node = item as typeof node;
  }
  return undefined;
}
