// Scroll benchmarks: milliseconds per frame stepping through the 300 slices of a 512x512 CT, one
// slice at a time, in Debian's Chromium on the web-mode workstation (production build) and one real
// Orthanc. Each step waits until the image is rendered (IMAGE_RENDERED) and reads one pixel back
// from the viewport's canvas (SwiftShader finishes drawing after the event; getImageData waits).
// - scroll_ms_per_frame: Garde's viewport, warm (every image already decoded in Cornerstone3D's
//   image cache by an earlier pass), driven by ArrowDown on the viewport as a reader does (key
//   handling, tools, overlays and the React state of the study screen included); a step ends when
//   the viewport's data-index shows the new slice and the image is rendered;
// - scroll_bare_cornerstone_ms_per_frame: the reference, Cornerstone3D's own StackViewport on a
//   rendering engine of its own in a detached element of the same size in the same page, on the same
//   image ids, warm too (gardeViewerDiagnostics.bareStackViewport: no tools, no overlays);
// - scroll_cached_cold_ms_per_frame: Garde's viewport on the first pass after a reload, each image
//   read from the local cache (IndexedDB, decrypted) and decoded as it is reached;
// - scroll_gateway_cold_ms_per_frame: the first pass ever, each frame through the gateway from the PACS.
// Figures are medians of the passes' means; printed, never asserted.
import type { Page } from 'playwright-core';
import { median, printFigures } from './support/figures';
import { log, startViewerBench, timeFirstImage, waitUntilCached } from './support/viewerBench';

const SLICES = Number(process.env.BENCH_SLICES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * Page script: steps Garde's viewport from the first slice to the last with ArrowDown and resolves
 * with the time of each step (key down to data-index shown, IMAGE_RENDERED and a pixel read back).
 * A string, so the bundler's helpers never reach the page.
 */
const SCROLL_GARDE = `(async () => {
  const element = document.querySelector('[data-testid=stack-viewport]');
  const view = element.gardeStackView;
  const total = view.imageIds().length;
  const settle = (index) => new Promise((resolve) => {
    let rendered = false;
    const done = () => {
      if (!rendered || element.getAttribute('data-index') !== String(index)) return;
      observer.disconnect();
      element.removeEventListener('CORNERSTONE_IMAGE_RENDERED', onRendered);
      resolve();
    };
    const onRendered = () => { rendered = true; done(); };
    const observer = new MutationObserver(done);
    observer.observe(element, { attributes: true, attributeFilter: ['data-index'] });
    element.addEventListener('CORNERSTONE_IMAGE_RENDERED', onRendered);
  });
  const home = settle(0);
  if (view.currentImageId() !== view.imageIds()[0] || element.getAttribute('data-index') !== '0') {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await home;
  }
  const canvas = () => element.querySelector('canvas');
  const times = [];
  for (let index = 1; index < total; index += 1) {
    const started = performance.now();
    const shown = settle(index);
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await shown;
    const c = canvas();
    c.getContext('2d').getImageData(c.width >> 1, c.height >> 1, 1, 1);
    times.push(performance.now() - started);
  }
  return times;
})()`;

/**
 * Page script: builds Cornerstone3D's bare StackViewport in a detached element the size of Garde's
 * (off screen), on the same image ids, steps it from the first slice to the last and resolves with
 * the time of each step (setImageIdIndex to IMAGE_RENDERED and a pixel read back).
 */
const SCROLL_BARE = `(async () => {
  const garde = document.querySelector('[data-testid=stack-viewport]');
  const imageIds = garde.gardeStackView.imageIds();
  const element = document.createElement('div');
  element.style.cssText = 'position: fixed; left: -10000px; top: 0; width: ' + garde.clientWidth + 'px; height: ' + garde.clientHeight + 'px';
  document.body.appendChild(element);
  const bare = await globalThis.gardeViewerDiagnostics.bareStackViewport(element, imageIds, 0);
  const times = [];
  try {
    for (let index = 1; index < imageIds.length; index += 1) {
      const started = performance.now();
      await bare.show(index);
      const c = bare.canvas();
      c.getContext('2d').getImageData(c.width >> 1, c.height >> 1, 1, 1);
      times.push(performance.now() - started);
    }
  } finally {
    bare.destroy();
    element.remove();
  }
  return times;
})()`;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function pass(page: Page, script: string, label: string): Promise<number> {
  const times = await page.evaluate<number[]>(script);
  const perFrame = mean(times);
  log(`  ${label}: ${perFrame.toFixed(1)} ms/frame over ${times.length} steps (median step ${median(times).toFixed(1)}, slowest ${Math.max(...times).toFixed(0)})`);
  return perFrame;
}

async function main(): Promise<void> {
  const bench = await startViewerBench('scroll', SLICES);
  try {
    const page = await bench.openPage();
    await timeFirstImage(page, bench.StudyInstanceUID);
    const gatewayCold = await pass(page, SCROLL_GARDE, 'Garde, first pass through the gateway');
    await waitUntilCached(page, bench, SLICES);
    const cachedCold: number[] = [];
    const garde: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await page.reload();
      await timeFirstImage(page, bench.StudyInstanceUID);
      cachedCold.push(await pass(page, SCROLL_GARDE, `round ${round + 1}, Garde, first pass from the local cache`));
      garde.push(await pass(page, SCROLL_GARDE, `round ${round + 1}, Garde, warm`));
      bare.push(await pass(page, SCROLL_BARE, `round ${round + 1}, bare Cornerstone3D, warm`));
    }
    const reference = median(bare);
    const note = `${SLICES - 1} steps, a pixel read back after each; median of ${ROUNDS} passes`;
    printFigures([
      { name: 'scroll_ms_per_frame', value: median(garde), unit: 'ms', reference, ratio: median(garde) / reference, note: `Garde's viewport, warm (images decoded by an earlier pass), ArrowDown; ${note}; reference bare Cornerstone3D` },
      { name: 'scroll_bare_cornerstone_ms_per_frame', value: reference, unit: 'ms', reference, ratio: 1, note: `Cornerstone3D's bare StackViewport, own engine, same page and images, warm; ${note}` },
      { name: 'scroll_cached_cold_ms_per_frame', value: median(cachedCold), unit: 'ms', reference, ratio: median(cachedCold) / reference, note: `Garde's viewport, first pass after a reload: local cache read and decode per frame; ${note}` },
      { name: 'scroll_gateway_cold_ms_per_frame', value: gatewayCold, unit: 'ms', reference, ratio: gatewayCold / reference, note: `Garde's viewport, first pass ever: each frame through the gateway; one pass; reference bare Cornerstone3D warm` },
    ]);
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
