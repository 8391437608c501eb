import { lookupAttribute } from '../dicom/lookupAttribute';
import type { DicomJsonAttribute, DicomJsonDataset } from './dicomJson';
import { matchQidoKey, type QidoMatchOptions } from './matchQidoKey';
import { QidoParamError } from './qidoQuery';

/** A matching key resolved against the data dictionary: tag path and VR of the last element. */
export interface ResolvedQidoKey {
  /** The attributeID as given (keyword, tag or dotted path). */
  attributeId: string;
  /** Tags from the top-level attribute down (one element unless a sequence path, PS3.18 8.3.4.1). */
  tags: string[];
  vr: string;
  value: string;
}

/**
 * Resolves QIDO-RS matching keys (PS3.18 8.3.4.1): keywords and tags, dotted for
 * sequence matching (PS3.4 C.2.2.2.6).
 * @throws QidoParamError for a keyword the PS3.6 dictionary does not know.
 */
export function resolveQidoKeys(match: Record<string, string>): ResolvedQidoKey[] {
  return Object.entries(match).map(([attributeId, value]) => {
    const entries = attributeId.split('.').map((part) => {
      const entry = lookupAttribute(part);
      if (!entry) throw new QidoParamError(`unknown attribute "${part}" in matching key "${attributeId}"`);
      return entry;
    });
    return { attributeId, tags: entries.map((e) => e.tag), vr: entries[entries.length - 1]!.vr, value };
  });
}

/**
 * Whether an entity (its attributes as DICOM JSON) matches every key (PS3.4 C.2.2.2:
 * the keys combine with AND). A sequence path matches when one item matches.
 */
export function matchQidoQuery(record: DicomJsonDataset, keys: readonly ResolvedQidoKey[], options: QidoMatchOptions = {}): boolean {
  return keys.every((key) => matchPath(record, key.tags, key, options));
}

function matchPath(dataset: DicomJsonDataset, tags: readonly string[], key: ResolvedQidoKey, options: QidoMatchOptions): boolean {
  const [first, ...rest] = tags;
  const attribute: DicomJsonAttribute | undefined = dataset[first!];
  if (rest.length === 0) return matchQidoKey(attribute?.vr ?? key.vr, key.value, attribute, options);
  if (key.value === '' || key.value === '*') return true;
  const items = (attribute?.Value ?? []).filter((item): item is DicomJsonDataset => item !== null && typeof item === 'object');
  return items.some((item) => matchPath(item, rest, key, options));
}
