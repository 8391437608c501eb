import { useTranslation } from 'react-i18next';
import type { GardeErrorData } from '../../../app/ipc/errors';
import { errorText } from '../../i18n/errorText';

/** What became of a settings save: "saved" (with `savedText`), or the error, under the panel's form. */
export function SaveOutcome({ outcome, savedText, testId }: { outcome: 'saved' | GardeErrorData | undefined; savedText: string; testId: string }) {
  const { t } = useTranslation();
  if (outcome === 'saved') {
    return (
      <p role="status" data-testid={testId}>
        {savedText}
      </p>
    );
  }
  if (!outcome) return null;
  return (
    <p role="alert" className="error">
      {t('settings.saveFailed', { message: errorText(t, outcome) })}
    </p>
  );
}
