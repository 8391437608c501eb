import { app, protocol, session, BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { AppInfo } from '../app/ipc/contract';
import type { NodeConfig } from '../app/nodes';
import { registerIpcHandlers } from './ipc/registerIpcHandlers';
import { ensureDemoArchive } from './demo/ensureDemoArchive';
import { loadNodesFile } from './nodes/loadNodesFile';
import { createAppProtocolHandler } from './protocol/handleAppProtocol';
import { safeStorageCipher } from './secrets/safeStorageCipher';
import { Vault } from './secrets/vault';
import { createServices } from './services/createServices';
import { APP_ORIGIN, APP_SCHEME, GATEWAY_BASE_URL } from './window/appOrigin';
import { createMainWindow, lockDownSession } from './window/createMainWindow';
import { appUrlForOpenLink, findOpenLink } from './window/openLinks';

/**
 * Composition root of the desktop app: builds the services, registers IPC and the garde://
 * protocol, opens the single window.
 */
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // garde:// links (IHE Invoke Image Display style) open a study: from the command line of a
  // second launch (Windows, Linux) or the open-url event (macOS).
  if (app.isPackaged) app.setAsDefaultProtocolClient(APP_SCHEME);
  else if (process.argv[1]) app.setAsDefaultProtocolClient(APP_SCHEME, process.execPath, [process.argv[1]]);
  app.on('second-instance', (_event, argv) => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
      openLinkIn(win, findOpenLink(argv));
    }
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const win = BrowserWindow.getAllWindows()[0];
    if (win) openLinkIn(win, url);
    else pendingLink = url;
  });
  app.whenReady().then(start).catch((error: unknown) => {
    console.error('garde: failed to start', error);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
}

let pendingLink: string | undefined = findOpenLink(process.argv);

/** Shows what a link asks for in the window (the renderer reads the `/open?...` address). */
function openLinkIn(win: BrowserWindow, link: string | undefined): void {
  const url = link ? appUrlForOpenLink(link) : undefined;
  if (url) void win.loadURL(url);
  else if (link) console.error(`garde: ignored a link that names no study: ${link}`);
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  let nodes: NodeConfig[] = [];
  const nodesFile = process.env.GARDE_NODES_FILE ?? join(dataDir, 'nodes.json');
  try {
    nodes = (await loadNodesFile(nodesFile)).nodes;
  } catch (error) {
    console.error(`garde: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (nodes.length === 0) nodes = [await ensureDemoArchive(dataDir)];
  const appInfo: AppInfo = {
    name: 'Garde',
    version: app.getVersion(),
    mode: 'electron',
    platform: process.platform,
    gatewayBaseUrl: GATEWAY_BASE_URL,
  };
  const cipher = safeStorageCipher();
  if (!cipher) console.error('garde: no system encryption available; credentials stay in the nodes file');
  const vault = cipher ? new Vault(join(dataDir, 'vault.json'), cipher) : undefined;
  const { handlers, gateway } = await createServices({ appInfo, nodes, nodesFile, vault, dataDir, gatewayBasePath: '', log: (line) => console.error(line) });
  lockDownSession(session.defaultSession);
  const outDir = join(app.getAppPath(), 'out');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(outDir, 'renderer'), gateway));
  registerIpcHandlers(handlers, (url) => url.startsWith(`${APP_ORIGIN}/`));
  const startUrl = pendingLink ? appUrlForOpenLink(pendingLink) : undefined;
  pendingLink = undefined;
  createMainWindow(join(outDir, 'preload', 'preload.cjs'), startUrl);
}
