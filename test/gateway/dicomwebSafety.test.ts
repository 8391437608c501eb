import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom } from '../../main/demo/samples';
import { startRegion, type Region } from '../fixtures/pacs';
import { gatewayUnderTest } from './support/gatewayUnderTest';
import { startLoopbackServer, type LoopbackServer } from './support/loopbackServer';

const TOKEN = 'sensitive-bearer-token-123';

describe('a bearer token goes only to its node origin', () => {
  let elsewhere: LoopbackServer;
  let node: LoopbackServer;
  beforeAll(async () => {
    elsewhere = await startLoopbackServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/dicom+json' });
      res.end('[]');
    });
    node = await startLoopbackServer((req, res) => {
      if (req.url?.startsWith('/dicom-web/studies/1.2.3/series')) {
        res.writeHead(302, { location: `${elsewhere.url}/steal${req.url}` });
        return void res.end();
      }
      if (req.url?.startsWith('/dicom-web/studies')) {
        res.writeHead(307, { location: '/dicom-web/moved/studies' });
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'application/dicom+json' });
      res.end(JSON.stringify([{ '0020000D': { vr: 'UI', Value: ['1.2.3'] }, '00081190': { vr: 'UR', Value: [`${elsewhere.url}/studies/1.2.3`] } }]));
    });
  });
  afterAll(async () => {
    await elsewhere.close();
    await node.close();
  });

  it('follows a same-origin redirect with the token, a cross-origin one without it', async () => {
    const gw = await gatewayUnderTest([{ id: 'tok', name: 'Token PACS', kind: 'dicomweb', baseUrl: `${node.url}/dicom-web`, auth: { type: 'bearer', token: TOKEN } }]);
    try {
      const same = await gw.call('/nodes/tok/dicom-web/studies');
      expect(same.status).toBe(200);
      expect(node.received.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
      const json = (await same.json()) as Record<string, unknown>[];
      expect(JSON.stringify(json)).not.toContain(elsewhere.url);

      const cross = await gw.call('/nodes/tok/dicom-web/studies/1.2.3/series');
      expect(cross.status).toBe(200);
      expect(elsewhere.received).toHaveLength(1);
      expect(elsewhere.received[0]!.headers.authorization).toBeUndefined();
      expect(JSON.stringify(elsewhere.received)).not.toContain(TOKEN);
    } finally {
      await gw.close();
    }
  });
});

describe('an upstream answering garbage', () => {
  let bad: LoopbackServer;
  beforeAll(async () => {
    bad = await startLoopbackServer((req, res) => {
      if (req.url?.includes('/frames/')) {
        const body = '--b1\r\nContent-Type: application/octet-stream\r\n\r\n' + 'x'.repeat(1000);
        res.writeHead(200, { 'content-type': 'multipart/related; type="application/octet-stream"; boundary=b1', 'content-length': String(body.length) });
        return void res.end(body);
      }
      if (req.url?.includes('/metadata')) {
        res.writeHead(200, { 'content-type': 'application/dicom+json', 'content-length': '5000' });
        res.write('[{"00080018":');
        return void res.destroy();
      }
      if (req.url?.includes('/series')) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        return void res.end('database locked');
      }
      res.writeHead(200, { 'content-type': 'application/dicom+json' });
      res.end('<html>not json</html>');
    });
  });
  afterAll(() => bad.close());

  it('gives a 502 with a clear reason for each kind of garbage, and keeps serving', async () => {
    const gw = await gatewayUnderTest([{ id: 'bad', name: 'Broken PACS', kind: 'dicomweb', baseUrl: `${bad.url}/dicom-web`, auth: { type: 'none' } }]);
    try {
      const notJson = await gw.call('/nodes/bad/dicom-web/studies');
      expect(notJson.status).toBe(502);
      expect(await notJson.json()).toMatchObject({ code: 'NODE_BAD_RESPONSE', message: expect.stringContaining('JSON that cannot be read') });

      const truncated = await gw.call('/nodes/bad/dicom-web/studies/1.2/series/3.4/instances/5.6/frames/1');
      expect(truncated.status).toBe(502);
      expect(await truncated.json()).toMatchObject({ code: 'NODE_BAD_RESPONSE', message: expect.stringContaining('broken multipart') });

      const cut = await gw.call('/nodes/bad/dicom-web/studies/1.2/series/3.4/metadata');
      expect(cut.status).toBe(502);
      expect(await cut.json()).toMatchObject({ code: 'NODE_BAD_RESPONSE', message: expect.stringContaining('mid-transfer') });

      const failed = await gw.call('/nodes/bad/dicom-web/studies/1.2/series');
      expect(failed.status).toBe(502);
      expect(await failed.json()).toMatchObject({ message: expect.stringContaining('HTTP 500: database locked') });

      expect((await gw.call('/nodes')).status).toBe(200);
    } finally {
      await gw.close();
    }
  });
});

describe('federated study search', () => {
  let region: Region;
  let silent: LoopbackServer;
  beforeAll(async () => {
    region = await startRegion();
    const make = (seed: string, id: string, study: string) =>
      generateCtPhantom({
        seed,
        patient: { PatientName: `FED^${id}`, PatientID: id, PatientBirthDate: '19600101', PatientSex: 'F' },
        study: { StudyInstanceUID: study, StudyDate: '20261122', StudyTime: '230000', AccessionNumber: id, StudyID: '1', StudyDescription: 'CT' },
        Rows: 64,
        Columns: 64,
        slices: 2,
      }).instances.map((i) => i.buffer);
    await region.nord.storeInstances(make('fed-a', 'NORD-1', '1.2.826.0.1.3680043.10.543.8001'));
    await region.sud.storeInstances(make('fed-b', 'SUD-1', '1.2.826.0.1.3680043.10.543.8002'));
    silent = await startLoopbackServer(() => undefined);
  });
  afterAll(async () => {
    await silent?.close();
    await region?.stop();
  });

  const nodeOf = (p: Region['nord'], id: string) => ({ id, name: p.name, kind: 'dicomweb', baseUrl: p.dicomWebUrl, auth: { type: 'basic', username: p.username, password: p.password } });

  it('returns every node’s studies with their node id, and per-node outcomes', async () => {
    const gw = await gatewayUnderTest([nodeOf(region.nord, 'nord'), nodeOf(region.sud, 'sud')]);
    try {
      const res = await gw.call('/search/studies?StudyDate=20261122');
      const body = (await res.json()) as { results: { nodeId: string }[]; nodes: { nodeId: string; ok: boolean; count: number }[] };
      expect(body.results.map((r) => r.nodeId).sort()).toEqual(['nord', 'sud']);
      expect(body.nodes).toEqual([expect.objectContaining({ nodeId: 'nord', ok: true, count: 1 }), expect.objectContaining({ nodeId: 'sud', ok: true, count: 1 })]);
    } finally {
      await gw.close();
    }
  });

  it('with one node that never answers and one stopped: partial results and their errors, inside the timeout', async () => {
    const gw = await gatewayUnderTest(
      [nodeOf(region.nord, 'nord'), nodeOf(region.sud, 'sud'), { id: 'silent', name: 'Silent PACS', kind: 'dicomweb', baseUrl: `${silent.url}/dicom-web`, auth: { type: 'none' } }],
      { searchTimeoutMs: 1500 },
    );
    try {
      await region.sud.stop();
      const body = (await (await gw.call('/search/studies')).json()) as {
        results: { nodeId: string }[];
        nodes: { nodeId: string; ok: boolean; ms: number; error?: { code: string; message: string } }[];
      };
      expect(body.results.map((r) => r.nodeId)).toEqual(['nord']);
      const byId = new Map(body.nodes.map((n) => [n.nodeId, n]));
      expect(byId.get('nord')).toMatchObject({ ok: true });
      expect(byId.get('sud')).toMatchObject({ ok: false, error: { code: 'NODE_UNREACHABLE' } });
      expect(byId.get('silent')).toMatchObject({ ok: false, error: { code: 'NODE_TIMEOUT', message: expect.stringContaining('1500 ms') } });
      // The silent node was given up at its own timeout, not waited for.
      expect(byId.get('silent')!.ms).toBeGreaterThanOrEqual(1400);
      const nodes = (await (await gw.call('/nodes')).json()) as { id: string; reachable: string }[];
      expect(nodes.find((n) => n.id === 'sud')?.reachable).toBe('no');
    } finally {
      await gw.close();
    }
  });
});
