import { useTranslation } from 'react-i18next';
import { formatDicomDate, formatPersonName } from '../../../app/dicom/formatPersonName';
import { distinctPatients, type DisplayedPatient } from './displayedPatients';

/**
 * A red banner across the layout when the viewports (and the study's banner) do not all show one
 * patient: same PatientID within the same issuer, same name and same birth date (PS3.3 C.7.1.1).
 * It names every patient on screen, e.g. a prior from another PACS whose identity is only probable.
 */
export function PatientMismatchBanner({ patients }: { patients: readonly DisplayedPatient[] }) {
  const { t } = useTranslation();
  const distinct = distinctPatients(patients);
  if (distinct.length < 2) return null;
  const names = distinct.map((p) =>
    t('viewer.layout.patientNamed', {
      name: formatPersonName(p.PatientName) || t('viewer.banner.unknownName'),
      id: p.PatientID ?? '',
      issuer: p.IssuerOfPatientID ?? t('viewer.layout.noIssuer'),
      birthDate: formatDicomDate(p.PatientBirthDate),
    }),
  );
  return (
    <div className="patient-mismatch" role="alert" data-testid="patient-mismatch" data-count={distinct.length}>
      {t('viewer.layout.differentPatients', { patients: names.join(t('viewer.layout.and')) })}
    </div>
  );
}
