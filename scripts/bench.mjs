// `npm run bench [-- --json]`: runs every benchmark under test/bench/ and prints each figure beside
// the limit it is compared with, measured in the same run. With --json, one JSON line per figure:
// {"name","value","unit","reference","ratio"}.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'test', 'bench');
const json = process.argv.includes('--json');
const files = existsSync(benchDir) ? readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts')).sort() : [];
if (files.length === 0) {
  console.log('no benchmarks yet');
  process.exit(0);
}
// Every temporary file of a benchmark goes under one folder, removed after it.
let failed = false;
for (const file of files) {
  const runTmp = mkdtempSync(join(tmpdir(), 'garde-bench-run-'));
  const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(benchDir, file), ...(json ? ['--json'] : [])], { cwd: root, stdio: 'inherit', env: { ...process.env, TMPDIR: runTmp } });
  rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
