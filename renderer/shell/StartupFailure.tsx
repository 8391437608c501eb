import { useTranslation } from 'react-i18next';
import type { GardeErrorData } from '../../app/ipc/errors';
import { errorText } from '../i18n/errorText';

/** Shown when main cannot be reached at start-up (web mode without a session, service down). */
export function StartupFailure({ error }: { error: GardeErrorData }) {
  const { t } = useTranslation();
  return (
    <div className="startup-failure" role="alert" data-testid="startup-failure">
      <h1>{t('app.name')}</h1>
      <p>{errorText(t, error)}</p>
    </div>
  );
}
