import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom } from '../../main/demo/samples';
import { dimse } from '../../main/dimse/dcmjsDimse';
import { encodeStoreResponseCommand, storeResponse } from '../../main/dimse/storeResponse';
import { streamedMultipartResponse } from '../../main/gateway/multipartResponse';
import { readPart10Identity, toPart10 } from '../../main/dimse/part10File';
import { TempInstanceStore } from '../../main/dimse/tempInstanceStore';
import { parseMultipart } from '../fixtures/pacs';

const CT = '1.2.840.10008.5.1.4.1.1.2';
const phantom = generateCtPhantom({
  seed: 'dimse-receive-path',
  patient: { PatientName: 'RECEIVE^PATH', PatientID: 'RP-1', PatientBirthDate: '19700101', PatientSex: 'O' },
  study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.7201', StudyDate: '20261122', StudyTime: '120000', AccessionNumber: 'RP1', StudyID: '1', StudyDescription: 'receive path' },
  Rows: 64,
  Columns: 64,
  slices: 4,
});
const files = phantom.instances.map((i) => Buffer.from(i.buffer));

/** Splits bytes into chunks of `size` (the last one shorter), like PDV values. */
function split(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

let tempRoot: string;
beforeAll(async () => {
  tempRoot = await mkdtemp(join(tmpdir(), 'garde-dimse-receive-'));
});
afterAll(async () => {
  await rm(tempRoot, { recursive: true, force: true });
});

describe('C-STORE response encoding', () => {
  it('encodes the same command bytes as dcmjs-dimse, with and without an error comment', () => {
    const request = new dimse.requests.CStoreRequest(new dimse.Dataset({ SOPClassUID: CT, SOPInstanceUID: '1.2.3.45' }));
    request.setMessageId(513);
    for (const [status, comment] of [[0, undefined], [0xa700, 'out of resources'], [0xb000, 'odd']] as const) {
      const reference = dimse.responses.CStoreResponse.fromRequest(request);
      reference.setStatus(status);
      if (comment) reference.setErrorComment(comment);
      const expected = reference.getCommandDataset().getDenaturalizedCommandDataset();
      expect(encodeStoreResponseCommand(reference.getCommandDataset().getElements() as Record<string, unknown>)?.equals(expected)).toBe(true);
      if (!comment) {
        const fast = storeResponse(request, status);
        expect(fast.getStatus()).toBe(status);
        expect(fast.getCommandDataset().getDenaturalizedCommandDataset().equals(expected)).toBe(true);
      }
    }
  });

  it('leaves commands with unknown elements to the library', () => {
    expect(encodeStoreResponseCommand({ CommandField: 0x8001, NumberOfRemainingSuboperations: 3 })).toBeUndefined();
  });
});

describe('Part 10 files kept as received chunks', () => {
  it('reads the identity of a chunked file, also when the attributes before Pixel Data exceed the first prefixes', () => {
    const dataset = files[0]!.subarray(132 + 12 + files[0]!.readUInt32LE(140));
    const raw = { sopClassUid: CT, sopInstanceUid: phantom.instances[0]!.SOPInstanceUID, transferSyntaxUid: '1.2.840.10008.1.2.1', chunks: split(dataset, 1000), length: dataset.length };
    const identity = readPart10Identity(toPart10(raw, 'PACS'));
    expect(identity).toMatchObject({ SOPInstanceUID: phantom.instances[0]!.SOPInstanceUID, SeriesInstanceUID: phantom.SeriesInstanceUID, TransferSyntaxUID: '1.2.840.10008.1.2.1' });
    // A long private value just before Pixel Data: the 8 KiB and 64 KiB prefixes end inside it.
    const long = Buffer.alloc(100_000 + 12);
    long.writeUInt16LE(0x7fdf, 0);
    long.writeUInt16LE(0x1010, 2);
    long.write('OB', 4, 'latin1');
    long.writeUInt32LE(100_000, 8);
    const pixelAt = dataset.indexOf(Buffer.from([0xe0, 0x7f, 0x10, 0x00]));
    const withLong = Buffer.concat([dataset.subarray(0, pixelAt), long, dataset.subarray(pixelAt)]);
    expect(readPart10Identity(toPart10({ ...raw, chunks: split(withLong, 4096), length: withLong.length })).SOPInstanceUID).toBe(phantom.instances[0]!.SOPInstanceUID);
  });

  it('keeps instances in memory up to its bound, writes the oldest to files, and reads both back unchanged', async () => {
    const dir = join(tempRoot, 'store');
    const store = new TempInstanceStore(dir, 10 * files[0]!.length, 2.5 * files[0]!.length);
    const stored = [];
    for (const file of files) stored.push(await store.put(split(file, 3000)));
    expect(store.memorySize).toBeLessThanOrEqual(2.5 * files[0]!.length);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(stored[0]!.path)).toBe(true);
    expect(existsSync(stored[3]!.path)).toBe(false);
    for (const [i, instance] of stored.entries()) {
      expect((await store.read(instance)).equals(files[i]!)).toBe(true);
    }
    expect(readFileSync(stored[0]!.path).equals(files[0]!)).toBe(true);
    await store.close();
    expect(existsSync(dir)).toBe(false);
  });
});

describe('streamed multipart answer (WADO-RS instances)', () => {
  it('produces each part only when the client reads, and the parts parse back byte-identical', async () => {
    let produced = 0;
    async function* parts() {
      for (const file of files) {
        produced += 1;
        yield { headers: { 'Content-Type': 'application/dicom' }, body: new Uint8Array(file) };
      }
    }
    const response = streamedMultipartResponse(parts(), 'application/dicom');
    expect(produced).toBe(0);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(produced).toBe(files.length);
    const parsed = parseMultipart(response.headers.get('content-type')!, body);
    expect(parsed.map((p, i) => Buffer.from(p.body).equals(files[i]!))).toEqual(files.map(() => true));
  });
});
