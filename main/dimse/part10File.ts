import { dicomParser } from './dcmjsDimse';
import type { RawStoredDataset } from './runAssociation';

/** Implementation Class UID written in the File Meta Information of files this adapter stores. */
export const GARDE_IMPLEMENTATION_CLASS_UID = '1.2.826.0.1.3680043.10.1417.1';
const IMPLEMENTATION_VERSION = 'GARDE_DIMSE';

function element(group: number, elementNo: number, vr: string, value: Buffer): Buffer {
  const long = vr === 'OB';
  const head = Buffer.alloc(long ? 12 : 8);
  head.writeUInt16LE(group, 0);
  head.writeUInt16LE(elementNo, 2);
  head.write(vr, 4, 'latin1');
  if (long) head.writeUInt32LE(value.length, 8);
  else head.writeUInt16LE(value.length, 6);
  return Buffer.concat([head, value]);
}

function text(value: string, pad: string): Buffer {
  return Buffer.from(value.length % 2 === 1 ? value + pad : value, 'latin1');
}

/**
 * Wraps a dataset received over the network into a DICOM Part 10 file (PS3.10 7.1): 128-byte preamble,
 * `DICM`, and the File Meta Information group (0002) in Explicit VR Little Endian, then the dataset
 * bytes unchanged in their transfer syntax. The file is a list of chunks: that header, then the
 * received chunks themselves (not copied).
 */
export function toPart10(raw: RawStoredDataset, sourceAeTitle?: string): Buffer[] {
  const meta = Buffer.concat([
    element(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
    element(0x0002, 0x0002, 'UI', text(raw.sopClassUid, '\0')),
    element(0x0002, 0x0003, 'UI', text(raw.sopInstanceUid, '\0')),
    element(0x0002, 0x0010, 'UI', text(raw.transferSyntaxUid, '\0')),
    element(0x0002, 0x0012, 'UI', text(GARDE_IMPLEMENTATION_CLASS_UID, '\0')),
    element(0x0002, 0x0013, 'SH', text(IMPLEMENTATION_VERSION, ' ')),
    ...(sourceAeTitle ? [element(0x0002, 0x0016, 'AE', text(sourceAeTitle, ' '))] : []),
  ]);
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(meta.length, 0);
  const head = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'latin1'), element(0x0002, 0x0000, 'UL', groupLength), meta]);
  return [head, ...raw.chunks];
}

/** The bytes of a file kept as chunks, in one buffer (the chunk itself when there is only one). */
export function joinChunks(chunks: readonly Uint8Array[]): Buffer {
  if (chunks.length === 1) return Buffer.from(chunks[0]!.buffer, chunks[0]!.byteOffset, chunks[0]!.byteLength);
  return Buffer.concat(chunks);
}

/** Lengths of a file's start handed to the identity parser before the whole file; attributes before Pixel Data rarely exceed them. */
const IDENTITY_PREFIXES = [8 * 1024, 64 * 1024];

function prefixOf(chunks: readonly Uint8Array[], size: number): Buffer {
  const prefix = Buffer.alloc(size);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= size) break;
    const take = Math.min(chunk.byteLength, size - at);
    prefix.set(chunk.subarray(0, take), at);
    at += take;
  }
  return prefix;
}

/** The identifying attributes of a Part 10 file. */
export interface Part10Identity {
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  SOPClassUID: string;
  TransferSyntaxUID: string;
}

/**
 * Reads the UIDs of a Part 10 file (PS3.10 7.1), one buffer or a list of chunks, with dicom-parser,
 * stopping before the pixel data: the first 8 KiB are tried first, then 64 KiB, then the whole file.
 * @throws Error when the file cannot be parsed or lacks one of the UIDs.
 */
export function readPart10Identity(file: Uint8Array | readonly Uint8Array[]): Part10Identity {
  const chunks = file instanceof Uint8Array ? [file] : file;
  const length = chunks.reduce((n, c) => n + c.byteLength, 0);
  for (const size of IDENTITY_PREFIXES) {
    if (length <= size) break;
    try {
      return identityOf(prefixOf(chunks, size));
    } catch {
      // The attributes before Pixel Data are longer than this prefix.
    }
  }
  return identityOf(joinChunks(chunks));
}

function identityOf(bytes: Uint8Array): Part10Identity {
  const dataSet = dicomParser.parseDicom(bytes, { untilTag: 'x7fe00010' });
  const get = (tag: string, name: string): string => {
    const value = dataSet.string(tag)?.replace(/[\0 ]+$/, '');
    if (!value) throw new Error(`DICOM file without ${name}`);
    return value;
  };
  return {
    StudyInstanceUID: get('x0020000d', 'StudyInstanceUID'),
    SeriesInstanceUID: get('x0020000e', 'SeriesInstanceUID'),
    SOPInstanceUID: get('x00080018', 'SOPInstanceUID'),
    SOPClassUID: get('x00080016', 'SOPClassUID'),
    TransferSyntaxUID: get('x00020010', 'TransferSyntaxUID'),
  };
}
