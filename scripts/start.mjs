// `npm start`: builds and starts the desktop app. Where the Electron binary could not be installed
// (no access to its download, or ELECTRON_SKIP_BINARY_DOWNLOAD), says so and points to web mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Path of the Electron executable, or undefined when it is not installed. Read from the electron
 * package's path.txt rather than by requiring it, which would try to download the binary.
 */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const electron = electronBinary();
if (!electron) {
  console.error(
    [
      'garde: the Electron binary is not installed on this machine, so the desktop app cannot start.',
      '  (npm installs it from the Electron release site; it was skipped or unreachable.)',
      '  Run the same workstation in your browser instead:  npm run web',
      '  or, on a machine that can download it:            npm rebuild electron && npm start',
    ].join('\n'),
  );
  process.exit(1);
}
const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
