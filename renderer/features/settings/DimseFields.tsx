import { useTranslation } from 'react-i18next';
import type { FieldGroupProps } from './fieldProps';
import type { NodeDraft } from './nodeDraft';
import { TextField } from './TextField';

const RETRIEVES: readonly NodeDraft['retrieve'][] = ['C-GET', 'C-MOVE'];

/** DIMSE node: host, port, AE titles, retrieve by C-GET or C-MOVE (with the local SCP port). */
export function DimseFields({ draft, set, issues }: FieldGroupProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('settings.nodes.form.host')} value={draft.host} onChange={(host) => set({ host })} issue={issues.host} testId="host" />
      <TextField label={t('settings.nodes.form.port')} value={draft.port} onChange={(port) => set({ port })} issue={issues.port} testId="port" />
      <TextField label={t('settings.nodes.form.calledAeTitle')} value={draft.calledAeTitle} onChange={(calledAeTitle) => set({ calledAeTitle })} issue={issues.calledAeTitle} testId="calledAeTitle" />
      <TextField label={t('settings.nodes.form.callingAeTitle')} value={draft.callingAeTitle} onChange={(callingAeTitle) => set({ callingAeTitle })} issue={issues.callingAeTitle} testId="callingAeTitle" />
      <div className="form-field">
        <label htmlFor="node-field-retrieve">{t('settings.nodes.form.retrieve')}</label>
        <select id="node-field-retrieve" data-testid="node-retrieve" value={draft.retrieve} onChange={(e) => set({ retrieve: e.target.value as NodeDraft['retrieve'] })}>
          {RETRIEVES.map((r) => (
            <option key={r} value={r}>
              {t(`settings.nodes.form.retrieveType.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {draft.retrieve === 'C-MOVE' && (
        <TextField label={t('settings.nodes.form.scpPort')} value={draft.scpPort} onChange={(scpPort) => set({ scpPort })} issue={issues.scpPort} testId="scpPort" />
      )}
    </>
  );
}
