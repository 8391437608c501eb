// MPR and 3D benchmarks on the 512x512 CT of the viewer benchmarks (BENCH_SLICES, default 300), in
// Debian's Chromium (SwiftShader: relative figures only) on the web-mode workstation and one Orthanc.
// - mpr_ready_gateway_ms: from M on the stack (first image shown, nothing else loaded) to every
//   slice in the volume and the three planes drawn (a pixel read back from each), frames through
//   the gateway from the PACS; mpr_ready_cached_ms: the same after a reload, frames from the local
//   cache; reference mpr_ready_bare_cornerstone_ms: Cornerstone3D's own streaming volume loader
//   reading the series' metadata and frames straight from Orthanc into three bare orthographic
//   viewports in the same kind of page (gardeViewerDiagnostics.bareMprViewports).
// - voxel_memory_ratio: JS heap and Cornerstone cache bytes the open volume adds (after a garbage
//   collection), over its voxel bytes as stored (16 bits); goal <= 1.3.
// - mpr_scroll_ms_per_step (axial plane, one slice a step), vr_frame_ms_200 and vr_frame_ms_400 (a 3D
//   frame after a 5 degree turn, at rest quality) beside Cornerstone3D's bare stack scroll step.
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/support/chromium';
import { median, printFigures } from './support/figures';
import { log, startViewerBench, timeFirstImage, waitUntilCached } from './support/viewerBench';

const SLICES = Number(process.env.BENCH_SLICES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const STEPS = 30;

/** Page script: presses M and resolves with the ms until every slice is loaded and the three planes show a pixel. */
const TIME_MPR = `(async () => {
  const started = performance.now();
  document.querySelector('[data-testid=stack-viewport]').dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true }));
  await new Promise((resolve) => {
    const check = () => {
      const status = document.querySelector('[data-testid=mpr-status]');
      const layout = document.querySelector('[data-testid=mpr-layout][data-state=ready]');
      if (layout && status && status.dataset.loaded === status.dataset.total) return resolve();
      requestAnimationFrame(check);
    };
    check();
  });
  for (const canvas of document.querySelectorAll('[data-testid=mpr-viewport] canvas')) canvas.getContext('2d').getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1);
  return performance.now() - started;
})()`;

/** Page script: JS heap and Cornerstone cache bytes after a garbage collection. */
const MEMORY = `(async () => {
  await new Promise((r) => setTimeout(r, 100));
  gc();
  return performance.memory.usedJSHeapSize + globalThis.gardeViewerDiagnostics.cacheUse().bytes;
})()`;

/** Page script: steps the axial plane ${STEPS} slices, each to IMAGE_RENDERED and a pixel read back; resolves with each step's ms. */
const SCROLL_MPR = `(async () => {
  const view = document.querySelector('[data-testid=mpr-layout]').gardeMprView;
  const element = document.querySelector('[data-testid=mpr-viewport][data-plane=axial]');
  const canvas = element.querySelector('canvas');
  const times = [];
  for (let k = 0; k < ${STEPS}; k += 1) {
    const started = performance.now();
    const rendered = new Promise((r) => element.addEventListener('CORNERSTONE_IMAGE_RENDERED', r, { once: true }));
    view.scroll('axial', k < ${STEPS / 2} ? 1 : -1);
    await rendered;
    canvas.getContext('2d').getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1);
    times.push(performance.now() - started);
  }
  return times;
})()`;

/** Page script: the 3D viewport at size² px, three frames after 5° turns; resolves with each frame's ms. */
const vrFrames = (size: number) => `(async () => {
  const element = document.querySelector('[data-testid=vr-viewport]');
  element.style.cssText = 'position: absolute; left: 0; top: 0; width: ${size}px; height: ${size}px';
  await new Promise((r) => setTimeout(r, 300));
  const view = element.gardeVolume3dView;
  const canvas = element.querySelector('canvas');
  const times = [];
  for (let k = 0; k < 3; k += 1) {
    const started = performance.now();
    const rendered = new Promise((r) => element.addEventListener('CORNERSTONE_IMAGE_RENDERED', r, { once: true }));
    view.rotate(5);
    await rendered;
    canvas.getContext('2d').getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1);
    times.push(performance.now() - started);
  }
  return { times, width: canvas.width, height: canvas.height };
})()`;

/** Page script: Cornerstone3D's bare stack viewport stepping ${STEPS} images of Garde's stack; resolves with each step's ms. */
const SCROLL_BARE_STACK = `(async () => {
  const imageIds = document.querySelector('[data-testid=stack-viewport]').gardeStackView.imageIds().slice(0, ${STEPS + 1});
  const element = document.createElement('div');
  element.style.cssText = 'position: fixed; left: -10000px; top: 0; width: 512px; height: 512px';
  document.body.appendChild(element);
  const bare = await globalThis.gardeViewerDiagnostics.bareStackViewport(element, imageIds, 0);
  for (let k = 1; k < imageIds.length; k += 1) await bare.show(k);
  const times = [];
  for (let k = imageIds.length - 2; k >= 0; k -= 1) {
    const started = performance.now();
    await bare.show(k);
    const c = bare.canvas();
    c.getContext('2d').getImageData(c.width >> 1, c.height >> 1, 1, 1);
    times.push(performance.now() - started);
  }
  bare.destroy();
  element.remove();
  return times;
})()`;

async function openStack(page: Page, StudyInstanceUID: string): Promise<void> {
  await timeFirstImage(page, StudyInstanceUID);
}

async function main(): Promise<void> {
  const bench = await startViewerBench('mpr', SLICES);
  const flags = [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'];
  try {
    const page = await bench.openPage(flags);
    await openStack(page, bench.StudyInstanceUID);
    const before = await page.evaluate<number>(MEMORY);
    const gateway = await page.evaluate<number>(TIME_MPR);
    log(`  Garde, MPR through the gateway: ${gateway.toFixed(0)} ms`);
    const after = await page.evaluate<number>(MEMORY);
    const voxelBytes = 512 * 512 * SLICES * 2;
    const memoryRatio = (after - before) / voxelBytes;
    log(`  volume memory: ${((after - before) / 2 ** 20).toFixed(0)} MB for ${(voxelBytes / 2 ** 20).toFixed(0)} MB of voxels`);
    const SeriesInstanceUID = (await page.getByTestId('mpr-layout').getAttribute('data-series'))!;
    const mprScroll = median(await page.evaluate<number[]>(SCROLL_MPR));
    await page.getByTestId('mpr-3d').click();
    await page.locator('[data-testid=vr-viewport][data-state=ready]').waitFor({ timeout: 120_000 });
    const vrAt = async (size: number) => {
      const { times, width, height } = await page.evaluate<{ times: number[]; width: number; height: number }>(vrFrames(size));
      log(`  3D at ${size}²: canvas ${width}x${height}, frames ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      return median(times);
    };
    const vr200 = await vrAt(200);
    const vr400 = await vrAt(400);
    log(`  MPR scroll ${mprScroll.toFixed(1)} ms/step; 3D frame ${vr200.toFixed(0)} ms at 200², ${vr400.toFixed(0)} ms at 400²`);
    await page.keyboard.press('m');
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 });
    const stackStep = median(await page.evaluate<number[]>(SCROLL_BARE_STACK));
    await waitUntilCached(page, bench, SLICES);
    const cached: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await page.reload();
      await openStack(page, bench.StudyInstanceUID);
      cached.push(await page.evaluate<number>(TIME_MPR));
      log(`  round ${round + 1}, Garde, MPR from the local cache: ${cached[round]!.toFixed(0)} ms`);
    }
    // The reference page reads Orthanc itself (another origin, with its credentials).
    const bareSource = { dicomWebBase: bench.pacs.dicomWebUrl.replace(/\/+$/, ''), StudyInstanceUID: bench.StudyInstanceUID, SeriesInstanceUID, authorization: `Basic ${Buffer.from(`${bench.pacs.username}:${bench.pacs.password}`).toString('base64')}` };
    const barePage = await bench.openPage([...flags, '--disable-web-security'], true);
    await barePage.waitForFunction(() => 'gardeViewerDiagnostics' in globalThis, undefined, { timeout: 120_000 });
    const bare: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const { ms, frames } = await barePage.evaluate((s) => {
        const elements = [0, 1, 2].map(() => {
          const element = document.createElement('div');
          element.style.cssText = 'position: fixed; left: -10000px; top: 0; width: 340px; height: 520px';
          document.body.appendChild(element);
          return element;
        });
        const diagnostics = (globalThis as unknown as { gardeViewerDiagnostics: { bareMprViewports(e: HTMLDivElement[], s: unknown): Promise<{ ms: number; frames: number }> } }).gardeViewerDiagnostics;
        return diagnostics.bareMprViewports(elements, s).finally(() => elements.forEach((e) => e.remove()));
      }, bareSource);
      bare.push(ms);
      log(`  round ${round + 1}, bare Cornerstone3D MPR from Orthanc: ${ms.toFixed(0)} ms (${frames} frames)`);
    }
    const reference = median(bare);
    printFigures([
      { name: 'mpr_ready_gateway_ms', value: gateway, unit: 'ms', reference, ratio: gateway / reference, note: `M to ${SLICES} slices loaded and 3 planes drawn, empty cache; reference bare Cornerstone3D from Orthanc; goal <= 1.0` },
      { name: 'mpr_ready_cached_ms', value: median(cached), unit: 'ms', reference, ratio: median(cached) / reference, note: `the same from the local cache after a reload, median of ${ROUNDS}; goal <= 0.5` },
      { name: 'mpr_ready_bare_cornerstone_ms', value: reference, unit: 'ms', reference, ratio: 1, note: `Cornerstone3D streaming volume loader, metadata and frames straight from Orthanc, 3 bare viewports; median of ${ROUNDS}` },
      { name: 'voxel_memory_ratio', value: memoryRatio, unit: 'ratio', reference: 1.3, ratio: memoryRatio / 1.3, note: 'JS heap + Cornerstone cache added by the open volume / its 16-bit voxel bytes; goal <= 1.3' },
      { name: 'mpr_scroll_ms_per_step', value: mprScroll, unit: 'ms', reference: stackStep, ratio: mprScroll / stackStep, note: `axial plane, ${STEPS} steps, pixel read back; reference bare Cornerstone3D stack step` },
      { name: 'vr_frame_ms_200', value: vr200, unit: 'ms', reference: stackStep, ratio: vr200 / stackStep, note: '3D frame at 200x200 after a 5° turn, rest sampling; reference bare Cornerstone3D stack step' },
      { name: 'vr_frame_ms_400', value: vr400, unit: 'ms', reference: stackStep, ratio: vr400 / stackStep, note: '3D frame at 400x400 after a 5° turn, rest sampling; reference bare Cornerstone3D stack step' },
    ]);
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
