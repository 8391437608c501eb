import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageSetting } from '../../../app/ipc/contract';
import type { GardeErrorData } from '../../../app/ipc/errors';
import { errorText } from '../../i18n/errorText';
import { useAppServices } from '../../shell/AppContext';
import { CachePanel } from './CachePanel';
import { NodeSettings } from './NodeSettings';
import { ReaderPanel } from './ReaderPanel';
import { ScreeningProgrammePanel } from './ScreeningProgrammePanel';

const LANGUAGE_CHOICES: readonly LanguageSetting[] = ['system', 'fr', 'en'];

/** Settings: language, the reader who signs, PACS nodes (list, add, edit, remove, test), about. */
export function SettingsPage(props: { language: LanguageSetting; onLanguageChange: (l: LanguageSetting) => Promise<GardeErrorData | undefined>; onNodesChanged: () => void }) {
  const { t } = useTranslation();
  const { appInfo } = useAppServices();
  const [error, setError] = useState<GardeErrorData | undefined>();
  return (
    <div className="page" data-testid="page-settings">
      <h1>{t('settings.title')}</h1>
      <section className="card">
        <label className="field">
          <span>{t('settings.language.label')}</span>
          <select
            data-testid="language-select"
            value={props.language}
            onChange={(e) => void props.onLanguageChange(e.target.value as LanguageSetting).then(setError)}
          >
            {LANGUAGE_CHOICES.map((l) => (
              <option key={l} value={l}>
                {t(`settings.language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {error && <p role="alert" className="error">{t('settings.saveFailed', { message: errorText(t, error) })}</p>}
      </section>
      <ReaderPanel />
      <ScreeningProgrammePanel />
      <NodeSettings onNodesChanged={props.onNodesChanged} />
      <CachePanel />
      <section className="card">
        <h2>{t('settings.about.title')}</h2>
        <p>{t('settings.about.version', { version: appInfo.version })}</p>
        <p className="muted">{t(`settings.about.mode.${appInfo.mode}`)}</p>
      </section>
    </div>
  );
}
