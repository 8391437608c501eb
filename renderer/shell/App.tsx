import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../app/dicom/studySummary';
import type { LanguageSetting } from '../../app/ipc/contract';
import type { GardeErrorData } from '../../app/ipc/errors';
import { ScreeningPage } from '../features/screening';
import { SettingsPage } from '../features/settings';
import { ViewerPage } from '../features/study';
import { WorklistPage } from '../features/worklist';
import { resolveLanguage } from '../i18n';
import { useAppServices } from './AppContext';
import { NavBar, type Page } from './NavBar';
import { TopBar } from './TopBar';
import { useNodes } from './useNodes';
import { OpenLinkNotice } from './OpenLinkNotice';
import { useOpenLink, type OpenAs } from './useOpenLink';

/** The workstation frame: top bar, navigation, and the current screen. */
export function App({ initialLanguage }: { initialLanguage: LanguageSetting }) {
  const { api } = useAppServices();
  const { i18n } = useTranslation();
  const [page, setPage] = useState<Page>('worklist');
  const [language, setLanguage] = useState<LanguageSetting>(initialLanguage);
  const [study, setStudy] = useState<StudySummary>();
  const [openAs, setOpenAs] = useState<OpenAs>();
  const openStudy = useCallback((s: StudySummary, as?: OpenAs) => {
    setStudy(s);
    setOpenAs(as);
    setPage('viewer');
  }, []);
  const link = useOpenLink(openStudy);
  const [nodesVersion, setNodesVersion] = useState(0);
  const nodes = useNodes(nodesVersion);
  const nodesChanged = useCallback(() => setNodesVersion((v) => v + 1), []);

  const changeLanguage = useCallback(
    async (next: LanguageSetting): Promise<GardeErrorData | undefined> => {
      const result = await api.updateSettings({ language: next });
      if (!result.ok) return result.error;
      setLanguage(result.value.language);
      await i18n.changeLanguage(resolveLanguage(result.value.language, navigator.languages));
      return undefined;
    },
    [api, i18n],
  );

  return (
    <div className="app">
      <TopBar nodes={nodes} />
      <div className="app-body">
        <NavBar page={page} onNavigate={setPage} />
        <main className="content">
          <OpenLinkNotice outcome={link} />
          {page === 'worklist' && (
            <WorklistPage nodes={nodes} onOpenSettings={() => setPage('settings')} onOpenStudy={openStudy} initialFilter={link.kind === 'choose' ? link.filter : undefined} />
          )}
          {page === 'viewer' && <ViewerPage study={study} openAs={openAs} onOpenWorklist={() => setPage('worklist')} />}
          {page === 'screening' && <ScreeningPage nodes={nodes} />}
          {page === 'settings' && <SettingsPage language={language} onLanguageChange={changeLanguage} onNodesChanged={nodesChanged} />}
        </main>
      </div>
    </div>
  );
}
