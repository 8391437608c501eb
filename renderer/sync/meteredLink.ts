/** The Network Information API where the browser has it (Chromium): `saveData`, `effectiveType`, `type`. */
interface NetworkInformationLike extends EventTarget {
  saveData?: boolean;
  effectiveType?: string;
  type?: string;
}

/** How often the link is looked at besides its change events (Chromium fires none when only `saveData` changes). */
const POLL_MS = 2000;

function connection(): NetworkInformationLike | undefined {
  return (navigator as Navigator & { connection?: NetworkInformationLike }).connection;
}

/**
 * Whether the link should be treated as metered: the user asked the browser to save data
 * (`navigator.connection.saveData`), the link is a cellular one (`type`, where the platform tells),
 * or a 2G-class one (`effectiveType` 2g or slow-2g, Chromium's estimate from measured round trips
 * and throughput). False where the browser does not tell.
 */
export function isMeteredLink(): boolean {
  const c = connection();
  return c?.saveData === true || c?.type === 'cellular' || c?.effectiveType === '2g' || c?.effectiveType === 'slow-2g';
}

/**
 * Calls `listener` when the link changes (the connection's change event, the window's online
 * event, or {@link isMeteredLink} found different when looked at every two seconds); returns the
 * unsubscribe function.
 */
export function onLinkChange(listener: () => void): () => void {
  const c = connection();
  let metered = isMeteredLink();
  const changed = () => {
    metered = isMeteredLink();
    listener();
  };
  const timer = setInterval(() => {
    if (isMeteredLink() !== metered) changed();
  }, POLL_MS);
  c?.addEventListener('change', changed);
  window.addEventListener('online', changed);
  return () => {
    clearInterval(timer);
    c?.removeEventListener('change', changed);
    window.removeEventListener('online', changed);
  };
}
