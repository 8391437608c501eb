import dcmjs from 'dcmjs';
import type { DicomJsonAttribute, DicomJsonDataset } from '../dicomweb/dicomJson';
import { dcmjsToDicomJson, type DcmjsElement } from './dcmjsToDicomJson';

/** Prefix of the relative BulkDataURIs of a {@link Part10Dataset} (`local:<tag>/<item>/<tag>...`). */
export const LOCAL_BULK_PREFIX = 'local:';
const PIXEL_DATA = '7FE00010';

/** What a store of Part 10 files keeps of an instance to answer WADO-RS metadata without reading it again. */
export interface Part10Dataset {
  /**
   * Attributes before Pixel Data as DICOM JSON (PS3.18 F.2), without the File Meta Information.
   * Binary attributes above the inline limit carry a relative BulkDataURI `local:<tag path>`
   * (see {@link withPublicBulkDataUris}). Pixel Data is absent; see `pixelData`.
   */
  dataset: DicomJsonDataset;
  /** Pixel Data (7FE0,0010) as found in the file, when present. */
  pixelData?: { vr: string };
  /** The File Meta Information (PS3.10 7.1) as dcmjs read it. */
  meta: Record<string, DcmjsElement>;
}

/**
 * Reads a Part 10 file's data set up to Pixel Data (dcmjs stops there) as a {@link Part10Dataset}.
 * Binary values up to `inlineBinaryLimit` bytes are inlined (InlineBinary), larger ones referenced.
 * @throws the dcmjs error of an unreadable data set (with `ignoreErrors`, only what cannot be skipped)
 */
export function readPart10Dataset(bytes: Uint8Array, options: { inlineBinaryLimit?: number; ignoreErrors?: boolean } = {}): Part10Dataset {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const file = dcmjs.data.DicomMessage.readFile(buffer, { untilTag: PIXEL_DATA, includeUntilTagValue: false, ...(options.ignoreErrors ? { ignoreErrors: true } : {}) });
  const dict = file.dict as Record<string, DcmjsElement>;
  const limit = options.inlineBinaryLimit ?? 1024;
  const charset = dict['00080005']?.Value;
  const utf8 = Array.isArray(charset) && charset.includes('ISO_IR 192');
  const dataset = dcmjsToDicomJson(dict, {
    utf8,
    exclude: new Set([...Object.keys(dict).filter((tag) => tag.startsWith('0002')), PIXEL_DATA]),
    bulkDataUri: (tagPath, _vr, length) => (length > limit ? `${LOCAL_BULK_PREFIX}${tagPath.join('/')}` : undefined),
  });
  const pixel = dict[PIXEL_DATA];
  const pixelData = pixel || dataset['00280010'] ? { vr: pixel?.vr ?? (dataset['00280100']?.Value?.[0] === 8 ? 'OB' : 'OW') } : undefined;
  return { dataset, meta: file.meta as Record<string, DcmjsElement>, ...(pixelData ? { pixelData } : {}) };
}

/** A copy of `dataset` whose `local:` BulkDataURIs (at any depth) are `bulkBase/<tag path>`. */
export function withPublicBulkDataUris(dataset: DicomJsonDataset, bulkBase: string): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  for (const [tag, attribute] of Object.entries(dataset)) out[tag] = rewrite(attribute, bulkBase);
  return out;
}

function rewrite(attribute: DicomJsonAttribute, bulkBase: string): DicomJsonAttribute {
  if (attribute.BulkDataURI?.startsWith(LOCAL_BULK_PREFIX)) return { vr: attribute.vr, BulkDataURI: `${bulkBase}/${attribute.BulkDataURI.slice(LOCAL_BULK_PREFIX.length)}` };
  if (attribute.vr === 'SQ' && attribute.Value) {
    return { vr: 'SQ', Value: attribute.Value.map((item) => (item && typeof item === 'object' ? withPublicBulkDataUris(item as DicomJsonDataset, bulkBase) : item)) };
  }
  return attribute;
}
