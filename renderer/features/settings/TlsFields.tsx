import { useTranslation } from 'react-i18next';
import type { FieldGroupProps } from './fieldProps';
import { TextField } from './TextField';

/**
 * HTTPS settings of a DICOMweb node: a private CA to trust, a client certificate and its key
 * (paths on this computer, read by the main process only; blank keeps what is configured), and
 * whether the PACS certificate is verified.
 */
export function TlsFields({ draft, set, issues }: Omit<FieldGroupProps, 'editing'>) {
  const { t } = useTranslation();
  const kept = (configured: boolean) => (configured ? t('settings.nodes.form.tls.configured') : undefined);
  return (
    <fieldset className="tls-fields" data-testid="tls-fields">
      <legend>{t('settings.nodes.form.tls.title')}</legend>
      <TextField label={t('settings.nodes.form.tls.caFile')} value={draft.caFile} onChange={(caFile) => set({ caFile })} issue={issues['tls.caFile']} placeholder={kept(draft.tlsConfigured.customCa)} testId="caFile" />
      <TextField label={t('settings.nodes.form.tls.certFile')} value={draft.certFile} onChange={(certFile) => set({ certFile })} issue={issues['tls.certFile']} placeholder={kept(draft.tlsConfigured.clientCertificate)} testId="certFile" />
      <TextField label={t('settings.nodes.form.tls.keyFile')} value={draft.keyFile} onChange={(keyFile) => set({ keyFile })} issue={issues['tls.keyFile']} placeholder={kept(draft.tlsConfigured.clientCertificate)} testId="keyFile" />
      <label className="checkbox">
        <input type="checkbox" checked={draft.rejectUnauthorized} onChange={(e) => set({ rejectUnauthorized: e.target.checked })} data-testid="node-rejectUnauthorized" />
        {t('settings.nodes.form.tls.verify')}
      </label>
      {!draft.rejectUnauthorized && <p className="error">{t('settings.nodes.form.tls.unverifiedWarning')}</p>}
    </fieldset>
  );
}
