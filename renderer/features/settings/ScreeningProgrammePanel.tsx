import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GardeErrorData } from '../../../app/ipc/errors';
import type { ScreeningProgramme } from '../../../app/screening';
import { useAppServices } from '../../shell/AppContext';
import { SaveOutcome } from './SaveOutcome';

type Choice = Pick<ScreeningProgramme, 'workflow' | 'showFirstReadBeforeSubmission'>;

/**
 * The screening programme this workstation reads for (over `assets/screening/programme.json`):
 * independent blind double reading, or the French second reading of the first reads found normal;
 * whether the second reader may see the first read before giving theirs.
 */
export function ScreeningProgrammePanel() {
  const { t } = useTranslation();
  const { api } = useAppServices();
  const [choice, setChoice] = useState<Choice>({ workflow: 'independent', showFirstReadBeforeSubmission: false });
  const [outcome, setOutcome] = useState<'saved' | GardeErrorData | undefined>();
  useEffect(() => {
    void api.getSettings(undefined).then((s) => s.ok && s.value.screening && setChoice((c) => ({ ...c, ...s.value.screening })));
  }, [api]);
  const save = async (next: Choice) => {
    setChoice(next);
    const result = await api.updateSettings({ screening: next });
    setOutcome(result.ok ? 'saved' : result.error);
  };
  return (
    <section className="card" data-testid="screening-settings">
      <h2>{t('settings.screening.title')}</h2>
      <label>
        {t('settings.screening.workflow')}
        <select data-testid="screening-workflow" value={choice.workflow} onChange={(e) => void save({ ...choice, workflow: e.target.value as Choice['workflow'] })}>
          <option value="independent">{t('settings.screening.independent')}</option>
          <option value="second-read-of-normals">{t('settings.screening.secondReadOfNormals')}</option>
        </select>
      </label>
      <label>
        <input type="checkbox" data-testid="screening-show-first" checked={choice.showFirstReadBeforeSubmission} onChange={(e) => void save({ ...choice, showFirstReadBeforeSubmission: e.target.checked })} />
        {t('settings.screening.showFirst')}
      </label>
      <SaveOutcome outcome={outcome} savedText={t('settings.screening.saved')} testId="screening-settings-saved" />
    </section>
  );
}
