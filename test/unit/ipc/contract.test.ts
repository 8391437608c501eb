import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHODS, type GardeApi, type Handlers } from '../../../app/ipc/contract';
import { createHandlers } from '../../../main/services/createHandlers';
import { SettingsStore } from '../../../main/settings/settingsStore';
import { createGateway } from '../../../main/gateway/createGateway';
import { NodeRegistry } from '../../../main/gateway/nodeRegistry';
import { startWebServer, type WebServer } from '../../../main/web/createWebServer';
import { createHttpBridge } from '../../../renderer/bridge';

// Electron cannot start here: its two IPC ends are replaced by a loop that hands each
// ipcRenderer.invoke to the handler registered with ipcMain.handle on the same channel.
const electron = vi.hoisted(() => {
  const registered = new Map<string, (event: unknown, request: unknown) => Promise<unknown>>();
  const exposed: Record<string, unknown> = {};
  const frame = { url: 'garde://app/index.html' };
  return {
    registered,
    exposed,
    frame,
    module: {
      ipcMain: { handle: (channel: string, fn: (event: unknown, request: unknown) => Promise<unknown>) => registered.set(channel, fn) },
      ipcRenderer: { invoke: (channel: string, request: unknown) => registered.get(channel)!({ senderFrame: frame }, request) },
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    },
  };
});
vi.mock('electron', () => electron.module);

function makeHandlers(): Handlers {
  const dataDir = mkdtempSync(join(tmpdir(), 'garde-contract-'));
  return createHandlers({
    appInfo: { name: 'Garde', version: '9.9.9', mode: 'web', platform: 'linux', gatewayBaseUrl: '/gateway' },
    nodes: () => [{ id: 'pacs-nord', name: 'PACS Nord', kind: 'dicomweb' }],
    settings: new SettingsStore(dataDir),
  });
}

let web: WebServer;
const transports: Record<string, () => GardeApi> = {};

beforeAll(async () => {
  const { registerIpcHandlers } = await import('../../../main/ipc/registerIpcHandlers');
  registerIpcHandlers(makeHandlers(), (url) => url.startsWith('garde://app/'));
  await import('../../../main/preload/preload');
  transports.ipc = () => electron.exposed.garde as GardeApi;

  const token = 'contract-token';
  web = await startWebServer({ port: 0, token, rendererDir: tmpdir(), handlers: makeHandlers(), gateway: createGateway({ basePath: '/gateway', registry: await NodeRegistry.create([], {}) }) });
  transports.http = () => createHttpBridge(fetch, `http://127.0.0.1:${web.port}`, { authorization: `Bearer ${token}` });
});
afterAll(() => web?.close());

describe.each(['ipc', 'http'])('contract over %s', (name) => {
  const api = () => transports[name]!();

  it('exposes exactly the contract methods', () => {
    expect(Object.keys(api()).sort()).toEqual([...METHODS].sort());
  });

  it('getAppInfo', async () => {
    expect(await api().getAppInfo(undefined)).toEqual({ ok: true, value: expect.objectContaining({ name: 'Garde', version: '9.9.9' }) });
  });

  it('listNodes gives no secret', async () => {
    const result = await api().listNodes(undefined);
    expect(result).toEqual({ ok: true, value: [{ id: 'pacs-nord', name: 'PACS Nord', kind: 'dicomweb' }] });
  });

  it('settings default, update, and persist', async () => {
    expect(await api().getSettings(undefined)).toEqual({ ok: true, value: { language: 'system' } });
    expect(await api().updateSettings({ language: 'fr' })).toEqual({ ok: true, value: { language: 'fr' } });
    expect(await api().getSettings(undefined)).toEqual({ ok: true, value: { language: 'fr' } });
  });

  it('an invalid setting is a SETTINGS_INVALID error, not a crash', async () => {
    const result = await api().updateSettings({ language: 'de' as never });
    expect(result).toEqual({ ok: false, error: { code: 'SETTINGS_INVALID', message: expect.stringContaining('language'), retryable: false } });
  });
});

describe('transport guards', () => {
  it('IPC from a frame that is not the app is refused', async () => {
    electron.frame.url = 'https://evil.example/';
    try {
      const result = await (electron.exposed.garde as GardeApi).getAppInfo(undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    } finally {
      electron.frame.url = 'garde://app/index.html';
    }
  });

  it('an unknown HTTP method name is a 404 UNKNOWN_CHANNEL', async () => {
    const res = await fetch(`http://127.0.0.1:${web.port}/api/readFile`, { method: 'POST', headers: { authorization: 'Bearer contract-token' }, body: '' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('a malformed JSON body is a BAD_REQUEST', async () => {
    const res = await fetch(`http://127.0.0.1:${web.port}/api/updateSettings`, { method: 'POST', headers: { authorization: 'Bearer contract-token' }, body: '{' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
