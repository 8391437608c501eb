// Viewer benchmarks (issue 5: cache-through loading). Time to first image (TTFI) of a 300-slice
// 512x512 CT, from Enter on the worklist row to a pixel read back from the viewport's canvas
// (SwiftShader finishes drawing after IMAGE_RENDERED; getImageData waits for it), in Debian's
// Chromium on the web-mode workstation and one real Orthanc:
// - ttfi_cold_ms: empty cache (fresh profile), everything through the gateway;
// - ttfi_cached_ms: the same study again after a reload, from the local cache. Goal <= 150 ms;
// - ttfi_frame_fetch_decode_ms: the reference both are printed beside, a bare fetch of that first
//   frame through the gateway plus its decode in the loader's workers, in the same page.
// Figures are printed, never asserted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom } from '../../app/samples';
import buildRenderer from '../e2e/globalSetup';
import { launchChromium } from '../e2e/support/chromium';
import { startWebMode } from '../e2e/support/webMode';
import { startOrthanc, storeInstancesStow } from '../fixtures/pacs';
import { median, printFigures } from './support/figures';

const SLICES = Number(process.env.BENCH_SLICES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const NODE = 'bench-viewer';
const StudyInstanceUID = '1.2.826.0.1.3680043.10.543.9401';
const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Page script: on the next Enter, times until the viewport is ready and one pixel of its canvas is
 * read back (`window.benchTtfi`). A string, so the bundler's helpers never reach the page; it ends
 * with `undefined`, else evaluate would wait for the promise.
 */
const INSTALL_TTFI_TIMER = `
window.benchTtfi = new Promise((resolve) => {
  let started;
  const observer = new MutationObserver(() => {
    const canvas = document.querySelector('[data-testid=stack-viewport][data-state=ready] canvas');
    if (started === undefined || !canvas) return;
    canvas.getContext('2d')?.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1);
    observer.disconnect();
    resolve(performance.now() - started);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || started !== undefined) return;
    started = performance.now();
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  }, true);
});
undefined;
`;

/** Opens the study with Enter on its worklist row; resolves with the in-page time to a read-back pixel. */
async function timeFirstImage(page: Page): Promise<number> {
  await page.locator('[data-testid=page-worklist][data-state=ready]').waitFor({ timeout: 120_000 });
  await page.locator(`[data-testid=worklist-table] tbody tr[data-study="${StudyInstanceUID}"]`).click();
  await page.evaluate(INSTALL_TTFI_TIMER);
  await page.getByTestId('worklist-table').press('Enter');
  const ms = await page.evaluate(() => Promise.race([(window as unknown as { benchTtfi: Promise<number> }).benchTtfi, new Promise<undefined>((r) => setTimeout(r, 20_000))]));
  if (ms === undefined) throw new Error(`no first image within 20 s: ${await page.evaluate(() => document.querySelector("[data-testid=stack-viewport]")?.outerHTML.slice(0, 1500))}`);
  return ms;
}

/** Whether the cache holds the study's metadata, series list and first frame (read with IndexedDB itself). */
function cachedEnough(page: Page): Promise<boolean> {
  return page.evaluate(
    ([nodeId, uid, slices]) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('garde-cache');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const tx = open.result.transaction(['instances', 'frames', 'studies']);
          let instances = 0;
          let frames = 0;
          let seriesList = false;
          const key = IDBKeyRange.only([nodeId, uid]);
          tx.objectStore('instances').index('[nodeId+StudyInstanceUID]').count(key).onsuccess = (e) => (instances = (e.target as IDBRequest<number>).result);
          tx.objectStore('frames').index('[nodeId+StudyInstanceUID]').count(key).onsuccess = (e) => (frames = (e.target as IDBRequest<number>).result);
          tx.objectStore('studies').get([nodeId!, uid!]).onsuccess = (e) => (seriesList = !!(e.target as IDBRequest<{ seriesList?: unknown } | undefined>).result?.seriesList);
          tx.oncomplete = () => (open.result.close(), resolve(instances === Number(slices) && frames >= 1 && seriesList));
        };
      }),
    [NODE, StudyInstanceUID, String(SLICES)],
  );
}

/** A bare fetch of the image shown plus its decode, with the viewer's own functions, in milliseconds. */
function timeFetchDecode(page: Page): Promise<number> {
  return page.getByTestId('stack-viewport').evaluate(async (element) => {
    type Diagnostics = { fetchFrame(id: string): Promise<unknown>; decodeFrame(id: string, frame: unknown): Promise<unknown> };
    const diagnostics = (globalThis as unknown as { gardeFrameDiagnostics: Diagnostics }).gardeFrameDiagnostics;
    const imageId = (element as unknown as { gardeStackView: { currentImageId(): string } }).gardeStackView.currentImageId();
    const started = performance.now();
    await diagnostics.decodeFrame(imageId, await diagnostics.fetchFrame(imageId));
    return performance.now() - started;
  });
}

async function main(): Promise<void> {
  log(`bench viewer: building the renderer, starting Orthanc and storing a ${SLICES}-slice 512x512 CT`);
  buildRenderer();
  log('  renderer built');
  const pacs = await startOrthanc({ name: 'bench-viewer', aeTitle: 'BENCH_VIEWER', username: 'bench', password: 'bench-secret' });
  const contexts: BrowserContext[] = [];
  let web: Awaited<ReturnType<typeof startWebMode>> | undefined;
  try {
    const ct = generateCtPhantom({
      seed: 'bench-viewer',
      patient: { PatientName: 'BENCH^TTFI', PatientID: 'BENCH-TTFI', PatientBirthDate: '19500101', PatientSex: 'M' },
      study: { StudyInstanceUID, StudyDate: toDicomDate(new Date()), StudyTime: '010000', AccessionNumber: 'BT1', StudyID: '1', StudyDescription: 'Bench TTFI CT' },
      slices: SLICES,
    });
    log('  Orthanc started; storing');
    for (let i = 0; i < ct.instances.length; i += 50) await storeInstancesStow(pacs, ct.instances.slice(i, i + 50).map((x) => x.buffer));
    const dir = mkdtempSync(join(tmpdir(), 'garde-bench-viewer-'));
    const nodesFile = join(dir, 'nodes.json');
    writeFileSync(nodesFile, JSON.stringify({ nodes: [{ id: NODE, name: 'Bench', kind: 'dicomweb', baseUrl: pacs.dicomWebUrl, auth: { type: 'basic', username: pacs.username, password: pacs.password } }] }));
    web = await startWebMode(['--nodes', nodesFile]);
    log('  web mode started');

    const cold: number[] = [];
    let page: Page | undefined;
    for (let round = 0; round < ROUNDS; round += 1) {
      const context = await launchChromium({ viewport: { width: 1400, height: 900 } });
      contexts.push(context);
      page = await context.newPage();
      await page.goto(web.url);
      cold.push(await timeFirstImage(page));
      log(`  cold round ${round + 1}: ${cold.at(-1)!.toFixed(0)} ms`);
    }
    const last = page!;
    for (let guard = 0; guard < 600 && !(await cachedEnough(last)); guard += 1) await new Promise((r) => setTimeout(r, 100));
    const cached: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await last.reload();
      cached.push(await timeFirstImage(last));
      log(`  cached round ${round + 1}: ${cached.at(-1)!.toFixed(0)} ms`);
    }
    const bare: number[] = [];
    for (let round = 0; round < ROUNDS + 2; round += 1) bare.push(await timeFetchDecode(last));
    const reference = median(bare);
    const note = 'bare fetch+decode of that frame in the same page';
    printFigures([
      { name: 'ttfi_cold_ms', value: median(cold), unit: 'ms', reference, ratio: median(cold) / reference, note: `empty cache, through the gateway; ${note}` },
      { name: 'ttfi_cached_ms', value: median(cached), unit: 'ms', reference, ratio: median(cached) / reference, note: `from the local cache, goal <= 150 ms; ${note}` },
      { name: 'ttfi_frame_fetch_decode_ms', value: reference, unit: 'ms', reference, ratio: 1, note: 'one frame fetched through the gateway and decoded, no render' },
    ]);
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    await web?.stop();
    await pacs.stop({ graceMs: 0 });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
