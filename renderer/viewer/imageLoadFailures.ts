/**
 * Image load failures that the viewport already reports.
 *
 * Cornerstone3D's `loadImage` hands every image load promise to its cache
 * (`cache.putImageLoadObject`) without handling the promise that call returns, so each failed load
 * also surfaces as an unhandled rejection of the page, with the same error object the loader
 * rejected with. The viewport shows that failure in place (the stack viewport's load error), so
 * those rejections are logged once as warnings and not left as page errors; any other unhandled
 * rejection is left alone.
 */

const reported = new WeakSet<object>();
let installed = false;

/** Marks an error an image loader rejects with; returns it (a non-object reason is wrapped in an Error). */
export function markImageLoadFailure(error: unknown): Error {
  const marked = error instanceof Error ? error : new Error(String(error));
  reported.add(marked);
  return marked;
}

/** Whether a rejection reason is an image load failure marked by {@link markImageLoadFailure}. */
export function isImageLoadFailure(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && reported.has(reason);
}

/** Installs, once, the page handler that logs marked image load failures instead of leaving them unhandled. */
export function installImageLoadFailureFilter(target: Pick<Window, 'addEventListener'> = window): void {
  if (installed) return;
  installed = true;
  target.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    if (!isImageLoadFailure(event.reason)) return;
    event.preventDefault();
    console.warn('image not loaded:', (event.reason as Error).message);
  });
}
