import { initCornerstone } from './initCornerstone';
import { sharedRenderingEngine } from './sharedRenderingEngine';

/**
 * Readies the viewer before any study is opened: Cornerstone3D, its DICOM image loader with the
 * decode workers it starts, the tools (initCornerstone), and the page's rendering engine with its
 * WebGL context (sharedRenderingEngine). On software GL these take 0.2–0.3 s that would otherwise
 * be spent after the reader opens a study. Does nothing more when WebGL2 is missing: the viewer
 * says so when it opens. Safe to call more than once. The first time it ends, it leaves the
 * performance mark `garde:viewer-ready` (benchmarks log when the viewer was ready).
 */
export async function warmUpViewer(): Promise<void> {
  const status = await initCornerstone();
  if (status.ok) sharedRenderingEngine();
  if (performance.getEntriesByName(READY_MARK).length === 0) performance.mark(READY_MARK);
}

/** The mark left when the viewer is ready (see {@link warmUpViewer}). */
const READY_MARK = 'garde:viewer-ready';

/**
 * Runs {@link warmUpViewer} once the page is idle (after the first screen has drawn), or after
 * `timeoutMs` at the latest.
 */
export function scheduleViewerWarmUp(timeoutMs = 2000): void {
  const run = () => void warmUpViewer().catch((error: unknown) => console.warn('viewer warm-up failed:', error instanceof Error ? error.message : error));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: timeoutMs });
  else setTimeout(run, 0);
}
