import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, AuditLogError, verifyAuditFile } from '../../../main/audit';
import { event, withTempDir } from './helpers';

/** A real process of this machine that has exited: its pid names no live process. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('the audit log has one writer', () => {
  it('refuses a second writer of the same file, naming the holder, until the first closes', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'audit.jsonl');
      const first = await AuditLog.open(path);
      await first.append(event(0));
      const refused = await AuditLog.open(path).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AuditLogError);
      expect((refused as Error).message).toContain(`process ${process.pid} on ${hostname()}`);
      expect(JSON.parse(await readFile(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() });
      await first.close();
      expect(existsSync(`${path}.lock`)).toBe(false);
      const second = await AuditLog.open(path);
      await second.append(event(1));
      await second.close();
      expect(await verifyAuditFile(path)).toMatchObject({ ok: true, count: 2 });
    }));

  it('refuses while another live process of this machine holds the lock', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'audit.jsonl');
      const holder = spawn('sleep', ['30']);
      try {
        await writeFile(`${path}.lock`, JSON.stringify({ pid: holder.pid, hostname: hostname(), since: '2026-11-22T00:00:00.000Z' }));
        await expect(AuditLog.open(path)).rejects.toThrow(`process ${holder.pid} on ${hostname()}, since 2026-11-22T00:00:00.000Z`);
        expect(existsSync(`${path}.lock`)).toBe(true);
      } finally {
        holder.kill();
      }
    }));

  it('takes over a lock left by a process of this machine that no longer runs', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'audit.jsonl');
      await writeFile(`${path}.lock`, JSON.stringify({ pid: await deadPid(), hostname: hostname(), since: '2026-11-21T00:00:00.000Z' }));
      const log = await AuditLog.open(path);
      expect(JSON.parse(await readFile(`${path}.lock`, 'utf8')).pid).toBe(process.pid);
      await log.close();
    }));

  it('never guesses stale a lock held from another machine, nor an unreadable one', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'audit.jsonl');
      await writeFile(`${path}.lock`, JSON.stringify({ pid: await deadPid(), hostname: 'other-host.example', since: '2026-11-21T00:00:00.000Z' }));
      await expect(AuditLog.open(path)).rejects.toThrow('on other-host.example');
      await writeFile(`${path}.lock`, 'garbage');
      await expect(AuditLog.open(path)).rejects.toThrow('an unreadable lock file');
    }));
});
