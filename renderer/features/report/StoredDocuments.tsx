import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDicomDate, formatPersonName } from '../../../app/dicom/formatPersonName';
import type { StoredDocument } from '../../../app/report';
import { fetchBulkData } from '../../viewer/fetchBulkData';
import type { StudyDocuments } from './useStudyDocuments';

/**
 * What the study carries on its PACS: each report (title, who verified it, when, its text), each
 * key object selection (its images, a click shows one) and each PDF (saved as a file).
 */
export function StoredDocuments(props: { documents: StudyDocuments; onShowImage?: ((SOPInstanceUID: string) => void) | undefined }) {
  const { t } = useTranslation();
  const { documents } = props;
  if (documents.status === 'loading') return null;
  if (documents.status === 'failed') return <p className="error" role="alert">{t('report.stored.failed', { message: documents.message })}</p>;
  if (documents.documents.length === 0) return null;
  return (
    <section className="stored-documents" data-testid="pacs-documents">
      <h4>{t('report.stored.title', { count: documents.documents.length })}</h4>
      {documents.documents.map((d) => (
        <StoredDocumentItem key={d.SOPInstanceUID} document={d} onShowImage={props.onShowImage} />
      ))}
    </section>
  );
}

function StoredDocumentItem({ document: d, onShowImage }: { document: StoredDocument; onShowImage?: ((SOPInstanceUID: string) => void) | undefined }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | undefined>();
  const openPdf = async () => {
    try {
      // Saved as a file (a download): the desktop app opens no other window, and the reader keeps the document.
      const bytes = await fetchBulkData(d.pdfBulkDataURI!);
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${d.title || 'report'}-${d.SOPInstanceUID.slice(-8)}.pdf`.replace(/[\\/:*?"<>|]+/g, '_');
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <article className="stored-document" data-testid="pacs-document" data-kind={d.kind} data-sop={d.SOPInstanceUID}>
      <header>
        <strong>{d.title || t(`report.stored.kind.${d.kind}`)}</strong>
        <span className="muted">
          {' '}
          {formatDicomDate(d.contentDateTime.slice(0, 8))}
          {d.verifiedBy ? ` · ${t('report.stored.verifiedBy', { name: formatPersonName(d.verifiedBy) })}` : ''}
        </span>
      </header>
      {d.lines.length > 0 && (
        <div className="stored-lines" data-testid="pacs-document-text">
          {d.lines.map((line, i) => (
            <p key={i} className={line.heading ? 'stored-heading' : undefined} style={{ paddingLeft: `${line.depth * 8}px` }}>
              {line.text}
            </p>
          ))}
        </div>
      )}
      {d.kind === 'kos' && d.images.length > 0 && (
        <ol data-testid="pacs-key-images">
          {d.images.map((image) => (
            <li key={`${image.SOPInstanceUID}-${image.frame ?? 1}`} data-testid="pacs-key-image" data-sop={image.SOPInstanceUID}>
              <button type="button" className="link" onClick={() => onShowImage?.(image.SOPInstanceUID)}>
                {t('report.keyImage', { sop: image.SOPInstanceUID.slice(-12), frame: image.frame ?? 1 })}
              </button>
            </li>
          ))}
        </ol>
      )}
      {d.kind === 'pdf' && d.pdfBulkDataURI && (
        <button type="button" data-testid="pacs-document-pdf" onClick={() => void openPdf()}>
          {t('report.stored.openPdf')}
        </button>
      )}
      {error && <p className="error" role="alert">{t('report.stored.failed', { message: error })}</p>}
    </article>
  );
}
