/**
 * dcmjs writes every string as UTF-8. For a dataset declaring
 * SpecificCharacterSet ISO_IR 100 (PS3.3 C.12.1.1.2) the bytes of non-ASCII
 * text must be ISO 8859-1: the dataset is written with '?' placeholders and
 * the placeholders are then replaced in the element values found by tag.
 */

/** Replaces every character above U+007F with '?', keeping one byte per character. */
export function asciiPlaceholder(text: string): string {
  let out = '';
  for (const char of text) out += char.charCodeAt(0) > 0x7f ? '?' : char;
  return out;
}

/** ISO 8859-1 bytes of `text`. Throws on a character outside Latin-1. */
export function encodeLatin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new Error(`Character U+${code.toString(16)} is not in ISO_IR 100 (Latin-1)`);
    bytes[i] = code;
  }
  return bytes;
}

/**
 * In an explicit VR little endian Part 10 buffer, finds the element `tag`
 * (group, element) whose value starts with the ASCII `placeholder` and
 * overwrites it with the Latin-1 bytes of `text` (same length).
 * Every matching element is patched (the same text may appear in sequences).
 * @returns the number of elements patched.
 */
export function patchLatin1Element(bytes: Uint8Array, group: number, element: number, placeholder: string, text: string): number {
  const encoded = encodeLatin1(text);
  const needle = [group & 0xff, group >> 8, element & 0xff, element >> 8];
  let patched = 0;
  for (let i = 132; i + 8 + encoded.length <= bytes.length; i += 1) {
    if (bytes[i] !== needle[0] || bytes[i + 1] !== needle[1] || bytes[i + 2] !== needle[2] || bytes[i + 3] !== needle[3]) continue;
    const valueStart = i + 8;
    let same = true;
    for (let k = 0; k < placeholder.length && same; k += 1) same = bytes[valueStart + k] === placeholder.charCodeAt(k);
    if (!same) continue;
    bytes.set(encoded, valueStart);
    patched += 1;
  }
  return patched;
}
