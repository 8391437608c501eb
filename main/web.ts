import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AppInfo } from '../app/ipc/contract';
import type { NodeConfig } from '../app/nodes';
import { ensureDemoArchive } from './demo/ensureDemoArchive';
import { loadNodesFile } from './nodes/loadNodesFile';
import { defaultDataDir } from './paths/defaultDataDir';
import { readAppVersion } from './paths/readAppVersion';
import { createServices } from './services/createServices';
import { startWebServer } from './web/createWebServer';
import { newSessionToken } from './web/sessionAuth';

const USAGE = 'usage: npm run web -- [--port <p>] [--nodes <file>] [--token <t>] [--data <dir>] [--no-demo]';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Web mode: the workstation in a browser on 127.0.0.1, with the same services as the desktop
 * app. Prints one line with the URL (carrying the session token) and keeps running.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8420' },
      nodes: { type: 'string' },
      token: { type: 'string' },
      data: { type: 'string' },
      renderer: { type: 'string' },
      'no-demo': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got ${values.port}`);
  const rendererDir = resolve(values.renderer ?? join(repoRoot, 'out', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) fail(`no renderer build in ${rendererDir}: run \`npm run build:renderer\``);

  const dataDir = resolve(values.data ?? defaultDataDir());
  // Settings edits this file; without --nodes it is the data folder's nodes.json (absent at first).
  const nodesFile = resolve(values.nodes ?? join(dataDir, 'nodes.json'));
  let nodes: NodeConfig[] = [];
  if (values.nodes || existsSync(nodesFile)) {
    nodes = (await loadNodesFile(nodesFile).catch((error: Error) => fail(`cannot use nodes file ${error.message}`))).nodes;
  }

  if (nodes.length === 0 && !values['no-demo']) nodes = [await ensureDemoArchive(dataDir)];
  const appInfo: AppInfo = {
    name: 'Garde',
    version: readAppVersion(repoRoot),
    mode: 'web',
    platform: process.platform,
    gatewayBaseUrl: '/gateway',
  };
  const log = (line: string) => console.error(line);
  const { handlers, gateway, close } = await createServices({ appInfo, nodes, nodesFile, dataDir, gatewayBasePath: '/gateway', log });
  const web = await startWebServer({
    port,
    token: values.token ?? newSessionToken(),
    rendererDir,
    handlers,
    gateway,
    log,
  }).catch((error: NodeJS.ErrnoException) =>
    fail(error.code === 'EADDRINUSE' ? `port ${port} is already in use: pick another with --port` : error.message),
  );
  console.log(`Garde web mode: ${web.loginUrl}`);
  // As in the desktop app's main process, a stray rejection is logged, never the end of the workstation.
  process.on('unhandledRejection', (reason: unknown) => log(`garde web: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  const stop = () => void web.close().then(close).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function fail(message: string): never {
  console.error(`garde web: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
