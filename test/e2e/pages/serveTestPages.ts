import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const outDir = join(root, 'out', 'test-pages');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Builds test/e2e/pages into out/test-pages with vite.test-pages.config.ts. */
export function buildTestPages(): void {
  const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '-c', 'vite.test-pages.config.ts', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('test pages build failed');
}

/** A static server of out/test-pages on 127.0.0.1 (a secure context: WebCrypto and IndexedDB work). */
export async function serveTestPages(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(outDir, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
