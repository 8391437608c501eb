import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNodesFile } from '../../app/nodes';
import { findFreePort, isProcessAlive, qido } from '../fixtures/pacs';

const run = promisify(execFile);

/** Threads of `pid` that have not exited, read from /proc without the fixture's own check. */
function liveThreads(pid: number): string[] {
  if (!existsSync(`/proc/${pid}/task`)) return [];
  return readdirSync(`/proc/${pid}/task`).filter((tid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
    } catch {
      return false;
    }
  });
}

/** True when something accepts a TCP connection on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}
const CLI = join(import.meta.dirname, '../fixtures/pacs/cli.ts');
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

interface UpOutput {
  pacs: Array<{ id: string; dicomWebUrl: string; aeTitle: string; host: string; dimsePort: number; username: string; password: string; pid: number }>;
  nodesFile: string;
  studies: number;
}

describe('npm run pacs', () => {
  let stateDir: string;
  let up: UpOutput | undefined;

  afterAll(async () => {
    if (up) await run(TSX, [CLI, 'down', '--state-dir', stateDir]).catch(() => undefined);
    await rm(stateDir, { recursive: true, force: true });
  });

  it('up starts both PACS detached with the demo scenario and a nodes file; down stops them', async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'garde-pacs-cli-'));
    const workstationPort = await findFreePort();
    const { stdout } = await run(TSX, [CLI, 'up', '--state-dir', stateDir, '--workstation-port', String(workstationPort)]);
    up = JSON.parse(stdout) as UpOutput;
    expect(up.pacs.map((p) => p.id)).toEqual(['PACS_NORD', 'PACS_SUD']);
    expect(up.studies).toBe(10);
    expect(up.pacs.every((p) => isProcessAlive(p.pid))).toBe(true);

    const nodes = parseNodesFile(await readFile(up.nodesFile, 'utf8'), up.nodesFile);
    expect(nodes.nodes.map((n) => n.kind)).toEqual(['dicomweb', 'dimse', 'dicomweb', 'dimse']);
    let total = 0;
    for (const pacs of up.pacs) {
      const authorization = `Basic ${Buffer.from(`${pacs.username}:${pacs.password}`).toString('base64')}`;
      total += (await qido({ dicomWebUrl: pacs.dicomWebUrl, authorization }, '/studies')).length;
    }
    expect(total).toBe(10);

    const again = JSON.parse((await run(TSX, [CLI, 'up', '--state-dir', stateDir])).stdout) as UpOutput & { alreadyRunning?: boolean };
    expect(again.alreadyRunning).toBe(true);
    expect(again.pacs.map((p) => p.pid)).toEqual(up.pacs.map((p) => p.pid));

    await run(TSX, [CLI, 'down', '--state-dir', stateDir]);
    // Gone when down returns: no thread of either Orthanc left, not even a zombie, nothing on their ports.
    expect(up.pacs.filter((p) => isProcessAlive(p.pid))).toEqual([]);
    expect(up.pacs.map((p) => liveThreads(p.pid))).toEqual([[], []]);
    expect(up.pacs.filter((p) => existsSync(`/proc/${p.pid}`)).map((p) => p.pid)).toEqual([]);
    const ports = up.pacs.flatMap((p) => [Number(new URL(p.dicomWebUrl).port), p.dimsePort]);
    expect(await Promise.all(ports.map(listening))).toEqual(ports.map(() => false));
    up = undefined;
  });
});
