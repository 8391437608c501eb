import { transferSyntax } from '../dicom/transferSyntax';
import { parseContentType } from './parseContentType';

/** What a WADO-RS response part will be. */
export interface NegotiatedSyntax {
  /** Content-Type of each part (without the transfer-syntax parameter). */
  partType: string;
  /** Transfer syntax of the bytes sent. */
  transferSyntaxUID: string;
}

/**
 * Picks the part media type and transfer syntax of a WADO-RS frames, bulkdata or
 * instances response from the Accept header (PS3.18 8.7.3 and 8.7.4), for a server
 * that sends what it stores and does not transcode.
 *
 * `deliverable` is the syntax this server can send: the stored syntax for
 * instances and for encapsulated pixel data, Explicit VR Little Endian for native
 * pixel data (byte-swapped from big endian when needed, PS3.18 8.7.3.3.2).
 * A media range is acceptable when its (part) type fits (`application/dicom` for
 * instances; `application/octet-stream` or the image type of the syntax for frames; any
 * wildcard) and its transfer-syntax parameter is absent, `*` or the deliverable syntax.
 * Without Accept, or with an acceptable range, the deliverable syntax is sent.
 *
 * @returns undefined when no media range is acceptable: the caller answers 406.
 */
export function negotiateTransferSyntax(
  accept: string | null | undefined,
  what: 'instances' | 'frames',
  deliverable: string,
): NegotiatedSyntax | undefined {
  const defaultType = what === 'instances' ? 'application/dicom' : 'application/octet-stream';
  const ranges = splitAccept(accept ?? '');
  if (ranges.length === 0) return { partType: defaultType, transferSyntaxUID: deliverable };
  const ordered = ranges
    .map((text, index) => ({ parsed: parseContentType(text), index }))
    .filter((r) => r.parsed !== undefined)
    .map((r) => ({ ...r, q: Number(r.parsed!.parameters.q ?? '1') }))
    .filter((r) => !(r.q <= 0))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { parsed } of ordered) {
    const range = parsed!;
    const isMultipart = range.mediaType === 'multipart/related' || range.mediaType === 'multipart/*';
    const partType = (isMultipart ? range.parameters.type : range.mediaType)?.toLowerCase();
    const syntax = range.parameters['transfer-syntax'];
    if (syntax !== undefined && syntax !== '*' && syntax !== deliverable) continue;
    if (partType === undefined || partType === '*/*' || partType === `${defaultType.split('/')[0]}/*`) return { partType: defaultType, transferSyntaxUID: deliverable };
    if (partType === defaultType) return { partType, transferSyntaxUID: deliverable };
    // Image media types of compressed syntaxes: PS3.18 Table 8.7.3-2.
    const image = what === 'frames' ? transferSyntax(deliverable)?.mediaType : undefined;
    if (image && (partType === image || partType === 'image/*')) return { partType: image, transferSyntaxUID: deliverable };
  }
  return undefined;
}

/** Splits an Accept header on commas outside quoted strings. */
function splitAccept(accept: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of accept) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}
