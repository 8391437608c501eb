import { wadors } from '@cornerstonejs/dicom-image-loader';
import type { DicomJsonAttribute, DicomJsonDataset } from '../../app/dicomweb';
import { isPaletteChannel, paletteDisplayValues, PALETTE_CHANNELS, PALETTE_TAGS, readPaletteChannel } from '../../app/dicom/paletteColorLut';
import { PaletteRefusedError } from './decodeErrors';

/** A channel's Lookup Table Data bytes, by instance and tag, fetched or decoded once. */
const tableBytes = new Map<string, Promise<Uint8Array | undefined>>();

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The stored bytes of an OW attribute of the DICOM JSON model (PS3.18 F.2.7): inline, as a bulk data resource, or numbers. */
async function attributeBytes(attribute: DicomJsonAttribute | undefined, imageId: string): Promise<Uint8Array | undefined> {
  if (!attribute) return undefined;
  if (attribute.InlineBinary) return base64Bytes(attribute.InlineBinary);
  if (attribute.BulkDataURI) {
    const part = (await wadors.getPixelData(attribute.BulkDataURI, imageId, 'multipart/related; type=application/octet-stream; transfer-syntax=*')) as { pixelData: Uint8Array };
    return part.pixelData;
  }
  if (Array.isArray(attribute.Value)) return new Uint8Array(Uint16Array.from(attribute.Value as number[]).buffer);
  return undefined;
}

/** The instance a frame's image id belongs to (its URL without `/frames/<n>`). */
const instanceOf = (imageId: string) => imageId.replace(/\/frames\/\d+$/, '');

/**
 * Makes the palette of a PALETTE COLOR frame usable by the dicom-image-loader, before its decode
 * (PS3.3 C.7.6.3.1.5-6, C.7.9). The loader reads Palette Color Lookup Table Data only as DICOM JSON
 * `Value` numbers; WADO-RS metadata carries it as InlineBinary or BulkDataURI, so the loader found
 * no palette and its image creation threw where nothing caught it: the image never loaded and never
 * failed. Here the data is decoded (or fetched once per instance) and registered as the 8-bit value
 * each entry shows, so the loader's palette lookup gives the values DCMTK and GDCM give.
 * @throws PaletteRefusedError at once when a channel is missing, segmented, or malformed.
 */
export async function preparePaletteColor(imageId: string): Promise<void> {
  const metadata = wadors.metaDataManager.get(imageId) as DicomJsonDataset | undefined;
  if (metadata?.['00280004']?.Value?.[0] !== 'PALETTE COLOR') return;
  for (const name of PALETTE_CHANNELS) {
    const tags = PALETTE_TAGS[name];
    const key = `${instanceOf(imageId)}|${tags.data}`;
    let bytes = tableBytes.get(key);
    if (!bytes) tableBytes.set(key, (bytes = attributeBytes(metadata[tags.data], imageId)));
    const data = await bytes.catch((error: unknown) => {
      tableBytes.delete(key);
      throw new PaletteRefusedError(name, `its data could not be fetched (${error instanceof Error ? error.message : String(error)})`);
    });
    if (!data) throw new PaletteRefusedError(name, metadata[tags.segmented] ? 'it is segmented (not supported)' : 'its data is missing');
    const channel = readPaletteChannel(metadata[tags.descriptor]?.Value as number[] | undefined, data);
    if (!isPaletteChannel(channel)) throw new PaletteRefusedError(name, channel.problem);
    // A new attribute: the registered JSON keeps its InlineBinary or BulkDataURI as received.
    metadata[tags.data] = { ...metadata[tags.data], vr: 'OW', Value: paletteDisplayValues(channel) };
  }
}
