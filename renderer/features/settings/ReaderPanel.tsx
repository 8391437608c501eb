import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readerIssues, type ReaderIdentity } from '../../../app/report';
import type { GardeErrorData } from '../../../app/ipc/errors';
import { useAppServices } from '../../shell/AppContext';
import { SaveOutcome } from './SaveOutcome';
import { TextField } from './TextField';

const EMPTY: ReaderIdentity = { familyName: '', givenName: '', professionalId: '', role: '', institution: '' };
const FIELDS: readonly (keyof ReaderIdentity)[] = ['familyName', 'givenName', 'professionalId', 'role', 'institution'];

/** Who signs on this workstation: name, RPPS number, role, institution; kept by main, written in every report. */
export function ReaderPanel() {
  const { t } = useTranslation();
  const { api } = useAppServices();
  const [draft, setDraft] = useState<ReaderIdentity>(EMPTY);
  const [outcome, setOutcome] = useState<'saved' | GardeErrorData | undefined>();
  const [tried, setTried] = useState(false);
  useEffect(() => {
    void api.getSettings(undefined).then((s) => s.ok && s.value.reader && setDraft(s.value.reader));
  }, [api]);
  const issues = readerIssues(draft);
  const save = async () => {
    setTried(true);
    if (Object.keys(issues).length > 0) return;
    const result = await api.updateSettings({ reader: draft });
    setOutcome(result.ok ? 'saved' : result.error);
  };
  return (
    <section className="card" data-testid="reader-settings">
      <h2>{t('settings.reader.title')}</h2>
      <p className="muted">{t('settings.reader.hint')}</p>
      <form
        className="node-form-fields"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {FIELDS.map((field) => (
          <TextField
            key={field}
            testId={`reader-${field}`}
            label={t(`settings.reader.${field}`)}
            value={draft[field]}
            issue={tried && issues[field] ? t(`settings.reader.issue.${issues[field]}`) : undefined}
            onChange={(value) => {
              setOutcome(undefined);
              setDraft({ ...draft, [field]: value });
            }}
          />
        ))}
        <button type="submit" data-testid="reader-save">
          {t('settings.reader.save')}
        </button>
      </form>
      <SaveOutcome outcome={outcome} savedText={t('settings.reader.saved')} testId="reader-saved" />
    </section>
  );
}
