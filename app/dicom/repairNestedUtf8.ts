/**
 * dcmjs 0.52 decodes the text of sequence items as ISO 8859-1 even when the data set declares
 * UTF-8 (SpecificCharacterSet ISO_IR 192, PS3.5 6.1.2.5.3): "Hélène" in a content item comes out as
 * "HÃ©lÃ¨ne". Such a string is its UTF-8 bytes, one per character; this gives the text back.
 * A string that is not such bytes (a character above U+00FF, or not valid UTF-8) is returned as
 * it is, so a correctly decoded value is never changed.
 */
export function repairNestedUtf8(text: string): string {
  let out = '';
  let i = 0;
  let changed = false;
  while (i < text.length) {
    const b0 = text.charCodeAt(i);
    if (b0 > 0xff) return text;
    if (b0 < 0x80) {
      out += text[i];
      i += 1;
      continue;
    }
    const length = b0 >= 0xf0 && b0 <= 0xf4 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc2 && b0 <= 0xdf ? 2 : 0;
    if (length === 0 || i + length > text.length) return text;
    let cp = b0 & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
    for (let k = 1; k < length; k += 1) {
      const b = text.charCodeAt(i + k);
      if (b < 0x80 || b > 0xbf) return text;
      cp = (cp << 6) | (b & 0x3f);
    }
    const minimum = length === 2 ? 0x80 : length === 3 ? 0x800 : 0x10000;
    if (cp < minimum || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return text;
    out += String.fromCodePoint(cp);
    changed = true;
    i += length;
  }
  return changed ? out : text;
}
