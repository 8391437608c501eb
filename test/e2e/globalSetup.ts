import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds the renderer's test variant once for all e2e tests into out/renderer-test (web mode of the tests serves it: support/webMode.ts). */
export default function buildRenderer(): void {
  const root = join(import.meta.dirname, '..', '..');
  const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '-c', 'vite.renderer.config.ts', '--mode', 'test-hooks', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('renderer build failed');
}
