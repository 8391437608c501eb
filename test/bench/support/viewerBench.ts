// What the viewer benchmarks share: a production build of the renderer of their own, one real
// Orthanc holding a generated 512x512 CT, web mode serving that build, and in-page timers.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { toDicomDate } from '../../../app/dicom/formatPersonName';
import { generateCtPhantom } from '../../../main/demo/samples';
import { launchChromium } from '../../e2e/support/chromium';
import { startWebMode, type WebMode } from '../../e2e/support/webMode';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../../fixtures/pacs';

const root = join(import.meta.dirname, '..', '..', '..');

/** Writes a line to stderr (figures alone go to stdout). */
export const log = (line: string): void => void process.stderr.write(`${line}\n`);

/**
 * Builds the renderer for production (`NODE_ENV=production`, whatever the caller's environment:
 * under `NODE_ENV=test` React's development build would be timed) into a folder of its own, so
 * that builds of tests running at the same time do not replace it under the benchmark.
 * @returns the folder, for web mode's `--renderer`.
 */
export function buildBenchRenderer(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'garde-bench-renderer-'));
  const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '-c', 'vite.renderer.config.ts', '--mode', 'test-hooks', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('renderer build failed');
  return outDir;
}

/** A running viewer benchmark: the PACS, web mode and the study on it. */
export interface ViewerBench {
  nodeId: string;
  StudyInstanceUID: string;
  slices: number;
  web: WebMode;
  pacs: OrthancInstance;
  /**
   * A fresh Chromium profile on web mode (closed by `stop`), page errors and warnings logged; `args`
   * replace the default Chromium flags; `bypassCSP` lets a reference page read a PACS itself.
   */
  openPage(args?: string[], bypassCSP?: boolean): Promise<Page>;
  stop(): Promise<void>;
}

/** Builds the renderer, starts Orthanc with a `slices`-slice 512x512 CT and web mode on it. */
export async function startViewerBench(name: string, slices: number): Promise<ViewerBench> {
  log(`bench ${name}: building the renderer, starting Orthanc and storing a ${slices}-slice 512x512 CT`);
  const rendererDir = buildBenchRenderer();
  const nodeId = `bench-${name}`;
  const StudyInstanceUID = '1.2.826.0.1.3680043.10.543.9401';
  const pacs = await startOrthanc({ name: `bench-${name}`, aeTitle: 'BENCH_VIEWER', username: 'bench', password: 'bench-secret' });
  const contexts: BrowserContext[] = [];
  let web: WebMode | undefined;
  const stop = async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await web?.stop();
    await pacs.stop({ graceMs: 0 });
  };
  try {
    const ct = generateCtPhantom({
      seed: 'bench-viewer',
      patient: { PatientName: 'BENCH^TTFI', PatientID: 'BENCH-TTFI', PatientBirthDate: '19500101', PatientSex: 'M' },
      study: { StudyInstanceUID, StudyDate: toDicomDate(new Date()), StudyTime: '010000', AccessionNumber: 'BT1', StudyID: '1', StudyDescription: 'Bench viewer CT' },
      slices,
    });
    for (let i = 0; i < ct.instances.length; i += 50) await storeInstancesStow(pacs, ct.instances.slice(i, i + 50).map((x) => x.buffer));
    const nodesFile = join(mkdtempSync(join(tmpdir(), 'garde-bench-nodes-')), 'nodes.json');
    writeFileSync(nodesFile, JSON.stringify({ nodes: [{ id: nodeId, name: 'Bench', kind: 'dicomweb', baseUrl: pacs.dicomWebUrl, auth: { type: 'basic', username: pacs.username, password: pacs.password } }] }));
    web = await startWebMode(['--nodes', nodesFile, '--renderer', rendererDir]);
    log('  Orthanc and web mode started');
  } catch (error) {
    await stop();
    throw error;
  }
  const started = web;
  return {
    nodeId,
    StudyInstanceUID,
    slices,
    web: started,
    pacs,
    async openPage(args, bypassCSP) {
      const context = await launchChromium({ viewport: { width: 1400, height: 900 }, ...(args ? { args } : {}), ...(bypassCSP ? { bypassCSP } : {}) });
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && log(`  page ${m.type()}: ${m.text().slice(0, 300)}`));
      page.on('pageerror', (e) => log(`  page error: ${e.message.slice(0, 300)}`));
      await page.goto(started.url);
      return page;
    },
    stop,
  };
}

/**
 * Page script: on the next Enter, times until the viewport is ready and one pixel of its canvas is
 * read back (`window.benchTtfi`), with the time of each step on the way (`steps`: the study screen
 * mounted, the viewport element, the stack set, the image drawn; and `viewerReady`, when the
 * viewer's warm-up ended, negative when before Enter). A string, so the bundler's helpers
 * never reach the page; it ends with `undefined`, else evaluate would wait for the promise.
 */
const INSTALL_TTFI_TIMER = `
window.benchTtfi = new Promise((resolve) => {
  let started;
  const steps = {};
  const milestones = {
    studyViewer: '[data-testid=study-viewer]',
    viewportElement: '[data-testid=stack-viewport]',
    stackSet: '[data-testid=stack-viewport][data-total]',
    rendered: '[data-testid=stack-viewport][data-state=ready]',
  };
  const observer = new MutationObserver(() => {
    if (started === undefined) return;
    for (const [name, selector] of Object.entries(milestones)) if (steps[name] === undefined && document.querySelector(selector)) steps[name] = performance.now() - started;
    const canvas = document.querySelector('[data-testid=stack-viewport][data-state=ready] canvas');
    if (!canvas) return;
    canvas.getContext('2d')?.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1);
    observer.disconnect();
    const ready = performance.getEntriesByName('garde:viewer-ready')[0];
    if (ready) steps.viewerReady = ready.startTime - started;
    resolve({ ms: performance.now() - started, steps });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || started !== undefined) return;
    started = performance.now();
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-total'] });
  }, true);
});
undefined;
`;

/** Time to first image, and the in-page time of each step on the way (see INSTALL_TTFI_TIMER). */
export interface FirstImage {
  ms: number;
  steps: Record<string, number>;
}

/** Opens the study with Enter on its worklist row; resolves with the in-page time to a read-back pixel. */
export async function timeFirstImage(page: Page, StudyInstanceUID: string): Promise<FirstImage> {
  await page.locator('[data-testid=page-worklist][data-state=ready]').waitFor({ timeout: 120_000 });
  await page.locator(`[data-testid=worklist-table] tbody tr[data-study="${StudyInstanceUID}"]`).click();
  await page.evaluate(INSTALL_TTFI_TIMER);
  await page.getByTestId('worklist-table').press('Enter');
  const result = await page.evaluate(() => Promise.race([(window as unknown as { benchTtfi: Promise<FirstImage> }).benchTtfi, new Promise<undefined>((r) => setTimeout(r, 30_000))]));
  if (result === undefined) throw new Error(`no first image within 30 s: ${await page.evaluate(() => document.querySelector('[data-testid=stack-viewport]')?.outerHTML.slice(0, 600))}`);
  return result;
}

/** The steps of a {@link FirstImage} as one log line. */
export function describeSteps(image: FirstImage): string {
  return Object.entries(image.steps)
    .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
    .join(', ');
}

/** Whether the cache holds the study's metadata, series list and at least `frames` frames (read with IndexedDB itself). */
export function cachedEnough(page: Page, bench: ViewerBench, frames = 1): Promise<boolean> {
  return page.evaluate(
    ([nodeId, uid, slices, wanted]) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('garde-cache');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const tx = open.result.transaction(['instances', 'frames', 'studies']);
          let instances = 0;
          let cachedFrames = 0;
          let seriesList = false;
          const key = IDBKeyRange.only([nodeId, uid]);
          tx.objectStore('instances').index('[nodeId+StudyInstanceUID]').count(key).onsuccess = (e) => (instances = (e.target as IDBRequest<number>).result);
          tx.objectStore('frames').index('[nodeId+StudyInstanceUID]').count(key).onsuccess = (e) => (cachedFrames = (e.target as IDBRequest<number>).result);
          tx.objectStore('studies').get([nodeId!, uid!]).onsuccess = (e) => (seriesList = !!(e.target as IDBRequest<{ seriesList?: unknown } | undefined>).result?.seriesList);
          tx.oncomplete = () => (open.result.close(), resolve(instances === Number(slices) && cachedFrames >= Number(wanted) && seriesList));
        };
      }),
    [bench.nodeId, bench.StudyInstanceUID, String(bench.slices), String(frames)],
  );
}

/** Waits (up to a minute) until {@link cachedEnough}. */
export async function waitUntilCached(page: Page, bench: ViewerBench, frames = 1): Promise<void> {
  for (let guard = 0; guard < 600; guard += 1) {
    if (await cachedEnough(page, bench, frames)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`  warning: the cache did not hold ${frames} frame(s) of the study after a minute`);
}
