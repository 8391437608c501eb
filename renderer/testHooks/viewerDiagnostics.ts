import { cache, Enums, RenderingEngine, type Types } from '@cornerstonejs/core';
import { bareMprViewports } from './bareMprViewports';

/** A Cornerstone3D stack viewport with nothing of Garde around it (see {@link bareStackViewport}). */
export interface BareStackViewport {
  /** Shows the image at `index`; resolves once Cornerstone3D reports it rendered (IMAGE_RENDERED). */
  show(index: number): Promise<void>;
  /** The canvas it draws on (to read pixels back). */
  canvas(): HTMLCanvasElement;
  /** Disables the viewport and destroys its rendering engine. */
  destroy(): void;
}

let bareEngines = 0;

/**
 * Cornerstone3D's own StackViewport on `element`, as its documentation builds one: a rendering
 * engine of its own, one viewport, no tool group, no overlay, no state sent anywhere; showing the
 * stack `imageIds` from `index`. Benchmarks compare Garde's viewport with it on the same images in
 * the same page (the decoded images are shared through Cornerstone3D's image cache). The element
 * must have a size. Cornerstone must have been initialised (initCornerstone).
 */
export async function bareStackViewport(element: HTMLDivElement, imageIds: string[], index = 0): Promise<BareStackViewport> {
  bareEngines += 1;
  const engine = new RenderingEngine(`garde-bare-engine-${bareEngines}`);
  const viewportId = `garde-bare-stack-${bareEngines}`;
  engine.enableElement({ viewportId, type: Enums.ViewportType.STACK, element });
  const viewport = engine.getViewport(viewportId) as Types.IStackViewport;
  const rendered = (load: () => Promise<unknown>) =>
    new Promise<void>((resolve, reject) => {
      element.addEventListener(Enums.Events.IMAGE_RENDERED, () => resolve(), { once: true });
      load().catch(reject);
    });
  await rendered(() => viewport.setStack(imageIds, index));
  return {
    show: (next) => (next === viewport.getCurrentImageIdIndex() ? Promise.resolve() : rendered(() => viewport.setImageIdIndex(next))),
    canvas: () => viewport.canvas,
    destroy: () => engine.destroy(),
  };
}

/** What Cornerstone3D's cache holds: its bytes and the volumes in it. */
export function cacheUse(): { bytes: number; volumes: number } {
  return { bytes: cache.getCacheSize(), volumes: cache.getVolumes().length };
}

/**
 * Exposes the viewer's diagnostics to scripts on `globalThis.gardeViewerDiagnostics`:
 * `bareStackViewport` (benchmarks time Garde's viewport beside Cornerstone3D's bare one) and
 * `bareMprViewports` (the MPR benchmark's reference), `cacheUse` (tests check that closing a view
 * releases its volume). Test variant only
 * (testHooksEnv.d.ts); called by initCornerstone; calling it again is harmless.
 */
export function exposeViewerDiagnostics(): void {
  Object.defineProperty(globalThis, 'gardeViewerDiagnostics', { value: Object.freeze({ bareStackViewport, bareMprViewports, cacheUse }), configurable: true });
}
