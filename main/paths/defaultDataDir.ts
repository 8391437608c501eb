import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives for the
 * product name "Garde", so the desktop app and web mode share settings and cache by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.GARDE_DATA_DIR) return env.GARDE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Garde');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Garde');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Garde');
}
