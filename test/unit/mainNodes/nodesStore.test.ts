import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodeConfig } from '../../../app/nodes';
import { NodesStore } from '../../../main/nodes/nodesStore';

const folder = (id: string): NodeConfig => ({ id, name: `Folder ${id}`, kind: 'folder', path: `/media/${id}` });

function tempStore(): { dir: string; file: string; store: NodesStore } {
  const dir = mkdtempSync(join(tmpdir(), 'garde-nodes-'));
  const file = join(dir, 'nodes.json');
  return { dir, file, store: new NodesStore(file) };
}

describe('NodesStore', () => {
  it('a missing file is an empty list; the first change creates it with mode 0600, no temp file left', async () => {
    const { dir, file, store } = tempStore();
    expect(await store.read()).toEqual([]);
    await store.update((nodes) => [...nodes, folder('cd')]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ nodes: [folder('cd')] });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['nodes.json']);
  });

  it('applies schema defaults and keeps changes made by hand in between', async () => {
    const { file, store } = tempStore();
    writeFileSync(file, JSON.stringify({ nodes: [{ id: 'w', name: 'W', kind: 'dicomweb', baseUrl: 'https://pacs.example/dicom-web', auth: { type: 'none' } }] }));
    const written = await store.update((nodes) => [...nodes, folder('cd')]);
    expect(written.map((n) => n.id)).toEqual(['w', 'cd']);
    expect(written[0]).toMatchObject({ timeoutMs: 30_000 });
    writeFileSync(file, JSON.stringify({ nodes: [folder('hand')] }));
    expect((await store.update((nodes) => [...nodes, folder('ui')])).map((n) => n.id)).toEqual(['hand', 'ui']);
  });

  it('an invalid result is refused with field paths and the file is left as it was', async () => {
    const { file, store } = tempStore();
    await store.update(() => [folder('a')]);
    const before = readFileSync(file, 'utf8');
    await expect(store.update((nodes) => [...nodes, folder('a')])).rejects.toMatchObject({
      code: 'NODES_CONFIG_INVALID',
      issues: [{ path: 'nodes[1].id', message: expect.stringContaining('duplicate id "a"') }],
    });
    await expect(store.update((nodes) => [...nodes, { ...folder('b'), path: '' }])).rejects.toMatchObject({ issues: [{ path: 'nodes[1].path' }] });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a hand-written file that is not valid is never overwritten', async () => {
    const { file, store } = tempStore();
    writeFileSync(file, '{ "nodes": [ { "id": "x" ');
    await expect(store.read()).rejects.toMatchObject({ code: 'NODES_CONFIG_INVALID', message: expect.stringContaining('nodes.json') });
    await expect(store.update(() => [folder('a')])).rejects.toMatchObject({ code: 'NODES_CONFIG_INVALID' });
    expect(readFileSync(file, 'utf8')).toBe('{ "nodes": [ { "id": "x" ');
  });

  it('concurrent changes run one after the other', async () => {
    const { store } = tempStore();
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.update((nodes) => [...nodes, folder(`n${i}`)])));
    expect((await store.read()).map((n) => n.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `n${i}`).sort());
  });
});
