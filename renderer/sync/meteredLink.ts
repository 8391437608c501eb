/** The Network Information API where the browser has it (Chromium): `saveData` and `effectiveType`. */
interface NetworkInformationLike extends EventTarget {
  saveData?: boolean;
  effectiveType?: string;
}

function connection(): NetworkInformationLike | undefined {
  return (navigator as Navigator & { connection?: NetworkInformationLike }).connection;
}

/**
 * Whether the link should be treated as metered: the user asked the browser to save data
 * (`navigator.connection.saveData`) or the link is a 2G-class one (`effectiveType`). False where
 * the browser does not tell.
 */
export function isMeteredLink(): boolean {
  const c = connection();
  return c?.saveData === true || c?.effectiveType === '2g' || c?.effectiveType === 'slow-2g';
}

/** Calls `listener` when the link changes; returns the unsubscribe function. */
export function onLinkChange(listener: () => void): () => void {
  const c = connection();
  c?.addEventListener('change', listener);
  window.addEventListener('online', listener);
  return () => {
    c?.removeEventListener('change', listener);
    window.removeEventListener('online', listener);
  };
}
