import dcmjs from 'dcmjs';

/** A data element of the DICOM data dictionary (PS3.6 section 6). */
export interface AttributeEntry {
  /** 8 upper-case hex digits, e.g. `00100010`. */
  tag: string;
  /** Value Representation (PS3.5 6.2); `OB`/`OW` alternatives are reported as the first one. */
  vr: string;
  /** DICOM keyword, e.g. `PatientName`; undefined for a tag the dictionary does not know. */
  keyword?: string;
}

const HEX_TAG = /^[0-9A-Fa-f]{8}$/;

/**
 * Looks up a QIDO-RS attributeID (PS3.18 8.3.4.1: keyword or 8-hex-digit tag) in the
 * PS3.6 data dictionary shipped with dcmjs. Unknown keywords give undefined; an
 * unknown tag gives an entry with VR `UN` (PS3.5 6.2.2).
 */
export function lookupAttribute(attributeId: string): AttributeEntry | undefined {
  const dictionary = dcmjs.data.DicomMetaDictionary;
  if (HEX_TAG.test(attributeId)) {
    const tag = attributeId.toUpperCase();
    const entry = dictionary.dictionary[`(${tag.slice(0, 4)},${tag.slice(4)})`];
    return entry ? { tag, vr: firstVr(entry.vr), keyword: entry.name } : { tag, vr: 'UN' };
  }
  const entry = dictionary.nameMap[attributeId];
  if (!entry) return undefined;
  return { tag: entry.tag.replace(/[(),]/g, '').toUpperCase(), vr: firstVr(entry.vr), keyword: attributeId };
}

/** The VR of a tag (PS3.6), `UN` when unknown. */
export function vrOfTag(tag: string): string {
  return lookupAttribute(tag)?.vr ?? 'UN';
}

function firstVr(vr: string): string {
  if (vr === 'ox' || vr === 'OB or OW' || vr === 'OB|OW') return 'OW';
  if (vr === 'xs' || vr.startsWith('US or SS') || vr.startsWith('US|SS')) return 'US';
  return vr.slice(0, 2).toUpperCase();
}
