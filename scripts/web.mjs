// `npm run web -- [--port <p>] [--nodes <file>] [--token <t>] [--data <dir>]`:
// builds the renderer, then serves the workstation on 127.0.0.1 (main/web.ts).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(bin('vite'), ['build', '-c', 'vite.renderer.config.ts', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const args = process.argv.slice(2).filter((a) => a !== '--no-build');
const child = spawn(bin('tsx'), [join(root, 'main', 'web.ts'), ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
