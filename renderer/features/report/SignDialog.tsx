import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { ReaderIdentity } from '../../../app/report';

/**
 * What the reader confirms before signing: the patient (name, ID and its issuer), the accession
 * number and the study, the node the answer goes to, and who signs.
 */
export function SignDialog(props: { study: StudySummary; nodeName: string; reader: ReaderIdentity; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { study, reader } = props;
  const rows: [string, string][] = [
    [t('report.sign.patient'), (study.PatientName ?? '').split('^').filter(Boolean).join(' ')],
    [t('report.sign.patientId'), `${study.PatientID ?? ''}${study.IssuerOfPatientID ? ` (${study.IssuerOfPatientID})` : ''}`],
    [t('report.sign.accession'), study.AccessionNumber ?? ''],
    [t('report.sign.study'), `${study.StudyDescription ?? ''} ${study.StudyDate ?? ''}`.trim()],
    [t('report.sign.node'), props.nodeName],
    [t('report.sign.reader'), `${reader.givenName} ${reader.familyName}${reader.professionalId ? ` · RPPS ${reader.professionalId}` : ''}`],
  ];
  return (
    <div className="sign-dialog" role="dialog" aria-modal="true" aria-labelledby="sign-title" data-testid="sign-dialog">
      <h3 id="sign-title">{t('report.sign.title')}</h3>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-testid="sign-field">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="sign-actions">
        <button type="button" onClick={props.onCancel} disabled={props.busy}>
          {t('report.sign.cancel')}
        </button>
        <button type="button" className="primary" data-testid="sign-confirm" onClick={props.onConfirm} disabled={props.busy}>
          {t('report.sign.confirm')}
        </button>
      </div>
    </div>
  );
}
