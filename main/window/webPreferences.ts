import type { WebPreferences } from 'electron';

/**
 * The renderer's web preferences, per Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security): isolated, sandboxed, no Node,
 * web security on, no webview, no insecure content, no experimental features.
 */
export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}
