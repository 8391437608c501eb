import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom, generateMammographyStudy } from '../../main/demo/samples';
import { fetchFrames, runDcmtk, startOrthanc, storeInstancesCStore, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { framesOf, testStudy } from './generatedSamples';

/** dcmtk compressors and the lossless transfer syntax each produces (PS3.5 A.4). */
const CODECS = [
  { tool: 'dcmcjpeg', args: ['+e1'], transferSyntax: '1.2.840.10008.1.2.4.70' },
  { tool: 'dcmcjpls', args: ['+el'], transferSyntax: '1.2.840.10008.1.2.4.80' },
  { tool: 'dcmcrle', args: [], transferSyntax: '1.2.840.10008.1.2.5' },
] as const;

const EXPLICIT_LE = '1.2.840.10008.1.2.1';

describe('generated files compressed with dcmtk', () => {
  let dir: string;
  let orthanc: OrthancInstance;
  const ct = generateCtPhantom({ seed: 'codec', patient: { PatientName: 'CODEC^CT', PatientID: 'C1', PatientBirthDate: '19800101', PatientSex: 'M' }, study: testStudy('codec-ct'), Rows: 96, Columns: 96, slices: 2, SliceThickness: 20 });
  const mg = generateMammographyStudy({ seed: 'codec', patient: { PatientName: 'CODEC^MG', PatientID: 'C2', PatientBirthDate: '19700101', PatientSex: 'F' }, study: testStudy('codec-mg'), Rows: 192, Columns: 160 });
  const originals = [ct.instances[0]!, mg.instances[0]!];
  const compressed: Array<{ tool: string; transferSyntax: string; buffer: Buffer; original: (typeof originals)[number] }> = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'garde-codec-'));
    orthanc = await startOrthanc({
      name: 'CODEC',
      aeTitle: 'CODEC',
      username: 'codec',
      password: 'codec-secret',
      peers: [{ name: 'GARDE', aeTitle: 'GARDE', host: '127.0.0.1', port: 104 }],
    });
  });

  afterAll(async () => {
    await orthanc?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('compress losslessly with dcmcjpeg, dcmcjpls and dcmcrle', async () => {
    for (const [index, original] of originals.entries()) {
      const input = join(dir, `in-${index}.dcm`);
      await writeFile(input, new Uint8Array(original.buffer));
      for (const codec of CODECS) {
        const output = join(dir, `${codec.tool}-${index}.dcm`);
        const result = await runDcmtk(codec.tool, [...codec.args, input, output]);
        expect(result.code, result.stderr).toBe(0);
        const buffer = await readFile(output);
        expect(buffer.toString('latin1')).toContain(codec.transferSyntax);
        compressed.push({ tool: codec.tool, transferSyntax: codec.transferSyntax, buffer, original });
      }
    }
    expect(compressed).toHaveLength(6);
  });

  it('load in Orthanc, which keeps the compressed syntax and decodes them to the original pixels', async () => {
    // Same SOP Instance UIDs per codec: store, check, then store the next codec (OverwriteInstances).
    for (const item of compressed) {
      await storeInstancesStow(orthanc, [item.buffer]);
      const [stored] = await fetchFrames(orthanc, item.original, [1], '*');
      expect(stored?.contentType, item.tool).toContain(`transfer-syntax=${item.transferSyntax}`);
      const [decoded] = await fetchFrames(orthanc, item.original, [1], EXPLICIT_LE);
      const expected = framesOf(item.original.buffer)[0]!;
      expect(Buffer.compare(Buffer.from(decoded!.bytes), Buffer.from(expected)), item.tool).toBe(0);
    }
  });

  it('go over C-STORE with dcmsend in their compressed syntax, refused for an unknown calling AE', async () => {
    const peer = { host: orthanc.host, dimsePort: orthanc.dicomPort, aeTitle: orthanc.aeTitle };
    const rle = compressed.find((c) => c.tool === 'dcmcrle' && c.original === originals[1])!;
    await storeInstancesCStore(peer, [rle.buffer], 'GARDE', 'dcmsend');
    const [stored] = await fetchFrames(orthanc, rle.original, [1], '*');
    expect(stored?.contentType).toContain(`transfer-syntax=${rle.transferSyntax}`);
    await storeInstancesCStore(peer, [originals[1]!.buffer], 'GARDE', 'storescu');
    const [plain] = await fetchFrames(orthanc, rle.original, [1], '*');
    expect(plain?.contentType).toContain(`transfer-syntax=${EXPLICIT_LE}`);
    await expect(storeInstancesCStore(peer, [originals[1]!.buffer], 'STRANGER', 'storescu')).rejects.toThrow(/storescu to CODEC failed/);
  });

  it('survive many concurrent transcoding WADO-RS requests (thread stack preload)', async () => {
    await storeInstancesStow(orthanc, [compressed.find((c) => c.tool === 'dcmcjpls')!.buffer]);
    const requests = Array.from({ length: 48 }, () => fetchFrames(orthanc, originals[0]!, [1], EXPLICIT_LE));
    const results = await Promise.all(requests);
    const expected = Buffer.from(framesOf(originals[0]!.buffer)[0]!);
    expect(results.every(([frame]) => Buffer.compare(Buffer.from(frame!.bytes), expected) === 0)).toBe(true);
    const system = await fetch(`${orthanc.httpUrl}/system`, { headers: { authorization: orthanc.authorization } });
    expect(system.status).toBe(200);
  });
});
