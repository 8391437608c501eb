import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFolderAdapter, type FolderAdapter } from '../../main/folder';
import { parseMultipart } from '../fixtures/pacs';

type Json = Record<string, { vr: string; Value?: unknown[] }>;
const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const DICOMDIR = `${PYDICOM}/dicomdirtests/DICOMDIR`;
const BASE = 'http://gateway.test/nodes/cd/dicom-web';
const cleanup: Array<() => Promise<void> | void> = [];

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

function open(path: string, watch = false): FolderAdapter {
  const adapter = createFolderAdapter({ id: 'cd', name: 'CD', kind: 'folder', path }, { watch, debounceMs: 50, log: () => undefined });
  cleanup.push(() => adapter.close());
  return adapter;
}
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'garde-folder-in-'));
  cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
async function get(adapter: FolderAdapter, path: string): Promise<Response> {
  return adapter.fetch(new Request(`${BASE}/${path}`), { path: path.split('?')[0]!, publicBase: BASE, signal: new AbortController().signal });
}
async function json(adapter: FolderAdapter, path: string): Promise<Json[]> {
  return (await (await get(adapter, path)).json()) as Json[];
}
/** Values of one element of every directory record, as dcmtk's dcmdump prints them. */
function dcmdumpValues(tag: string): string[] {
  const out = execFileSync('dcmdump', ['+P', tag, DICOMDIR], { encoding: 'latin1' });
  return [...out.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
}

describe('DICOMDIR node (PS3.10)', () => {
  it('serves exactly the instances, series and studies the DICOMDIR lists', async () => {
    const adapter = open(DICOMDIR);
    await adapter.ready;
    expect(adapter.skipped()).toEqual([]);
    const records = dcmdumpValues('0004,1430');
    const instances = await json(adapter, 'instances');
    expect(instances.map((i) => String(i['00080018']?.Value?.[0])).sort()).toEqual(dcmdumpValues('0004,1511').sort());
    expect(await json(adapter, 'series')).toHaveLength(records.filter((r) => r === 'SERIES').length);
    expect(await json(adapter, 'studies')).toHaveLength(records.filter((r) => r === 'STUDY').length);
    const one = instances[0]!;
    const path = `studies/${one['0020000D']!.Value![0]}/series/${one['0020000E']!.Value![0]}/instances/${one['00080018']!.Value![0]}/frames/1`;
    const frame = await get(adapter, path);
    expect(frame.status).toBe(200);
    const [part] = parseMultipart(frame.headers.get('content-type')!, new Uint8Array(await frame.arrayBuffer()));
    expect(part!.body.length).toBeGreaterThan(0);
    await expect(adapter.ping(new AbortController().signal)).resolves.toBeUndefined();
  });
});

describe('bad input is indexed around', () => {
  it('lists a text file, a truncated file, a file without preamble and an empty file as skipped; serves the rest', async () => {
    const folder = tempFolder();
    copyFileSync(`${PYDICOM}/CT_small.dcm`, join(folder, 'good.dcm'));
    writeFileSync(join(folder, 'notes.txt'), 'not DICOM at all\n'.repeat(20));
    const mr = readFileSync(`${PYDICOM}/MR_small.dcm`);
    writeFileSync(join(folder, 'truncated.dcm'), mr.subarray(0, mr.length - 3000));
    copyFileSync(`${PYDICOM}/no_meta.dcm`, join(folder, 'no-preamble.dcm'));
    writeFileSync(join(folder, 'empty.dcm'), '');
    const adapter = open(folder);
    await adapter.ready;
    const skipped = Object.fromEntries(adapter.skipped().map((s) => [s.path.slice(folder.length + 1), s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(['empty.dcm', 'no-preamble.dcm', 'notes.txt', 'truncated.dcm']);
    expect(skipped['notes.txt']).toMatch(/DICM/);
    expect(skipped['no-preamble.dcm']).toMatch(/DICM/);
    expect(skipped['truncated.dcm']).toMatch(/truncated/);
    expect(skipped['empty.dcm']).toMatch(/too short/);
    const studies = await json(adapter, 'studies');
    expect(studies.map((s) => s['00100010']?.Value?.[0])).toEqual([{ Alphabetic: 'CompressedSamples^CT1' }]);
  });

  it('a folder that does not exist: ping rejects, requests answer 503', async () => {
    const adapter = open('/nonexistent/garde-folder');
    await expect(adapter.ping(new AbortController().signal)).rejects.toThrow(/not readable/);
    expect((await get(adapter, 'studies')).status).toBe(503);
  });
});

describe('the index follows the folder', () => {
  it('sees a file added, replaced and removed after start', async () => {
    const folder = tempFolder();
    copyFileSync(`${PYDICOM}/CT_small.dcm`, join(folder, 'a.dcm'));
    const adapter = open(folder, true);
    await adapter.ready;
    expect(adapter.index.size).toBe(1);
    copyFileSync(`${PYDICOM}/MR_small.dcm`, join(folder, 'b.dcm'));
    await expect.poll(() => adapter.index.size, { timeout: 10_000 }).toBe(2);
    expect(await json(adapter, 'studies')).toHaveLength(2);
    copyFileSync(`${PYDICOM}/JPEG2000.dcm`, join(folder, 'b.dcm'));
    await expect.poll(() => adapter.index.atPath(join(folder, 'b.dcm'))?.TransferSyntaxUID, { timeout: 10_000 }).toBe('1.2.840.10008.1.2.4.91');
    rmSync(join(folder, 'a.dcm'));
    await expect.poll(() => adapter.index.size, { timeout: 10_000 }).toBe(1);
    const studies = await json(adapter, 'studies');
    expect(studies.map((s) => s['00100010']?.Value?.[0])).toEqual([{ Alphabetic: 'CompressedSamples^NM1' }]);
  });

  it('a file hidden by a duplicate SOP Instance UID is served once the other is removed', async () => {
    const folder = tempFolder();
    copyFileSync(`${PYDICOM}/MR_small.dcm`, join(folder, 'a.dcm'));
    copyFileSync(`${PYDICOM}/MR_small_bigendian.dcm`, join(folder, 'b.dcm'));
    const adapter = open(folder);
    await adapter.ready;
    expect(adapter.skipped()).toEqual([{ path: join(folder, 'b.dcm'), reason: expect.stringContaining(join(folder, 'a.dcm')) }]);
    rmSync(join(folder, 'a.dcm'));
    await adapter.rescan();
    expect(adapter.index.paths()).toEqual([join(folder, 'b.dcm')]);
    expect(adapter.skipped()).toEqual([]);
  });
});
