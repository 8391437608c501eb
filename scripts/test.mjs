// `npm test`: everything CI checks, in order, stopping at the first failure:
// system packages (idempotent), typecheck, lint (layering included), then every vitest project
// (unit, pacs against real Orthanc, e2e in Chromium). Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);
// Every temporary file of the run (Orthanc storage, browser profiles, data folders) goes under one
// folder, removed at the end: repeated runs never fill the disk.
const runTmp = mkdtempSync(join(tmpdir(), 'garde-test-run-'));

function step(title, command, args) {
  console.log(`\n== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', TMPDIR: runTmp } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`== ${title}: FAILED after ${seconds} s`);
    return false;
  }
  console.log(`== ${title}: ok (${seconds} s)`);
  return true;
}

mkdirSync(join(root, 'test-output'), { recursive: true });
const report = join(root, 'test-output', 'vitest.json');
const ok =
  step('system packages', 'bash', [join(root, 'scripts', 'install-system-deps.sh')]) &&
  step('typecheck', bin('tsc'), ['-b']) &&
  step('lint', bin('eslint'), ['--max-warnings', '0', 'app', 'main', 'renderer', 'test', 'scripts']) &&
  step('tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);

if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
process.exit(ok ? 0 : 1);
