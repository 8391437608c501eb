import { open, stat } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import type { DcmjsElement } from '../../app/dicom/dcmjsToDicomJson';
import { readPart10Dataset, type Part10Dataset } from '../../app/dicom/part10Dataset';
import { parseWithDicomParser } from '../../app/dicom/parseWithDicomParser';
import { DeflatedExplicitVRLittleEndian, isNativeSyntax } from '../../app/dicom/transferSyntax';
import type { IndexedInstance } from './instanceIndex';

/** Media Storage Directory Storage (PS3.4 Annex F): a DICOMDIR, not an instance. */
export const MEDIA_STORAGE_DIRECTORY_STORAGE = '1.2.840.10008.1.3.10';

/** A file that is not a usable DICOM instance; the message says why. */
export class NotAnInstanceError extends Error {
  override readonly name = 'NotAnInstanceError';
}

/** Options of {@link readInstanceHeader}. */
export interface ReadHeaderOptions {
  /** Bytes read first; the whole file is read only when the header is longer (default 64 KiB). */
  firstReadBytes?: number;
  /** Binary attributes up to this size are inlined as base64 (default 1024). */
  inlineBinaryLimit?: number;
}

/**
 * Reads the header of a DICOM Part 10 file (PS3.10 7.1: preamble, `DICM`, File Meta
 * Information, data set) up to Pixel Data, reading only a prefix of the file when the
 * header fits in it, and returns what an {@link InstanceIndex} keeps.
 * @throws NotAnInstanceError for a non-DICOM, truncated or incomplete file, or a DICOMDIR.
 */
export async function readInstanceHeader(path: string, options: ReadHeaderOptions = {}): Promise<IndexedInstance> {
  const info = await stat(path);
  if (!info.isFile()) throw new NotAnInstanceError('not a regular file');
  const first = Math.min(info.size, options.firstReadBytes ?? 64 * 1024);
  let bytes = await readPrefix(path, first);
  if (bytes.length < 132 || latin(bytes, 128, 132) !== 'DICM') {
    throw new NotAnInstanceError(bytes.length < 132 ? `too short for DICOM Part 10 (${bytes.length} bytes)` : 'no "DICM" prefix after the 128-byte preamble (not DICOM Part 10, PS3.10 7.1)');
  }
  let parsed = tryParse(bytes);
  if ((parsed instanceof Error || !parsed.elements.x7fe00010) && bytes.length < info.size) {
    bytes = await readPrefix(path, info.size);
    parsed = tryParse(bytes);
  }
  if (parsed instanceof Error) throw new NotAnInstanceError(`unreadable DICOM: ${parsed.message}`);
  const transferSyntax = parsed.string('x00020010')?.trim();
  if (!transferSyntax) throw new NotAnInstanceError('no Transfer Syntax UID (0002,0010) in the File Meta Information');
  if (parsed.string('x00020002')?.trim() === MEDIA_STORAGE_DIRECTORY_STORAGE) throw new NotAnInstanceError('a DICOMDIR (media directory, PS3.10 8.6), not an instance');
  const pixel = parsed.elements.x7fe00010;
  const encapsulated = pixel !== undefined && !isNativeSyntax(transferSyntax);
  if (pixel && !encapsulated && transferSyntax !== DeflatedExplicitVRLittleEndian && pixel.length >= 0 && pixel.dataOffset + pixel.length > info.size) {
    throw new NotAnInstanceError(`truncated: Pixel Data declares ${pixel.length} bytes, the file ends ${info.size - pixel.dataOffset} bytes after its start`);
  }

  let header: Part10Dataset;
  try {
    header = readPart10Dataset(bytes, { inlineBinaryLimit: options.inlineBinaryLimit ?? 1024 });
  } catch (error) {
    throw new NotAnInstanceError(`unreadable DICOM data set: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { dataset, meta } = header;
  const uid = (tag: string): string | undefined => {
    const value = dataset[tag]?.Value?.[0];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const sop = uid('00080018') ?? firstString(meta['00020003']);
  const study = uid('0020000D');
  const series = uid('0020000E');
  const missing = [!study && 'StudyInstanceUID', !series && 'SeriesInstanceUID', !sop && 'SOPInstanceUID'].filter(Boolean);
  if (missing.length > 0) throw new NotAnInstanceError(`missing ${missing.join(', ')}`);
  return {
    path,
    size: info.size,
    mtimeMs: info.mtimeMs,
    StudyInstanceUID: study!,
    SeriesInstanceUID: series!,
    SOPInstanceUID: sop!,
    TransferSyntaxUID: transferSyntax,
    dataset,
    ...(pixel ? { pixelData: { vr: encapsulated ? 'OB' : (pixel.vr ?? pixelVr(dataset)), encapsulated } } : {}),
  };
}

function tryParse(bytes: Uint8Array): ReturnType<typeof parseWithDicomParser> | Error {
  try {
    return parseWithDicomParser(bytes, { untilTag: 'x7fe00010', inflateRaw: inflateRawSync });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function readPrefix(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const out = new Uint8Array(length);
    let offset = 0;
    while (offset < length) {
      const { bytesRead } = await handle.read(out, offset, length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return out.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

function latin(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

function firstString(element: DcmjsElement | undefined): string | undefined {
  const value = Array.isArray(element?.Value) ? element.Value[0] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function pixelVr(dataset: IndexedInstance['dataset']): string {
  const bits = dataset['00280100']?.Value?.[0];
  return typeof bits === 'number' && bits <= 8 ? 'OB' : 'OW';
}
