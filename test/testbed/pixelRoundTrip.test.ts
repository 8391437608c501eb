import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFrames, qido, runDcmtk, startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { framesOf, smallSamplesOfEveryKind } from './generatedSamples';

const samples = smallSamplesOfEveryKind();

describe('generated files', () => {
  let dir: string;
  let orthanc: OrthancInstance;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'garde-roundtrip-'));
    orthanc = await startOrthanc({ name: 'ROUNDTRIP', aeTitle: 'ROUNDTRIP', username: 'rt', password: 'rt-secret' });
  });

  afterAll(async () => {
    await orthanc?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('pass dcmdump +E without any error or warning', async () => {
    for (const [index, { label, instance }] of samples.entries()) {
      const path = join(dir, `${index}.dcm`);
      await writeFile(path, new Uint8Array(instance.buffer));
      const result = await runDcmtk('dcmdump', ['+E', path]);
      expect({ label, code: result.code, stderr: result.stderr }).toEqual({ label, code: 0, stderr: '' });
    }
  });

  it('are all accepted by Orthanc over STOW-RS', async () => {
    const result = await storeInstancesStow(orthanc, samples.map((s) => s.instance.buffer));
    expect(result).toEqual({ stored: samples.length, failed: 0 });
    const stored = await qido(orthanc, '/instances');
    expect(stored.map((i) => String(i['00080018']?.Value?.[0])).sort()).toEqual(samples.map((s) => s.instance.SOPInstanceUID).sort());
  });

  it('round-trip their pixel data byte for byte through WADO-RS frames', async () => {
    for (const { label, instance } of samples) {
      const expected = framesOf(instance.buffer);
      const frames = await fetchFrames(orthanc, instance, expected.map((_, k) => k + 1));
      expect(frames.length, label).toBe(expected.length);
      frames.forEach((frame, k) => {
        expect(frame.bytes.byteLength, `${label} frame ${k + 1}`).toBe(expected[k]?.byteLength);
        expect(Buffer.compare(Buffer.from(frame.bytes), Buffer.from(expected[k] ?? [])), `${label} frame ${k + 1}`).toBe(0);
      });
    }
  });

  it('keep accented names intact in ISO_IR 100 and ISO_IR 192 through QIDO-RS', async () => {
    const names = (await qido(orthanc, '/studies?includefield=00100010')).map((s) => (s['00100010']?.Value?.[0] as { Alphabetic?: string })?.Alphabetic);
    expect(names).toContain('LEFÈVRE^Hélène');
    expect(names).toContain('GARCÍA LÓPEZ^José^María^Dr^Jr');
  });
});
