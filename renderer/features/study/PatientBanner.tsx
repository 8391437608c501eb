import { useTranslation } from 'react-i18next';
import { formatDicomDate, formatPersonName } from '../../../app/dicom/formatPersonName';
import type { StudySummary } from '../../../app/dicom/studySummary';

/**
 * Who the images belong to, always visible above the images: name, birth date, sex, and the
 * PatientID with its issuer (an ID means nothing without who assigned it; PS3.3 C.7.1.1).
 */
export function PatientBanner({ study }: { study: StudySummary }) {
  const { t } = useTranslation();
  return (
    <header className="patient-banner" data-testid="patient-banner">
      <span className="patient-name" data-field="name">
        {formatPersonName(study.PatientName) || t('viewer.banner.unknownName')}
      </span>
      <span>
        <span className="label">{t('viewer.banner.birthDate')}</span>
        <span data-field="birthDate">{formatDicomDate(study.PatientBirthDate)}</span>
      </span>
      <span>
        <span className="label">{t('viewer.banner.sex')}</span>
        <span data-field="sex">{study.PatientSex ?? ''}</span>
      </span>
      <span>
        <span className="label">{t('viewer.banner.patientId')}</span>
        <span data-field="patientId">{study.PatientID ?? ''}</span>
        {study.IssuerOfPatientID && (
          <span className="muted issuer" data-field="issuer">
            {' '}
            {t('viewer.banner.issuer', { issuer: study.IssuerOfPatientID })}
          </span>
        )}
      </span>
      {study.StudyDescription && <span className="muted">{study.StudyDescription}</span>}
    </header>
  );
}
