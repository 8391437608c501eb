import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHODS, type GardeApi, type Handlers } from '../../../app/ipc/contract';
import type { NodeInput } from '../../../app/nodes';
import { fileCacheKeyStore, vaultCacheKeyStore } from '../../../main/cacheKey';
import { adapterFactories } from '../../../main/gateway/adapterFactories';
import { NodeAdmin } from '../../../main/nodes/nodeAdmin';
import { NodesStore } from '../../../main/nodes/nodesStore';
import { noVault } from '../../../main/secrets/resolveSecret';
import { Vault, type SecretCipher } from '../../../main/secrets/vault';
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

/** A reversible stand-in for Electron safeStorage: the ciphertext never contains the clear text. */
const fakeCipher: SecretCipher = {
  encrypt: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
  decrypt: (data) => {
    const text = data.toString();
    if (!text.startsWith('enc:')) throw new Error('bad ciphertext');
    return Buffer.from(text.slice(4), 'hex').toString();
  },
};

// Credentials of the DICOMweb stand-in below; no contract response may ever contain them.
const USER = 'reader-user';
const PASSWORD = 'S3cret-pa55word';
const STORED_PASSWORD = 'stored-inline-pw';

/** A QIDO-RS endpoint that accepts only USER:PASSWORD (basic auth). */
let qido: Server;
let qidoUrl = '';
let closedUrl = '';

interface Setup {
  handlers: Handlers;
  dataDir: string;
  vault?: Vault;
}
const setups: Record<string, Setup> = {};

/** The contract handlers over real services: the desktop flavour has a vault, the web one keeps secrets in the nodes file. */
async function makeHandlers(withVault: boolean): Promise<Setup> {
  const dataDir = mkdtempSync(join(tmpdir(), 'garde-contract-'));
  writeFileSync(
    join(dataDir, 'nodes.json'),
    JSON.stringify({ nodes: [{ id: 'pacs-nord', name: 'PACS Nord', kind: 'dicomweb', baseUrl: qidoUrl, auth: { type: 'basic', username: USER, password: STORED_PASSWORD } }] }),
  );
  const vault = withVault ? new Vault(join(dataDir, 'vault.json'), fakeCipher) : undefined;
  const store = new NodesStore(join(dataDir, 'nodes.json'));
  const registry = await NodeRegistry.create(await store.read(), adapterFactories({ secrets: vault?.lookup ?? noVault, tempDir: join(dataDir, 'tmp') }));
  const handlers = createHandlers({
    appInfo: { name: 'Garde', version: '9.9.9', mode: 'web', platform: 'linux', gatewayBaseUrl: '/gateway' },
    nodes: () => [{ id: 'pacs-nord', name: 'PACS Nord', kind: 'dicomweb' }],
    settings: new SettingsStore(dataDir),
    nodeAdmin: new NodeAdmin({ store, registry, vault }),
    cacheKey: vault ? vaultCacheKeyStore(vault) : fileCacheKeyStore(join(dataDir, 'cache.key')),
  });
  return { handlers, dataDir, vault };
}

let web: WebServer;
const transports: Record<string, () => GardeApi> = {};

beforeAll(async () => {
  qido = createServer((req, res) => {
    const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return void res.writeHead(401).end();
    res.writeHead(200, { 'content-type': 'application/dicom+json' }).end('[]');
  });
  await new Promise<void>((resolve) => qido.listen(0, '127.0.0.1', resolve));
  qidoUrl = `http://127.0.0.1:${(qido.address() as AddressInfo).port}/dicom-web`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/dicom-web`;
  await new Promise((resolve) => closed.close(resolve));
  setups.ipc = await makeHandlers(true);
  setups.http = await makeHandlers(false);
  const { registerIpcHandlers } = await import('../../../main/ipc/registerIpcHandlers');
  registerIpcHandlers(setups.ipc.handlers, (url) => url.startsWith('garde://app/'));
  await import('../../../main/preload/preload');
  transports.ipc = () => electron.exposed.garde as GardeApi;

  const token = 'contract-token';
  web = await startWebServer({ port: 0, token, rendererDir: tmpdir(), handlers: setups.http.handlers, gateway: createGateway({ basePath: '/gateway', registry: await NodeRegistry.create([], {}) }) });
  transports.http = () => createHttpBridge(fetch, `http://127.0.0.1:${web.port}`, { authorization: `Bearer ${token}` });
});
afterAll(async () => {
  await web?.close();
  qido?.close();
});

/** Every response seen through a transport, to check afterwards that no secret was in any. */
const responses: string[] = [];

function recording(api: GardeApi): GardeApi {
  const wrapped: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(api) as (keyof GardeApi)[]) {
    const fn = api[method] as (request: unknown) => Promise<unknown>;
    wrapped[method] = async (request: unknown) => {
      const result = await fn(request);
      responses.push(JSON.stringify(result));
      return result;
    };
  }
  return wrapped as unknown as GardeApi;
}

function dicomwebInput(id: string, password: string | null, extra: Partial<NodeInput> = {}): NodeInput {
  return { id, name: `Node ${id}`, kind: 'dicomweb', baseUrl: qidoUrl, auth: { type: 'basic', username: USER, password }, ...extra } as NodeInput;
}

describe.each(['ipc', 'http'])('contract over %s', (name) => {
  const api = () => recording(transports[name]!());

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
  it('getCacheKey gives the same 32-byte key each time, kept where the mode says; renew replaces it', async () => {
    const first = await api().getCacheKey(undefined);
    expect(first).toEqual({ ok: true, value: { key: expect.any(String), protection: name === 'ipc' ? 'os-keychain' : 'key-file' } });
    if (!first.ok) return;
    expect(Buffer.from(first.value.key, 'base64')).toHaveLength(32);
    expect(await api().getCacheKey({})).toEqual(first);
    const keyFile = join(setups[name]!.dataDir, 'cache.key');
    if (name === 'ipc') {
      expect(await setups.ipc!.vault!.get('cache/aes-gcm')).toBe(first.value.key);
      expect(readFileSync(join(setups.ipc!.dataDir, 'vault.json'), 'utf8')).not.toContain(first.value.key);
    } else {
      expect(readFileSync(keyFile, 'utf8').trim()).toBe(first.value.key);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    }
    const renewed = await api().getCacheKey({ renew: true });
    expect(renewed.ok && renewed.value.key).not.toBe(first.value.key);
    expect(await api().getCacheKey(undefined)).toEqual(renewed);
  });

  it('a damaged stored cache key is CACHE_KEY_MISMATCH, not a new key', async () => {
    const setup = setups[name]!;
    if (name === 'ipc') await setup.vault!.set('cache/aes-gcm', 'garbage');
    else writeFileSync(join(setup.dataDir, 'cache.key'), 'not a key\n');
    expect(await api().getCacheKey(undefined)).toMatchObject({ ok: false, error: { code: 'CACHE_KEY_MISMATCH', message: expect.stringContaining('reset the cache') } });
    expect(await api().getCacheKey({ renew: true })).toMatchObject({ ok: true });
  });

  describe('node management', () => {
    const setup = () => setups[name]!;
    const nodesFileText = () => readFileSync(join(setup().dataDir, 'nodes.json'), 'utf8');

    it('listNodeConfigs gives public views and where credentials are kept', async () => {
      const result = await api().listNodeConfigs(undefined);
      expect(result).toEqual({
        ok: true,
        value: {
          credentialStore: name === 'ipc' ? 'vault' : 'nodes-file',
          nodes: [{ node: expect.objectContaining({ id: 'pacs-nord', kind: 'dicomweb', baseUrl: qidoUrl, authType: 'basic' }), reachable: 'unknown', usable: true }],
        },
      });
    });

    it('testNode on a saved node with a wrong password: NODE_AUTH_FAILED in plain words, node marked unreachable', async () => {
      const result = await api().testNode({ id: 'pacs-nord' });
      expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'NODE_AUTH_FAILED', message: 'PACS Nord refused the credentials (HTTP 401)' } });
      const list = await api().listNodeConfigs(undefined);
      expect(list.ok && list.value.nodes[0]).toMatchObject({ reachable: 'no', error: expect.stringContaining('refused') });
    });

    it('saveNode replaces a node; the new password works; the user name is kept when left empty', async () => {
      const saved = await api().saveNode({ node: dicomwebInput('pacs-nord', PASSWORD, { name: 'PACS Nord', auth: { type: 'basic', username: null, password: PASSWORD } }) });
      expect(saved).toMatchObject({ ok: true, value: { node: { id: 'pacs-nord', authType: 'basic' }, reachable: 'unknown', usable: true } });
      expect(await api().testNode({ id: 'pacs-nord' })).toMatchObject({ ok: true, value: { ok: true, ms: expect.any(Number), message: expect.stringMatching(/^PACS Nord answered in \d+ ms$/) } });
      const file = nodesFileText();
      expect(statSync(join(setup().dataDir, 'nodes.json')).mode & 0o777).toBe(0o600);
      if (name === 'ipc') {
        expect(file).not.toContain(PASSWORD);
        expect(JSON.parse(file).nodes[0].auth).toEqual({ type: 'basic', username: USER, password: { secretRef: 'pacs-nord/password' } });
        expect(await setup().vault!.get('pacs-nord/password')).toBe(PASSWORD);
        expect(readFileSync(join(setup().dataDir, 'vault.json'), 'utf8')).not.toContain(PASSWORD);
      } else {
        expect(JSON.parse(file).nodes[0].auth).toEqual({ type: 'basic', username: USER, password: PASSWORD });
      }
    });

    it('saveNode with the password left empty keeps the stored one', async () => {
      expect(await api().saveNode({ node: dicomwebInput('pacs-nord', null, { name: 'PACS Nord bis' }) })).toMatchObject({ ok: true, value: { node: { name: 'PACS Nord bis' } } });
      expect(await api().testNode({ id: 'pacs-nord' })).toMatchObject({ ok: true, value: { ok: true } });
    });

    it('testNode on a node not saved yet builds a temporary adapter', async () => {
      expect(await api().testNode({ node: dicomwebInput('draft', 'wrong') })).toMatchObject({ ok: true, value: { ok: false, code: 'NODE_AUTH_FAILED' } });
      expect(await api().testNode({ node: dicomwebInput('draft', PASSWORD) })).toMatchObject({ ok: true, value: { ok: true } });
      expect(await api().testNode({ node: dicomwebInput('draft', PASSWORD, { baseUrl: closedUrl }) })).toMatchObject({
        ok: true,
        value: { ok: false, code: 'NODE_UNREACHABLE' },
      });
      const list = await api().listNodeConfigs(undefined);
      expect(list.ok && list.value.nodes.map((n) => n.node.id)).toEqual(['pacs-nord']);
    });

    it('an invalid node is NODES_CONFIG_INVALID with the failing field paths, and nothing is written', async () => {
      const before = nodesFileText();
      const result = await api().saveNode({ node: dicomwebInput('new-node', null, { baseUrl: 'ftp://x' }), create: true });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('NODES_CONFIG_INVALID');
      expect(result.error.issues).toEqual(
        expect.arrayContaining([
          { path: 'baseUrl', message: 'must be an http or https URL' },
          { path: 'auth.password', message: 'required' },
        ]),
      );
      expect(nodesFileText()).toBe(before);
    });

    it('adding with an id already used is refused on the id field', async () => {
      const result = await api().saveNode({ node: dicomwebInput('pacs-nord', PASSWORD), create: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'NODES_CONFIG_INVALID', issues: [{ path: 'id', message: expect.stringContaining('already used') }] } });
    });

    it('a folder node is added, tested and removed; removing it again is NODE_UNKNOWN', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'garde-contract-folder-'));
      expect(await api().saveNode({ node: { id: 'cd', name: 'CD', kind: 'folder', path: folder }, create: true })).toMatchObject({ ok: true });
      expect(await api().testNode({ id: 'cd' })).toMatchObject({ ok: true, value: { ok: true } });
      expect(await api().testNode({ node: { id: 'cd2', name: 'CD 2', kind: 'folder', path: join(folder, 'missing') } })).toMatchObject({ ok: true, value: { ok: false, code: 'NODE_UNREACHABLE' } });
      expect(await api().removeNode({ id: 'cd' })).toEqual({ ok: true, value: { id: 'cd' } });
      expect(await api().removeNode({ id: 'cd' })).toMatchObject({ ok: false, error: { code: 'NODE_UNKNOWN' } });
      expect(await api().testNode({ id: 'cd' })).toMatchObject({ ok: false, error: { code: 'NODE_UNKNOWN' } });
    });

    it('removing a node forgets its vault entry', async () => {
      expect(await api().removeNode({ id: 'pacs-nord' })).toEqual({ ok: true, value: { id: 'pacs-nord' } });
      expect(JSON.parse(nodesFileText())).toEqual({ nodes: [] });
      if (setup().vault) expect(await setup().vault!.has('pacs-nord/password')).toBe(false);
    });
  });
});

describe('secrets and the renderer', () => {
  it('no contract response ever contained a password or user name', () => {
    expect(responses.length).toBeGreaterThan(20);
    for (const text of responses) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(STORED_PASSWORD);
      expect(text).not.toContain(USER);
      expect(text).not.toContain('secretRef');
    }
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
