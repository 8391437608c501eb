import dcmjs from 'dcmjs';

/** A data set as dcmjs reads it: elements by tag, with their VR, values and, for text, the raw value. */
type DcmjsDict = Record<string, { vr?: string; Value?: unknown[]; _rawValue?: unknown[] }>;

function keywordOf(tag: string): string {
  const entry = (dcmjs.data.DicomMetaDictionary.dictionary as Record<string, { name?: string } | undefined>)[`(${tag.slice(0, 4)},${tag.slice(4)})`.toUpperCase()];
  return entry?.name ? ` ${entry.name}` : '';
}

/**
 * Removes the space characters of UID values (UI VR, PS3.5 6.2: only digits and dots, padded with
 * a NUL byte), at any depth, as DCMTK does ("contains one or more space characters, which were
 * removed"); some older devices pad UIDs with spaces. A component with a leading zero (PS3.5 9.1
 * forbids it) is kept as it is, with a warning: it is the UID the PACS knows the object by.
 * @returns one warning per defect and attribute.
 */
export function cleanUids(dict: DcmjsDict, path = ''): string[] {
  const warnings: string[] = [];
  for (const [tag, element] of Object.entries(dict)) {
    const values = element.Value ?? [];
    if (element.vr === 'SQ') {
      values.forEach((item, k) => warnings.push(...cleanUids(item as DcmjsDict, `${path}(${tag.slice(0, 4)},${tag.slice(4)})[${k + 1}] `)));
      continue;
    }
    if (element.vr !== 'UI') continue;
    const name = `${path}(${tag.slice(0, 4)},${tag.slice(4)})${keywordOf(tag)}`;
    const raw = element._rawValue ?? values;
    if (raw.some((v) => typeof v === 'string' && v.includes(' '))) {
      element.Value = values.map((v) => (typeof v === 'string' ? v.replace(/ /g, '') : v));
      warnings.push(`${name}: space characters removed from the UID`);
    }
    if (element.Value?.some((v) => typeof v === 'string' && /(^|\.)0[0-9]/.test(v))) warnings.push(`${name}: a UID component has a leading zero`);
  }
  return warnings;
}
