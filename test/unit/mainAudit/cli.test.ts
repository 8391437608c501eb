import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../main/audit';
import { event, withTempDir } from './helpers';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'main/audit/cli.ts', ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('audit CLI (npx tsx main/audit/cli.ts)', { timeout: 60_000 }, () => {
  it('verifies an intact log (exit 0) and a broken one (exit 1)', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'audit.jsonl');
      const log = await AuditLog.open(path);
      for (let i = 0; i < 3; i++) await log.append(event(i));
      await log.close();

      const ok = await runCli('verify', path);
      expect(ok.code).toBe(0);
      expect(ok.stdout.trim()).toBe('OK: 3 records, chain intact');

      const text = await readFile(path, 'utf8');
      await writeFile(path, text.replace('retrieved series 1', 'retrieved series 7'));
      const broken = await runCli('verify', path);
      expect(broken.code).toBe(1);
      expect(broken.stdout.trim()).toBe('BROKEN at line 2: hash does not match the record content (record modified)');
    }));

  it('says clearly when the file is missing (exit 2) and prints usage otherwise', async () => {
    const missing = await runCli('verify', '/nonexistent/garde-audit.jsonl');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('audit log not found: /nonexistent/garde-audit.jsonl');
    const usage = await runCli('check');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run audit -- verify <file>');
  });
});
