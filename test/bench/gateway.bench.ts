// Gateway benchmarks (issue: PACS gateway). Each figure is printed beside its reference, measured
// in the same run on the same data:
// - gateway_frames_ratio: frames of a 300-slice 512x512 CT through the web-mode gateway (HTTP ->
//   gateway -> Orthanc) vs the same requests straight to Orthanc. Goal >= 0.9.
// - dimse_series_ratio: a whole series retrieved through a DIMSE node (C-GET, cold temp store)
//   vs dcmtk's getscu on the same series. Goal >= 0.5.
// - federated_latency_ratio: study search over two nodes vs the slower single node, both asked
//   through the gateway (so the figure is the cost of fanning out). Goal <= 1.2.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCtPhantom } from '../../main/demo/samples';
import { createServices } from '../../main/services/createServices';
import { startWebServer } from '../../main/web/createWebServer';
import { parseNodesFile } from '../../app/nodes';
import { runDcmtk, startRegion, type RegionalPacs } from '../fixtures/pacs';
import { median, pool, printFigures, type Figure } from './support/figures';

const SLICES = Number(process.env.BENCH_SLICES ?? 300);
const CONCURRENCY = 6;
const ACCEPT = 'multipart/related; type="application/octet-stream"; transfer-syntax=*';

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`bench gateway: starting two Orthanc and storing a ${SLICES}-slice 512x512 CT`);
  const region = await startRegion();
  try {
    const ct = generateCtPhantom({
      seed: 'bench-gateway',
      patient: { PatientName: 'BENCH^CT', PatientID: 'BENCH-1', PatientBirthDate: '19500101', PatientSex: 'M' },
      study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9001', StudyDate: '20261122', StudyTime: '010000', AccessionNumber: 'B1', StudyID: '1', StudyDescription: 'Bench CT' },
      slices: SLICES,
    });
    for (let i = 0; i < ct.instances.length; i += 50) await region.nord.storeInstances(ct.instances.slice(i, i + 50).map((x) => x.buffer));
    await region.sud.storeInstances(ct.instances.slice(0, 5).map((x) => x.buffer));

    const nodeOf = (p: RegionalPacs) => ({ id: p.id.toLowerCase().replace(/_/g, '-'), name: p.name, kind: 'dicomweb', baseUrl: p.dicomWebUrl, auth: { type: 'basic', username: p.username, password: p.password } });
    const nodes = parseNodesFile(JSON.stringify({ nodes: [nodeOf(region.nord), nodeOf(region.sud)] }), 'bench-nodes.json').nodes;
    const dataDir = mkdtempSync(join(tmpdir(), 'garde-bench-'));
    const services = await createServices({ appInfo: { name: 'Garde', version: 'bench', mode: 'web', platform: process.platform, gatewayBaseUrl: '/gateway' }, nodes, dataDir, gatewayBasePath: '/gateway' });
    const token = 'bench-token';
    const web = await startWebServer({ port: 0, token, rendererDir: dataDir, handlers: services.handlers, gateway: services.gateway });
    const gatewayBase = `http://127.0.0.1:${web.port}/gateway/nodes/${nodes[0]!.id}/dicom-web`;
    const paths = ct.instances.map((i) => `studies/${i.StudyInstanceUID}/series/${i.SeriesInstanceUID}/instances/${i.SOPInstanceUID}/frames/1`);

    const throughput = async (base: string, authorization: string) => {
      let bytes = 0;
      const started = performance.now();
      await pool(paths, CONCURRENCY, async (path) => {
        const res = await fetch(`${base}/${path}`, { headers: { accept: ACCEPT, authorization } });
        if (!res.ok) throw new Error(`${base}/${path}: HTTP ${res.status}`);
        bytes += (await res.arrayBuffer()).byteLength;
      });
      return bytes / 1e6 / ((performance.now() - started) / 1000);
    };
    // Warm both paths once (connections, Orthanc's caches), then alternate measured rounds.
    await throughput(region.nord.dicomWebUrl, region.nord.authorization);
    await throughput(gatewayBase, `Bearer ${token}`);
    const direct: number[] = [];
    const through: number[] = [];
    for (let round = 0; round < 3; round++) {
      direct.push(await throughput(region.nord.dicomWebUrl, region.nord.authorization));
      through.push(await throughput(gatewayBase, `Bearer ${token}`));
    }

    // Whole-series retrieve: a DIMSE node of the same PACS, fresh each round (nothing cached).
    const seriesPath = `studies/${ct.instances[0]!.StudyInstanceUID}/series/${ct.SeriesInstanceUID}`;
    const dimseMBps: number[] = [];
    const getscuMBps: number[] = [];
    for (let round = 0; round < 2; round++) {
      const dimseNodes = parseNodesFile(
        JSON.stringify({ nodes: [{ id: 'nord-dimse', name: 'Nord DIMSE', kind: 'dimse', host: '127.0.0.1', port: region.nord.dimsePort, calledAeTitle: region.nord.aeTitle, callingAeTitle: region.workstation.aeTitle, retrieve: 'C-GET' }] }),
        'bench-dimse.json',
      ).nodes;
      const dimseServices = await createServices({ appInfo: { name: 'Garde', version: 'bench', mode: 'web', platform: process.platform, gatewayBaseUrl: '/gateway' }, nodes: dimseNodes, dataDir: mkdtempSync(join(tmpdir(), 'garde-bench-dimse-')), gatewayBasePath: '/gateway' });
      let started = performance.now();
      const res = await dimseServices.gateway(new Request(`http://127.0.0.1:1/gateway/nodes/nord-dimse/dicom-web/${seriesPath}`, { headers: { accept: 'multipart/related; type="application/dicom"; transfer-syntax=*' } }));
      const bytes = (await res.arrayBuffer()).byteLength;
      if (!res.ok) throw new Error(`DIMSE series retrieve: HTTP ${res.status}`);
      dimseMBps.push(bytes / 1e6 / ((performance.now() - started) / 1000));
      await dimseServices.close();

      const out = mkdtempSync(join(tmpdir(), 'garde-bench-getscu-'));
      started = performance.now();
      const got = await runDcmtk('getscu', ['-aet', region.workstation.aeTitle, '-aec', region.nord.aeTitle, '-S', '-k', 'QueryRetrieveLevel=SERIES', '-k', `StudyInstanceUID=${ct.instances[0]!.StudyInstanceUID}`, '-k', `SeriesInstanceUID=${ct.SeriesInstanceUID}`, '-od', out, '127.0.0.1', String(region.nord.dimsePort)]);
      const seconds = (performance.now() - started) / 1000;
      if (got.code !== 0) throw new Error(`getscu failed: ${got.stderr}`);
      const received = readdirSync(out).reduce((sum, f) => sum + statSync(join(out, f)).size, 0);
      getscuMBps.push(received / 1e6 / seconds);
    }

    const qido = async (url: string, authorization: string) => {
      const started = performance.now();
      const res = await fetch(url, { headers: { accept: 'application/dicom+json', authorization } });
      await res.arrayBuffer();
      return performance.now() - started;
    };
    const single: number[][] = [[], []];
    const federated: number[] = [];
    const gatewayRoot = `http://127.0.0.1:${web.port}/gateway`;
    for (let i = 0; i < 40; i++) {
      single[0]!.push(await qido(`${gatewayRoot}/nodes/${nodes[0]!.id}/dicom-web/studies`, `Bearer ${token}`));
      single[1]!.push(await qido(`${gatewayRoot}/nodes/${nodes[1]!.id}/dicom-web/studies`, `Bearer ${token}`));
      federated.push(await qido(`${gatewayRoot}/search/studies`, `Bearer ${token}`));
    }
    const slower = Math.max(median(single[0]!), median(single[1]!));
    // The machine's own limit: both nodes asked at once, straight, by a bare fetch loop.
    const bareSingle: number[] = [];
    const bareParallel: number[] = [];
    for (let i = 0; i < 40; i++) {
      bareSingle.push(await qido(`${region.nord.dicomWebUrl}/studies`, region.nord.authorization));
      const started = performance.now();
      await Promise.all([qido(`${region.nord.dicomWebUrl}/studies`, region.nord.authorization), qido(`${region.sud.dicomWebUrl}/studies`, region.sud.authorization)]);
      bareParallel.push(performance.now() - started);
    }

    const figures: Figure[] = [
      {
        name: 'gateway_frames_ratio',
        value: median(through),
        unit: 'MB/s',
        reference: median(direct),
        ratio: median(through) / median(direct),
        note: `${SLICES} frames 512x512, ${CONCURRENCY} in flight, through the gateway vs Orthanc direct; goal >= 0.9`,
      },
      {
        name: 'dimse_series_ratio',
        value: median(dimseMBps),
        unit: 'MB/s',
        reference: median(getscuMBps),
        ratio: median(dimseMBps) / median(getscuMBps),
        note: `${SLICES}-slice series through a DIMSE node (C-GET, dcmjs-dimse) vs dcmtk getscu; goal >= 0.5`,
      },
      {
        name: 'federated_latency_ratio',
        value: median(federated),
        unit: 'ms',
        reference: slower,
        ratio: median(federated) / slower,
        note: 'study search over 2 nodes vs the slower single node, both through the gateway, median of 40; goal <= 1.2',
      },
      {
        name: 'federated_bare_parallel_ratio',
        value: median(bareParallel),
        unit: 'ms',
        reference: median(bareSingle),
        ratio: median(bareParallel) / median(bareSingle),
        note: 'machine limit: the same two QIDO requests sent at once straight to Orthanc vs one, no gateway',
      },
    ];
    printFigures(figures);
    await web.close();
    await services.close();
  } finally {
    await region.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
