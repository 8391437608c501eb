// Viewer benchmarks (issue 5: cache-through loading). Time to first image (TTFI) of a 300-slice
// 512x512 CT, from Enter on the worklist row to a pixel read back from the viewport's canvas
// (SwiftShader finishes drawing after IMAGE_RENDERED; getImageData waits for it), in Debian's
// Chromium on the web-mode workstation (production build) and one real Orthanc:
// - ttfi_cold_ms: empty cache (fresh profile), everything through the gateway;
// - ttfi_cached_ms: the same study again after a reload, from the local cache. Goal <= 150 ms;
// - ttfi_frame_fetch_decode_ms: the reference both are printed beside, a bare fetch of that first
//   frame through the gateway plus its decode in the loader's workers, in the same page.
// Each round's steps (study screen, viewport element, stack set, image drawn) are logged to stderr.
// Figures are printed, never asserted.
import type { Page } from 'playwright-core';
import { median, printFigures } from './support/figures';
import { describeSteps, log, startViewerBench, timeFirstImage, waitUntilCached } from './support/viewerBench';

const SLICES = Number(process.env.BENCH_SLICES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** The worklist is left idle this long before Enter, as a reader would look at it (the viewer readies meanwhile). */
const WORKLIST_IDLE_MS = 1000;

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

async function idleOnWorklist(page: Page): Promise<void> {
  await page.locator('[data-testid=page-worklist][data-state=ready]').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(WORKLIST_IDLE_MS);
}

async function main(): Promise<void> {
  const bench = await startViewerBench('viewer', SLICES);
  try {
    const cold: number[] = [];
    let page: Page | undefined;
    for (let round = 0; round < ROUNDS; round += 1) {
      page = await bench.openPage();
      await idleOnWorklist(page);
      const image = await timeFirstImage(page, bench.StudyInstanceUID);
      cold.push(image.ms);
      log(`  cold round ${round + 1}: ${image.ms.toFixed(0)} ms (${describeSteps(image)})`);
    }
    const last = page!;
    await waitUntilCached(last, bench);
    const cached: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await last.reload();
      await idleOnWorklist(last);
      const image = await timeFirstImage(last, bench.StudyInstanceUID);
      cached.push(image.ms);
      log(`  cached round ${round + 1}: ${image.ms.toFixed(0)} ms (${describeSteps(image)})`);
    }
    const bare: number[] = [];
    for (let round = 0; round < ROUNDS + 2; round += 1) bare.push(await timeFetchDecode(last));
    const reference = median(bare);
    const note = `median of ${ROUNDS}; bare fetch+decode of that frame in the same page`;
    printFigures([
      { name: 'ttfi_cold_ms', value: median(cold), unit: 'ms', reference, ratio: median(cold) / reference, note: `empty cache, through the gateway; ${note}` },
      { name: 'ttfi_cached_ms', value: median(cached), unit: 'ms', reference, ratio: median(cached) / reference, note: `from the local cache, goal <= 150 ms; ${note}` },
      { name: 'ttfi_frame_fetch_decode_ms', value: reference, unit: 'ms', reference, ratio: 1, note: 'one frame fetched through the gateway and decoded, no render' },
    ]);
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
