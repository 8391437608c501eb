import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditFile } from '../../../main/audit';
import { event, withTempDir } from './helpers';

/** Writes a real log of `count` records and returns its path and lines. */
async function writeLog(dir: string, count: number): Promise<{ path: string; lines: string[] }> {
  const path = join(dir, 'audit.jsonl');
  const log = await AuditLog.open(path);
  for (let i = 0; i < count; i++) await log.append(event(i));
  await log.close();
  const text = await readFile(path, 'utf8');
  return { path, lines: text.slice(0, -1).split('\n') };
}

async function rewrite(path: string, lines: string[]): Promise<void> {
  await writeFile(path, lines.map((l) => `${l}\n`).join(''));
}

describe('verifyAuditFile on real files', () => {
  it('reports a modified line', () =>
    withTempDir(async (dir) => {
      const { path, lines } = await writeLog(dir, 6);
      lines[3] = lines[3]!.replace('"PatientID":"PAT-1"', '"PatientID":"PAT-9"');
      await rewrite(path, lines);
      expect(await verifyAuditFile(path)).toEqual({ ok: false, line: 4, reason: 'hash does not match the record content (record modified)' });
    }));

  it('reports a deleted line', () =>
    withTempDir(async (dir) => {
      const { path, lines } = await writeLog(dir, 6);
      lines.splice(1, 1);
      await rewrite(path, lines);
      expect(await verifyAuditFile(path)).toMatchObject({ ok: false, line: 2, reason: expect.stringMatching(/deleted, inserted or reordered/) });
    }));

  it('reports reordered lines', () =>
    withTempDir(async (dir) => {
      const { path, lines } = await writeLog(dir, 6);
      [lines[4], lines[5]] = [lines[5]!, lines[4]!];
      await rewrite(path, lines);
      expect(await verifyAuditFile(path)).toMatchObject({ ok: false, line: 5 });
    }));

  it('reports an inserted line', () =>
    withTempDir(async (dir) => {
      const { path, lines } = await writeLog(dir, 4);
      const other = await writeLog(join(dir, 'other'), 1);
      lines.splice(2, 0, other.lines[0]!);
      await rewrite(path, lines);
      expect(await verifyAuditFile(path)).toMatchObject({ ok: false, line: 3 });
    }));

  it('reports a last line without newline, and invalid UTF-8', () =>
    withTempDir(async (dir) => {
      const { path, lines } = await writeLog(dir, 3);
      await writeFile(path, lines.join('\n'));
      expect(await verifyAuditFile(path)).toEqual({ ok: false, line: 3, reason: 'last line has no newline (interrupted write?)' });
      const bytes = Buffer.from(`${lines[0]}\n${lines[1]}\n`, 'utf8');
      const broken = Buffer.from(bytes);
      broken[bytes.indexOf('reader', bytes.indexOf(0x0a)) as number] = 0xff;
      await writeFile(path, broken);
      expect(await verifyAuditFile(path)).toEqual({ ok: false, line: 2, reason: 'not valid UTF-8' });
    }));

  it('accepts an empty file and a long intact log read in many chunks', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'empty.jsonl'), '');
      expect(await verifyAuditFile(join(dir, 'empty.jsonl'))).toMatchObject({ ok: true, count: 0 });
      const { path } = await writeLog(dir, 400);
      expect(await verifyAuditFile(path)).toMatchObject({ ok: true, count: 400 });
    }));

  it('throws ENOENT for a missing file', async () => {
    await expect(verifyAuditFile('/nonexistent/garde/audit.jsonl')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
