import { BrowserWindow, shell, type Session } from 'electron';
import { buildWebPreferences } from './webPreferences';
import { decideNavigation, decideWindowOpen } from './navigationPolicy';
import { decidePermission } from './permissionPolicy';
import { APP_ORIGIN } from './appOrigin';

/** Applies the permission policy to a session: every request and check is refused. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(decidePermission(permission)));
  session.setPermissionCheckHandler((_wc, permission) => decidePermission(permission));
}

/** The single workstation window, with the navigation and window-open policies wired in; `startUrl` may be an `/open?...` address. */
export function createMainWindow(preloadPath: string, startUrl = `${APP_ORIGIN}/index.html`): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    backgroundColor: '#0b0d10',
    title: 'Garde',
    show: false,
    webPreferences: buildWebPreferences(preloadPath),
  });
  win.webContents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, APP_ORIGIN);
    if (decision !== 'allow') event.preventDefault();
    if (decision === 'open-external') void shell.openExternal(url);
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url, APP_ORIGIN) === 'open-external') void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(startUrl);
  return win;
}
