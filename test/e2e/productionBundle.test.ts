import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The test hooks (renderer/testHooks) exist only in the renderer's test variant: the production
// bundle provably lacks them, and the test variant has them (so this check can fail).

const root = join(import.meta.dirname, '..', '..');
const HOOK_NAMES = ['gardeSync', 'gardeFrameDiagnostics', 'gardeViewerDiagnostics', 'gardeStackView', 'addOutboxItem'];

/** Builds the renderer (production, or the test variant with `mode`) into a temporary folder; the hook names found in its files. */
function hookNamesIn(mode?: string): string[] {
  const outDir = mkdtempSync(join(tmpdir(), 'garde-bundle-check-'));
  try {
    const args = ['build', '-c', 'vite.renderer.config.ts', ...(mode ? ['--mode', mode] : []), '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'];
    const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (result.status !== 0) throw new Error('renderer build failed');
    const text = (readdirSync(outDir, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'))
      .join('\n');
    return HOOK_NAMES.filter((name) => text.includes(name));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

describe('renderer bundles', () => {
  it('the production bundle contains none of the test hooks', () => {
    expect(hookNamesIn()).toEqual([]);
  }, 180_000);
  it('the test variant contains every test hook', () => {
    expect(hookNamesIn('test-hooks')).toEqual(HOOK_NAMES);
  }, 180_000);
});
