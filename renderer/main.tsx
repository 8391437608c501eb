import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Settings } from '../app/ipc/contract';
import { createBridge } from './bridge';
import { initI18n, resolveLanguage } from './i18n';
import { App } from './shell/App';
import { AppContext } from './shell/AppContext';
import { StartupFailure } from './shell/StartupFailure';
import { scheduleViewerWarmUp } from './viewer/warmUpViewer';
import './styles.css';

/** Start-up: ask main who it is and the user's settings, pick the language, render the frame, then ready the viewer. */
async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const api = createBridge();
  const [info, settings] = await Promise.all([api.getAppInfo(undefined), api.getSettings(undefined)]);
  const setting: Settings = settings.ok ? settings.value : { language: 'system' };
  await initI18n(resolveLanguage(setting.language, navigator.languages));
  if (!info.ok) {
    root.render(<StartupFailure error={info.error} />);
    return;
  }
  root.render(
    <StrictMode>
      <AppContext.Provider value={{ api, appInfo: info.value }}>
        <App initialLanguage={setting.language} />
      </AppContext.Provider>
    </StrictMode>,
  );
  // The viewer is made ready while the reader looks at the worklist, so opening a study does not wait for it.
  scheduleViewerWarmUp();
}

void start();
