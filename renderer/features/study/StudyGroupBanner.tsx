import { useTranslation } from 'react-i18next';
import { formatDicomDate, formatPersonName } from '../../../app/dicom/formatPersonName';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { DisplayedPatient } from './displayedPatients';

/**
 * The banner of a group of viewports showing one study: "Current" or "Prior" with the study date,
 * and the patient as that study's images say (name, ID with its issuer, birth date), so a prior
 * never borrows the current study's identity.
 */
export function StudyGroupBanner({ summary, patient, prior }: { summary: StudySummary; patient: DisplayedPatient | undefined; prior: boolean }) {
  const { t } = useTranslation();
  const date = formatDicomDate(summary.StudyDate);
  const who = patient ?? summary;
  return (
    <div className={`group-banner${prior ? ' prior' : ''}`} data-testid="group-banner" data-study={summary.StudyInstanceUID} data-prior={prior}>
      <span className="group-label" data-field="label">
        {prior ? t('viewer.hanging.prior', { date }) : t('viewer.layout.current', { date })}
      </span>
      <span data-field="name">{formatPersonName(who.PatientName) || t('viewer.banner.unknownName')}</span>
      <span data-field="patientId">
        {t('viewer.overlay.patientId', { id: who.PatientID ?? '' })}
        {who.IssuerOfPatientID ? ` ${t('viewer.banner.issuer', { issuer: who.IssuerOfPatientID })}` : ''}
      </span>
      <span data-field="birthDate">{t('viewer.layout.born', { date: formatDicomDate(who.PatientBirthDate) })}</span>
    </div>
  );
}
