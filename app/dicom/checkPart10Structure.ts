import { DicomParseError } from './DicomParseError';
import { DeflatedExplicitVRLittleEndian, transferSyntax } from './transferSyntax';

/** VRs with a 2-byte reserved field and a 4-byte length in explicit VR (PS3.5 7.1.2). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED = 0xffffffff;
const ITEM = 0xe000;
const ITEM_DELIMITER = 0xe00d;
const SEQUENCE_DELIMITER = 0xe0dd;

interface Syntax {
  implicit: boolean;
  little: boolean;
}

function hex(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

class Walker {
  /** Offset of the first item of a top-level encapsulated Pixel Data (7FE0,0010), when there is one. */
  pixelItemsOffset: number | undefined;

  constructor(
    private readonly view: DataView,
    private readonly bytes: Uint8Array,
  ) {}

  private u16(offset: number, little: boolean): number {
    return this.view.getUint16(offset, little);
  }

  private u32(offset: number, little: boolean): number {
    return this.view.getUint32(offset, little);
  }

  private need(offset: number, count: number, what: string): void {
    if (offset + count > this.bytes.length) {
      throw new DicomParseError('DICOM_TRUNCATED', `Truncated DICOM file: ${what} at byte ${offset} needs ${count} bytes, ${Math.max(0, this.bytes.length - offset)} remain`, offset);
    }
  }

  private zeroTail(offset: number): boolean {
    for (let i = offset; i < this.bytes.length; i += 1) if (this.bytes[i] !== 0) return false;
    return true;
  }

  /** Walks elements from `offset`; returns the offset after `end`, or after the closing delimiter when `untilDelimiter`. */
  walk(offset: number, end: number, syntax: Syntax, untilDelimiter: boolean): number {
    while (offset < end) {
      if (!untilDelimiter && this.zeroTail(offset)) return offset;
      this.need(offset, 8, 'element header');
      const group = this.u16(offset, syntax.little);
      const element = this.u16(offset + 2, syntax.little);
      const tag = `(${hex(group)},${hex(element)})`;
      if (group === 0xfffe) {
        const length = this.u32(offset + 4, syntax.little);
        offset += 8;
        if (element === ITEM_DELIMITER || element === SEQUENCE_DELIMITER) {
          if (untilDelimiter) return offset;
          continue;
        }
        if (element !== ITEM) throw new DicomParseError('DICOM_CORRUPT', `Corrupt DICOM file: unknown delimitation tag ${tag} at byte ${offset - 8}`, offset - 8);
        if (length === UNDEFINED) offset = this.walk(offset, end, syntax, true);
        else {
          // Defined-length items (sequence items or pixel fragments) are skipped whole.
          this.need(offset, length, `item of ${length} bytes`);
          offset += length;
        }
        continue;
      }
      let vr = '';
      let length: number;
      let header: number;
      if (syntax.implicit) {
        length = this.u32(offset + 4, syntax.little);
        header = 8;
      } else {
        const a = this.bytes[offset + 4] ?? 0;
        const b = this.bytes[offset + 5] ?? 0;
        if (a < 0x41 || a > 0x5a || b < 0x41 || b > 0x5a) {
          throw new DicomParseError('DICOM_CORRUPT', `Corrupt DICOM file: invalid VR bytes 0x${a.toString(16)} 0x${b.toString(16)} for ${tag} at byte ${offset}`, offset);
        }
        vr = String.fromCharCode(a, b);
        if (LONG_VRS.has(vr)) {
          this.need(offset, 12, `header of ${tag}`);
          length = this.u32(offset + 8, syntax.little);
          header = 12;
        } else {
          length = this.u16(offset + 6, syntax.little);
          header = 8;
        }
      }
      offset += header;
      if (length === UNDEFINED) {
        if (!untilDelimiter && group === 0x7fe0 && element === 0x0010) this.pixelItemsOffset = offset;
        const inner = vr === 'UN' ? { implicit: true, little: true } : syntax;
        offset = this.walk(offset, this.bytes.length, inner, true);
        continue;
      }
      this.need(offset, length, `value of ${tag} (${length} bytes)`);
      offset += length;
    }
    if (untilDelimiter) throw new DicomParseError('DICOM_TRUNCATED', `Truncated DICOM file: sequence or item delimiter missing before byte ${end}`, end);
    return offset;
  }
}

/**
 * Checks that every element of the data set starting at `offset` fits in the
 * buffer (PS3.5 7.1 element encoding, 7.5 nesting): a declared length past
 * the end means a truncated file; bytes that are not a valid element header
 * mean a corrupt one. Trailing zero padding is accepted. Deflated data sets
 * are not walked (their structure is checked when inflated).
 * @returns `contentEnd`, the offset where the content ends (start of any zero padding), and
 * `pixelItemsOffset`, where the items of an encapsulated Pixel Data start (PS3.5 A.4), if any.
 * @throws DicomParseError DICOM_TRUNCATED or DICOM_CORRUPT.
 */
export function checkDatasetStructure(bytes: Uint8Array, offset: number, TransferSyntaxUID: string): { contentEnd: number; pixelItemsOffset?: number } {
  if (TransferSyntaxUID === DeflatedExplicitVRLittleEndian) return { contentEnd: bytes.length };
  const known = transferSyntax(TransferSyntaxUID);
  const syntax = { implicit: known?.explicitVR === false, little: known?.littleEndian !== false };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const walker = new Walker(view, bytes);
  const contentEnd = walker.walk(offset, bytes.length, syntax, false);
  return walker.pixelItemsOffset === undefined ? { contentEnd } : { contentEnd, pixelItemsOffset: walker.pixelItemsOffset };
}
