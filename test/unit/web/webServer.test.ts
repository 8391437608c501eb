import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNodesFile } from '../../../app/nodes';
import { adapterFactories } from '../../../main/gateway/adapterFactories';
import { createGateway } from '../../../main/gateway/createGateway';
import { NodeRegistry } from '../../../main/gateway/nodeRegistry';
import { noVault } from '../../../main/secrets/resolveSecret';
import { NodeAdmin } from '../../../main/nodes/nodeAdmin';
import { NodesStore } from '../../../main/nodes/nodesStore';
import { createHandlers } from '../../../main/services/createHandlers';
import { SettingsStore } from '../../../main/settings/settingsStore';
import { startWebServer, type WebServer } from '../../../main/web/createWebServer';

const dir = mkdtempSync(join(tmpdir(), 'garde-web-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Garde</title>');
const token = 'test-token-0123456789';
let web: WebServer;

beforeAll(async () => {
  const config = parseNodesFile(
    JSON.stringify({ nodes: [{ id: 'n1', name: 'Node 1', kind: 'dicomweb', baseUrl: 'http://127.0.0.1:9/dicom-web', auth: { type: 'basic', username: 'u', password: 'secret-pw' } }] }),
    'nodes.json',
  );
  const registry = await NodeRegistry.create(config.nodes, adapterFactories({ secrets: noVault, tempDir: dir }));
  const nodes = () => registry.all().map((a) => ({ id: a.node.id, name: a.node.name, kind: a.node.kind }));
  web = await startWebServer({
    port: 0,
    token,
    rendererDir: dir,
    handlers: createHandlers({
      appInfo: { name: 'Garde', version: '1', mode: 'web', platform: 'linux', gatewayBaseUrl: '/gateway' },
      nodes,
      settings: new SettingsStore(join(dir, 'data')),
      nodeAdmin: new NodeAdmin({ store: new NodesStore(join(dir, 'data', 'nodes.json')), registry }),
    }),
    gateway: createGateway({ basePath: '/gateway', registry }),
  });
});
afterAll(() => web.close());

/** A raw HTTP request, so the Host header can be set freely. */
function raw(path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web mode server', () => {
  it('binds loopback only', () => {
    expect(web.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('refuses a request without the session token (401)', async () => {
    const res = await raw('/', { host: `127.0.0.1:${web.port}` });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'UNAUTHORIZED' });
    const api = await raw('/api/getAppInfo', { host: `127.0.0.1:${web.port}` }, 'POST');
    expect(api.status).toBe(401);
    const gw = await raw('/gateway/nodes', { host: `127.0.0.1:${web.port}` });
    expect(gw.status).toBe(401);
  });

  it('refuses a wrong Host header even with the token (DNS rebinding)', async () => {
    const res = await raw('/gateway/nodes', { host: `evil.example:${web.port}`, authorization: `Bearer ${token}` });
    expect(res.status).toBe(403);
  });

  it('opens a session from the login URL with an HttpOnly cookie, then serves the app with its CSP', async () => {
    const login = await raw(`/?token=${token}`, { host: `127.0.0.1:${web.port}` });
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/');
    const cookie = String((login.headers['set-cookie'] as string[])[0]).split(';')[0]!;
    expect(login.headers['set-cookie']).toEqual([expect.stringContaining('HttpOnly')]);
    const page = await raw('/', { host: `127.0.0.1:${web.port}`, cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Garde</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('never serves a file outside the renderer folder', async () => {
    const res = await raw('/..%2f..%2f..%2f..%2fetc%2fpasswd', { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${token}` });
    expect(res.body).not.toContain('root:');
    expect(res.body).toContain('<title>Garde</title>');
    const asset = await raw('/..%2f..%2f..%2f..%2fetc%2fhostname.txt', { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${token}` });
    expect(asset.status).toBe(404);
  });

  it('refuses an API call from another origin', async () => {
    const res = await raw('/api/getAppInfo', { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${token}`, origin: 'https://evil.example' }, 'POST');
    expect(res.status).toBe(403);
  });

  it('serves the gateway node list without secrets, and a JSON 404 for unknown resources', async () => {
    const nodes = await raw('/gateway/nodes', { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${token}` });
    expect(nodes.status).toBe(200);
    expect(JSON.parse(nodes.body)).toEqual([{ id: 'n1', name: 'Node 1', kind: 'dicomweb', reachable: 'unknown' }]);
    expect(nodes.body).not.toContain('secret-pw');
    const missing = await raw('/gateway/nope', { host: `127.0.0.1:${web.port}`, authorization: `Bearer ${token}` });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ code: 'NOT_FOUND' });
  });
});
