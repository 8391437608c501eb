import type { DicomJsonAttribute, DicomJsonDataset } from '../../app/dicomweb/dicomJson';
import type { IndexedInstance } from './instanceIndex';

/** Prefix of the relative BulkDataURIs an index stores (`local:<tag>/<item>/<tag>...`). */
export const LOCAL_BULK_PREFIX = 'local:';

/** URL of an instance's bulk data at a tag path, served by the bulkdata route of {@link answerWado}. */
export function bulkDataUrl(publicBase: string, instance: IndexedInstance, tagPath: string): string {
  return `${publicBase}/bulkdata/${instance.StudyInstanceUID}/${instance.SeriesInstanceUID}/${instance.SOPInstanceUID}/${tagPath}`;
}

/**
 * An instance's dataset as WADO-RS metadata (PS3.18 10.4.1.2 and F.2.6): relative
 * BulkDataURIs made absolute under `publicBase`, and Pixel Data as a BulkDataURI
 * (its frames are also served at `.../frames/{n}`).
 */
export function instanceMetadata(instance: IndexedInstance, publicBase: string): DicomJsonDataset {
  const out = withPublicBulkDataUris(instance.dataset, instance, publicBase);
  if (instance.pixelData) out['7FE00010'] = { vr: instance.pixelData.vr, BulkDataURI: bulkDataUrl(publicBase, instance, '7FE00010') };
  return out;
}

/** A copy of `dataset` whose `local:` BulkDataURIs (at any depth) point under `publicBase`. */
export function withPublicBulkDataUris(dataset: DicomJsonDataset, instance: IndexedInstance, publicBase: string): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  for (const [tag, attribute] of Object.entries(dataset)) out[tag] = rewrite(attribute, instance, publicBase);
  return out;
}

function rewrite(attribute: DicomJsonAttribute, instance: IndexedInstance, publicBase: string): DicomJsonAttribute {
  if (attribute.BulkDataURI?.startsWith(LOCAL_BULK_PREFIX)) {
    return { vr: attribute.vr, BulkDataURI: bulkDataUrl(publicBase, instance, attribute.BulkDataURI.slice(LOCAL_BULK_PREFIX.length)) };
  }
  if (attribute.vr === 'SQ' && attribute.Value) {
    return {
      vr: 'SQ',
      Value: attribute.Value.map((item) => (item && typeof item === 'object' ? withPublicBulkDataUris(item as DicomJsonDataset, instance, publicBase) : item)),
    };
  }
  return attribute;
}
