/** What to do with a navigation or a window.open request. */
export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/**
 * Navigation inside the window is allowed only to the app's own origin; an external https link
 * is handed to the operating system's browser; anything else (http, file:, javascript:, data:,
 * other custom schemes, malformed URLs) is denied.
 */
export function decideNavigation(url: string, appOrigin: string): NavigationDecision {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'deny';
  }
  if (sameOrigin(target, appOrigin)) return 'allow';
  if (target.protocol === 'https:' && target.username === '' && target.password === '') return 'open-external';
  return 'deny';
}

/**
 * window.open and target=_blank never create a new Electron window: the app's own URLs are
 * denied (the app is single-window), external https goes to the OS browser.
 */
export function decideWindowOpen(url: string, appOrigin: string): NavigationDecision {
  const decision = decideNavigation(url, appOrigin);
  return decision === 'allow' ? 'deny' : decision;
}

function sameOrigin(target: URL, appOrigin: string): boolean {
  const app = new URL(appOrigin);
  // Custom schemes report origin "null" in WHATWG URL; compare protocol and host instead.
  return target.protocol === app.protocol && target.host === app.host;
}
