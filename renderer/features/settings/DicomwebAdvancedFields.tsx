import { useTranslation } from 'react-i18next';
import type { FieldGroupProps } from './fieldProps';
import { TextField } from './TextField';

/**
 * The less common settings of a DICOMweb node, folded: a separate STOW-RS address (PS3.18 10.5,
 * same origin as the base URL: the credentials go to that origin only), the request timeout in
 * seconds, and whether the PACS supports fuzzy person-name matching in QIDO-RS (PS3.18 8.3.4.1).
 */
export function DicomwebAdvancedFields({ draft, set, issues }: Omit<FieldGroupProps, 'editing'>) {
  const { t } = useTranslation();
  const open = !!(issues.stowUrl || issues.timeoutSeconds || draft.stowUrl);
  return (
    <details className="advanced-fields" data-testid="dicomweb-advanced" open={open || undefined}>
      <summary>{t('settings.nodes.form.advanced.title')}</summary>
      <TextField label={t('settings.nodes.form.advanced.stowUrl')} value={draft.stowUrl} onChange={(stowUrl) => set({ stowUrl })} issue={issues.stowUrl} placeholder={t('settings.nodes.form.advanced.stowUrlDefault')} testId="stowUrl" />
      <TextField label={t('settings.nodes.form.advanced.timeoutSeconds')} value={draft.timeoutSeconds} onChange={(timeoutSeconds) => set({ timeoutSeconds })} issue={issues.timeoutSeconds} testId="timeoutSeconds" />
      <label className="checkbox">
        <input type="checkbox" checked={draft.qidoSupportsFuzzy} onChange={(e) => set({ qidoSupportsFuzzy: e.target.checked })} data-testid="node-qidoSupportsFuzzy" />
        {t('settings.nodes.form.advanced.qidoSupportsFuzzy')}
      </label>
    </details>
  );
}
