import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'garde-webcli-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs main/web.ts until it exits, or until it prints its URL (then stops it). */
function runWeb(args: string[]): Promise<Run & { url?: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [join(root, 'main', 'web.ts'), '--renderer', dir, '--data', join(dir, 'data'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout)?.[1];
      if (url) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr, url: /(http:\/\/\S+)/.exec(stdout)?.[1] }));
  });
}

describe('npm run web: bad input', { timeout: 60_000 }, () => {
  it('names a missing nodes file', async () => {
    const missing = join(dir, 'nope.json');
    const run = await runWeb(['--port', '0', '--nodes', missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(missing);
    expect(run.stderr).toContain('file not found');
  });

  it('names a malformed nodes file and where it breaks', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "nodes": [ { "id": "a", ');
    const run = await runWeb(['--port', '0', '--nodes', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(bad);
    expect(run.stderr).toMatch(/JSON|line|position/i);
  });

  it('names the invalid field of a nodes file', async () => {
    const bad = join(dir, 'field.json');
    writeFileSync(bad, JSON.stringify({ nodes: [{ id: 'x', name: 'X', kind: 'dicomweb', baseUrl: 'ftp://pacs' }] }));
    const run = await runWeb(['--port', '0', '--nodes', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nodes[0].baseUrl');
  });

  it('refuses a bad port', async () => {
    const run = await runWeb(['--port', 'abc']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port');
  });
});

describe('npm run web: starts', { timeout: 60_000 }, () => {
  let run: Run & { url?: string };
  beforeAll(async () => {
    run = await runWeb(['--port', '0', '--nodes', join(root, 'test', 'fixtures', 'nodes', 'two-nodes.json')]);
  }, 60_000);
  afterAll(() => undefined);

  it('prints one line with its loopback URL and a session token', () => {
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });
});
