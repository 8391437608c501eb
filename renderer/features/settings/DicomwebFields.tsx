import { useTranslation } from 'react-i18next';
import type { FieldGroupProps } from './fieldProps';
import type { NodeDraft } from './nodeDraft';
import { TextField } from './TextField';
import { DicomwebAdvancedFields } from './DicomwebAdvancedFields';
import { TlsFields } from './TlsFields';

const AUTH_TYPES: readonly NodeDraft['authType'][] = ['none', 'basic', 'bearer'];

/** DICOMweb node: base URL and authentication (none, basic, bearer; secrets are write-only), HTTPS settings, advanced settings. */
export function DicomwebFields({ draft, set, issues, editing }: FieldGroupProps) {
  const { t } = useTranslation();
  const unchanged = editing ? t('settings.nodes.form.unchanged') : undefined;
  return (
    <>
      <TextField label={t('settings.nodes.form.baseUrl')} value={draft.baseUrl} onChange={(baseUrl) => set({ baseUrl })} issue={issues.baseUrl} placeholder="https://pacs.example/dicom-web" testId="baseUrl" />
      <div className="form-field">
        <label htmlFor="node-field-authType">{t('settings.nodes.form.auth')}</label>
        <select id="node-field-authType" data-testid="node-authType" value={draft.authType} onChange={(e) => set({ authType: e.target.value as NodeDraft['authType'] })}>
          {AUTH_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`settings.nodes.form.authType.${type}`)}
            </option>
          ))}
        </select>
      </div>
      {draft.authType === 'basic' && (
        <>
          <TextField label={t('settings.nodes.form.username')} value={draft.username} onChange={(username) => set({ username })} issue={issues.username} placeholder={unchanged} testId="username" />
          <TextField label={t('settings.nodes.form.password')} type="password" value={draft.password} onChange={(password) => set({ password })} issue={issues.password} placeholder={unchanged} testId="password" />
        </>
      )}
      {draft.authType === 'bearer' && (
        <TextField label={t('settings.nodes.form.token')} type="password" value={draft.token} onChange={(token) => set({ token })} issue={issues.token} placeholder={unchanged} testId="token" />
      )}
      {draft.baseUrl.trim().toLowerCase().startsWith('https:') && <TlsFields draft={draft} set={set} issues={issues} />}
      <DicomwebAdvancedFields draft={draft} set={set} issues={issues} />
    </>
  );
}
