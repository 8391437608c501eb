import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

/** A running `main/web.ts` process. */
export interface WebMode {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** The end of what web mode wrote to stderr so far (its log), to explain a failure. */
  logTail(chars?: number): string;
  stop(): Promise<void>;
}

/** Starts web mode as `npm run web -- --no-build` would, serving the renderer's test variant (out/renderer-test, built by globalSetup) unless args name a `--renderer`, on a free port, with a fresh data folder (removed by `stop`). */
export async function startWebMode(args: string[] = []): Promise<WebMode> {
  const dataDir = mkdtempSync(join(tmpdir(), 'garde-e2e-data-'));
  const child: ChildProcess = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'main', 'web.ts'), '--port', '0', '--data', dataDir, ...(args.includes('--renderer') ? [] : ['--renderer', join(root, 'out', 'renderer-test')]), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`web mode exited with ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  let stopping = false;
  // A web mode that ends on its own after starting (a crash) says why, with the end of its stderr.
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`web mode (${parsed.origin}) exited unexpectedly (code ${code}, signal ${signal}); its stderr ended with:\n${stderr.slice(-4000)}\n`);
  });
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dataDir,
    logTail: (chars = 4000) => stderr.slice(-chars),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => (rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 }), resolve());
        if (child.exitCode !== null) return done();
        stopping = true;
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
