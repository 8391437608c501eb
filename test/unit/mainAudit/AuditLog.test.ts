import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../app/audit';
import { AuditLog, AuditLogError, readLastLine, verifyAuditFile } from '../../../main/audit';
import { open } from 'node:fs/promises';
import { event, withTempDir } from './helpers';

async function lines(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

describe('AuditLog', () => {
  it('creates the folder and file, appends chained records, and verifies', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'nested', 'deeper', 'audit.jsonl');
      const log = await AuditLog.open(path, { fsync: true });
      expect(log.lastHash).toBe(GENESIS_HASH);
      const first = await log.append(event(1));
      const second = await log.append(event(2));
      await log.close();
      expect(first.prevHash).toBe(GENESIS_HASH);
      expect(second.prevHash).toBe(first.hash);
      expect(log.lastHash).toBe(second.hash);
      expect((await lines(path)).map((l) => JSON.parse(l).hash)).toEqual([first.hash, second.hash]);
      expect(await verifyAuditFile(path)).toEqual({ ok: true, count: 2, lastHash: second.hash });
    }));

  it('recovers the chain head when reopened and keeps the chain intact', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'audit.jsonl');
      const log1 = await AuditLog.open(path);
      for (let i = 0; i < 3; i++) await log1.append(event(i));
      const head = log1.lastHash;
      await log1.close();
      const log2 = await AuditLog.open(path);
      expect(log2.lastHash).toBe(head);
      const next = await log2.append(event(3));
      await log2.close();
      expect(next.prevHash).toBe(head);
      expect(await verifyAuditFile(path)).toMatchObject({ ok: true, count: 4 });
    }));

  it('writes concurrent appends one at a time, in call order', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'audit.jsonl');
      const log = await AuditLog.open(path);
      const records = await Promise.all(Array.from({ length: 40 }, (_, i) => log.append(event(i))));
      await log.close();
      expect((await lines(path)).map((l) => JSON.parse(l).StudyInstanceUID)).toEqual(records.map((r) => r.StudyInstanceUID));
      expect(records.map((r) => r.StudyInstanceUID)).toEqual(Array.from({ length: 40 }, (_, i) => `1.2.3.${i}`));
      expect(await verifyAuditFile(path)).toMatchObject({ ok: true, count: 40 });
    }));

  it('fills EventDateTime from its clock', () =>
    withTempDir(async (dir) => {
      const log = await AuditLog.open(join(dir, 'a.jsonl'), { now: () => new Date('2026-01-02T03:04:05.678Z') });
      const { EventDateTime: _t, ...rest } = event(1);
      expect((await log.append(rest)).EventDateTime).toBe('2026-01-02T03:04:05.678Z');
      await log.close();
    }));

  it('rejects an invalid event without writing, then goes on', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'audit.jsonl');
      const log = await AuditLog.open(path);
      await log.append(event(1));
      await expect(log.append({ ...event(2), EventOutcomeIndicator: 3 as 0 })).rejects.toThrow(/EventOutcomeIndicator/);
      await log.append(event(3));
      await log.close();
      expect(await lines(path)).toHaveLength(2);
      expect(await verifyAuditFile(path)).toMatchObject({ ok: true, count: 2 });
    }));

  it('refuses appends after close', () =>
    withTempDir(async (dir) => {
      const log = await AuditLog.open(join(dir, 'a.jsonl'));
      await log.close();
      await expect(log.append(event(1))).rejects.toThrow(AuditLogError);
    }));

  it('fails closed after a failed write', () =>
    withTempDir(async (dir) => {
      const log = await AuditLog.open(join(dir, 'a.jsonl'));
      await (log as unknown as { handle: { close(): Promise<void> } }).handle.close();
      await expect(log.append(event(1))).rejects.toThrow(/audit write failed/);
      await expect(log.append(event(2))).rejects.toThrow(/unusable after a failed write/);
    }));

  it('refuses to open a log whose last line is incomplete or tampered with', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'audit.jsonl');
      const log = await AuditLog.open(path);
      await log.append(event(1));
      await log.close();
      const good = await readFile(path, 'utf8');

      await appendFile(path, '{"EventID":"110');
      await expect(AuditLog.open(path)).rejects.toThrow(/last line is incomplete/);

      await writeFile(path, good.replace('PAT-1', 'PAT-2'));
      await expect(AuditLog.open(path)).rejects.toThrow(/last record is not valid \(hash does not match/);
    }));
});

describe('readLastLine', () => {
  it('reads a last line longer than the block size, and an empty file', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'f');
      const long = 'x'.repeat(1000) + 'é';
      await writeFile(path, `first\nsecond\n${long}\n`);
      const handle = await open(path, 'r');
      try {
        expect(await readLastLine(handle, 7)).toEqual({ lastLine: long, endsWithNewline: true });
      } finally {
        await handle.close();
      }
      await writeFile(path, 'only line');
      const h2 = await open(path, 'r');
      expect(await readLastLine(h2, 3)).toEqual({ lastLine: 'only line', endsWithNewline: false });
      await h2.close();
      await writeFile(path, '');
      const h3 = await open(path, 'r');
      expect(await readLastLine(h3)).toEqual({ lastLine: '', endsWithNewline: true });
      await h3.close();
    }));
});
