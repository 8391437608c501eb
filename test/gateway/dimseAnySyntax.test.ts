import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DimseNode } from '../../app/nodes';
import { createDimseAdapter, type DimseAdapter } from '../../main/dimse';
import { parseMultipart, startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';

/**
 * A DIMSE node serves every instance it retrieves, whatever its transfer syntax: a big-endian and a
 * deflated instance of pydicom's test files, stored in a real Orthanc, retrieved by C-GET through the
 * gateway's DIMSE adapter; metadata checked against the little-endian reference file (dcmjs), frames
 * pixel by pixel against GDCM's decode of the reference (gdcmraw -P).
 */
const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const PUBLIC_BASE = 'garde://gateway/nodes/dimse-any/dicom-web';
const NATIVE_FRAMES = 'multipart/related; type="application/octet-stream"; transfer-syntax=1.2.840.10008.1.2.1';
const CASES = [
  { file: 'MR_small_bigendian.dcm', reference: 'MR_small.dcm', TransferSyntaxUID: '1.2.840.10008.1.2.2' },
  { file: 'image_dfl.dcm', reference: 'image_dfl.dcm', TransferSyntaxUID: '1.2.840.10008.1.2.1.99' },
];
const TAGS = ['00080018', '00080060', '00100010', '00100020', '0020000D', '0020000E', '00200013', '00280002', '00280004', '00280010', '00280011', '00280100', '00280101', '00280103'];

let pacs: OrthancInstance;
let tempRoot: string;
let adapter: DimseAdapter;
let work: string;

type Json = Record<string, { vr: string; Value?: unknown[]; BulkDataURI?: string }>;
const dicomJsonOf = (path: string): Json => {
  const bytes = readFileSync(path);
  const dict = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).dict as Json;
  return dict;
};
const uid = (d: Json, tag: string): string => String(d[tag]!.Value![0]);
/** An attribute's values; an empty value counts as absent (DICOM JSON omits Value then, PS3.18 F.2.5). */
const values = (d: Json, tag: string): string => {
  const list = (d[tag]?.Value ?? []).filter((v) => v !== '' && v !== null);
  return JSON.stringify(list.length > 0 ? list : null);
};

function call(path: string, init: RequestInit = {}): Promise<Response> {
  return adapter.fetch(new Request(`${PUBLIC_BASE}/${path}`.replace('garde:', 'http:'), init), { path, publicBase: PUBLIC_BASE, signal: new AbortController().signal });
}

beforeAll(async () => {
  pacs = await startOrthanc({ name: 'gw-dimse-any', aeTitle: 'DIMSE_ANY', username: 'any', password: 'any-secret', peers: [{ name: 'GARDE_ANY', aeTitle: 'GARDE_ANY', host: '127.0.0.1', port: 1 }] });
  tempRoot = await mkdtemp(join(tmpdir(), 'garde-dimse-any-'));
  work = await mkdtemp(join(tmpdir(), 'garde-dimse-any-raw-'));
  const stored = await storeInstancesStow(pacs, CASES.map((c) => readFileSync(join(PYDICOM, c.file))));
  expect(stored.stored).toBe(CASES.length);
  const node: DimseNode = { id: 'dimse-any', name: 'PACS any syntax', kind: 'dimse', host: '127.0.0.1', port: pacs.dicomPort, calledAeTitle: pacs.aeTitle, callingAeTitle: 'GARDE_ANY', retrieve: 'C-GET' };
  adapter = createDimseAdapter(node, { tempDir: tempRoot, timeoutMs: 10_000 });
});
afterAll(async () => {
  await adapter?.close();
  await pacs?.stop();
  for (const dir of [tempRoot, work]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('DIMSE node: big-endian and deflated instances (PS3.5 A.3, A.5; PS3.18 8.7.3.3.2)', () => {
  it.each(CASES)('serves $file: metadata as the reference, frames as Explicit VR Little Endian equal to GDCM', async ({ file, reference, TransferSyntaxUID }) => {
    const original = dicomJsonOf(join(PYDICOM, file));
    const expected = dicomJsonOf(join(PYDICOM, reference));
    const study = uid(original, '0020000D');
    const series = uid(original, '0020000E');
    const sop = uid(original, '00080018');
    const asStored = await fetch(`${pacs.dicomWebUrl}/studies/${study}/series/${series}/instances/${sop}/metadata`, { headers: { authorization: pacs.authorization, accept: 'application/dicom+json' } });
    expect(asStored.status).toBe(200);

    const metadata = await call(`studies/${study}/series/${series}/metadata`);
    const text = await metadata.text();
    expect(metadata.status, text.slice(0, 300)).toBe(200);
    const [instance] = JSON.parse(text) as Json[];
    for (const tag of TAGS) expect(values(instance!, tag), `${file} ${tag}`).toBe(values(expected, tag));
    expect(instance!['7FE00010']?.BulkDataURI).toBe(`${PUBLIC_BASE}/bulkdata/${study}/${series}/${sop}/7FE00010`);

    const frames = await call(`studies/${study}/series/${series}/instances/${sop}/frames/1`, { headers: { accept: NATIVE_FRAMES } });
    const body = new Uint8Array(await frames.arrayBuffer());
    expect(frames.status, new TextDecoder().decode(body.subarray(0, 300))).toBe(200);
    const parts = parseMultipart(frames.headers.get('content-type')!, body);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.headers['content-type']).toContain('transfer-syntax=1.2.840.10008.1.2.1');
    const raw = join(work, `${file}.raw`);
    execFileSync('gdcmraw', ['-i', join(PYDICOM, reference), '-o', raw, '-P']);
    const gdcm = new Uint8Array(readFileSync(raw));
    const frame = parts[0]!.body;
    expect(frame.length).toBe(gdcm.length);
    const bytesPerPixel = Number(expected['00280100']!.Value![0]) / 8;
    let differing = 0;
    for (let i = 0; i < gdcm.length; i += bytesPerPixel) if (frame.subarray(i, i + bytesPerPixel).some((b, k) => b !== gdcm[i + k])) differing++;
    expect(differing, `${file}: pixels differing from the reference`).toBe(0);
    // The node retrieved the instance in its stored syntax (not converted by the PACS on the way).
    const whole = await call(`studies/${study}/series/${series}/instances/${sop}`, { headers: { accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' } });
    const [part] = parseMultipart(whole.headers.get('content-type')!, new Uint8Array(await whole.arrayBuffer()));
    expect(part!.headers['content-type']).toContain(`transfer-syntax=${TransferSyntaxUID}`);
  });
});
