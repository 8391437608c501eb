import type { TFunction } from 'i18next';
import type { PdfLabels } from '../../../app/report';

/** The words of the report PDF in the report's language. */
export function pdfLabels(t: TFunction, lng: string): PdfLabels {
  const w = (key: string) => t(`report.pdf.${key}`, { lng });
  return {
    patient: w('patient'),
    birthDate: w('birthDate'),
    patientId: w('patientId'),
    accession: w('accession'),
    studyDate: w('studyDate'),
    signedBy: w('signedBy'),
    professionalId: w('professionalId'),
    keyImages: w('keyImages'),
    measurements: w('measurements'),
    amends: w('amends'),
    sections: { indication: t('report.section.indication', { lng }), technique: t('report.section.technique', { lng }), findings: t('report.section.findings', { lng }), conclusion: t('report.section.conclusion', { lng }) },
  };
}
