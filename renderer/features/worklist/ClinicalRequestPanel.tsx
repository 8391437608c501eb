import { useTranslation } from 'react-i18next';
import { formatPersonName } from '../../../app/dicom/formatPersonName';
import type { StudySummary } from '../../../app/dicom/studySummary';

/** The clinical request of the selected study: what the requesting physician asks, and why. */
export function ClinicalRequestPanel({ study }: { study: StudySummary | undefined }) {
  const { t } = useTranslation();
  if (!study) return <aside className="request-panel muted">{t('worklist.request.none')}</aside>;
  const rows: [string, string | undefined][] = [
    ['question', study.ReasonForTheRequestedProcedure],
    ['history', study.AdditionalPatientHistory],
    ['procedure', study.RequestedProcedureDescription],
    ['requester', formatPersonName(study.RequestingPhysician) || undefined],
    ['institution', study.InstitutionName],
    ['accession', study.AccessionNumber],
  ];
  return (
    <aside className="request-panel" data-testid="clinical-request">
      <h2>{formatPersonName(study.PatientName)}</h2>
      <dl>
        {rows.map(([key, value]) => (
          <div key={key} className="request-row">
            <dt>{t(`worklist.request.${key}`)}</dt>
            <dd data-field={key}>{value ?? t('worklist.request.missing')}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
