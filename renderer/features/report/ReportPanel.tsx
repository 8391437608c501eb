import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { ReaderIdentity, ReportDraft, ReportLanguage, ReportSections } from '../../../app/report';
import { readerIssues } from '../../../app/report';
import { useAppServices } from '../../shell/AppContext';
import { useNodes } from '../../shell/useNodes';
import { useSyncServices } from '../../sync';
import { parseFrameUrl } from '../../../app/dicomweb/gatewayPaths';
import { buildMeasurementReport } from '../../viewer/measurementReport';
import { annotationsOn, type Measurement } from '../../viewer/measurements';
import { reportMeasurementsOf } from '../../viewer/reportReferences';
import { KeyImageList } from './KeyImageList';
import { pdfLabels } from './pdfLabels';
import { REPORT_TEMPLATES } from './reportTemplates';
import { SignDialog } from './SignDialog';
import { StoredDocuments } from './StoredDocuments';
import { useStudyDocuments } from './useStudyDocuments';
import { signAndQueue } from './signAndQueue';
import type { ReportDraftControl } from './useReportDraft';
import { useVersionDelivery } from './useVersionDelivery';
import './reportPanel.css';

const SECTIONS: readonly (keyof ReportSections)[] = ['indication', 'technique', 'findings', 'conclusion'];

/** Why signing is not possible now, said beside the button. */
type Blocker = 'noReader' | 'twoPatients' | 'folderNode' | 'empty' | undefined;

/**
 * The report beside the viewer: template and language, the four headings (indication prefilled
 * from the clinical request), the key images (K marks the image shown) and the measurements to
 * quote, then "sign and send" after a confirmation naming the patient. A signed version is shown
 * read-only with its delivery; "amend" starts the next version.
 */
export function ReportPanel(props: { control: ReportDraftControl; study: StudySummary; measurements: Measurement[]; patientsOnScreen: number; onShowKeyImage?: (SOPInstanceUID: string) => void }) {
  const { t, i18n } = useTranslation();
  const { api, appInfo } = useAppServices();
  const nodes = useNodes();
  const sync = useSyncServices();
  const { control, study } = props;
  const [reader, setReader] = useState<ReaderIdentity | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const uiLanguage: ReportLanguage = i18n.language.startsWith('fr') ? 'fr' : 'en';
  useEffect(() => {
    void api.getSettings(undefined).then((s) => setReader(s.ok ? s.value.reader : undefined));
  }, [api]);
  const draft = control.draft;
  const lastVersion = draft?.versions.at(-1);
  const delivery = useVersionDelivery(study.nodeId, lastVersion);
  const node = nodes.status === 'ready' ? nodes.nodes.find((n) => n.id === study.nodeId) : undefined;
  // The study's documents on its PACS, read again once this reader's report is received there.
  const documents = useStudyDocuments({ gatewayBaseUrl: appInfo.gatewayBaseUrl, nodeId: study.nodeId, StudyInstanceUID: study.StudyInstanceUID }, delivery?.state === 'sent' ? lastVersion!.version : 0);
  const stored = <StoredDocuments documents={documents} onShowImage={props.onShowKeyImage} />;

  if ('error' in REPORT_TEMPLATES) return <p className="error panel-empty" role="alert" data-testid="report-templates-error">{t('report.templatesError', { message: REPORT_TEMPLATES.error })}</p>;
  if (control.status === 'loading') return <p className="muted panel-empty">{t('report.loading')}</p>;
  if (control.status === 'unavailable') return <p className="error panel-empty" role="alert">{t('report.noCache')}</p>;
  const templates = REPORT_TEMPLATES.templates;
  if (!draft) {
    return (
      <div className="report-panel">
        {stored}
        <StartReport onStart={(language, templateId) => control.start(language, templates.find((x) => x.id === templateId))} defaultLanguage={uiLanguage} />
      </div>
    );
  }

  const measurements = reportMeasurementsOf(props.measurements, (m, v) => `${t(`viewer.measurements.${m.tool}`)} ${t(`viewer.measurements.${v.kind}`, { value: typeof v.value === 'number' ? v.value.toFixed(1) : v.value, unit: v.unit })}`);
  const blocker: Blocker = !reader || Object.keys(readerIssues(reader)).length > 0 ? 'noReader' : props.patientsOnScreen > 1 ? 'twoPatients' : node?.readOnly ? 'folderNode' : !draft.sections.findings.trim() && !draft.sections.conclusion.trim() ? 'empty' : undefined;
  const edit = (update: (d: ReportDraft) => ReportDraft) => control.change(update);
  const sign = async () => {
    if (!control.cache || !reader || blocker) return;
    setBusy(true);
    setError(undefined);
    try {
      const belongs = (imageId: string) => {
        const frame = parseFrameUrl(imageId.replace(/^wadors:/, ''));
        return frame?.nodeId === study.nodeId && frame.StudyInstanceUID === study.StudyInstanceUID;
      };
      const measurementReport = (signed: Parameters<typeof buildMeasurementReport>[1]) => buildMeasurementReport(annotationsOn(belongs), signed);
      const out = await signAndQueue(control.cache, draft, { study, reader, measurements, labels: pdfLabels(t, draft.language), software: { name: appInfo.name, version: appInfo.version }, measurementReport });
      if ('refused' in out) setError(t(`report.blocked.${out.refused}`));
      else {
        void sync?.outbox.kick();
        await control.replace(out.draft);
        const signed = out.draft.versions.at(-1)!;
        const audited = await api.recordReportSigned({
          nodeId: study.nodeId,
          StudyInstanceUID: study.StudyInstanceUID,
          ...(study.PatientID ? { PatientID: study.PatientID } : {}),
          ...(study.IssuerOfPatientID ? { IssuerOfPatientID: study.IssuerOfPatientID } : {}),
          version: signed.version,
          SOPInstanceUIDs: Object.values(signed.uids).map((u) => u.SOPInstanceUID),
        });
        if (!audited.ok) console.error('report signature not audited:', audited.error.message);
      }
      setConfirming(false);
    } catch (e) {
      setError(t('report.signFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };
  const status = draft.editing ? 'inProgress' : (delivery?.state ?? 'queued');

  return (
    <div className="report-panel" data-testid="report-panel" data-status={status} data-version={lastVersion?.version ?? 0} data-saved={control.saved}>
      <p className="report-status" data-testid="report-status" data-status={status}>
        {draft.editing ? t(lastVersion ? 'report.status.amending' : 'report.status.inProgress', { version: (lastVersion?.version ?? 0) + 1 }) : t(`report.status.${status}`, { version: lastVersion?.version })}
        {delivery?.reason && !draft.editing && <span className="error" data-testid="report-delivery-reason"> {t('report.status.reason', { reason: delivery.reason })}</span>}
      </p>
      <label className="report-title">
        <span>{t('report.title')}</span>
        <input data-testid="report-title" value={draft.title} readOnly={!draft.editing} onChange={(e) => edit((d) => ({ ...d, title: e.target.value, updatedAt: Date.now() }))} />
      </label>
      {SECTIONS.map((key) => (
        <label key={key} className="report-section">
          <span>{t(`report.section.${key}`)}</span>
          <textarea
            data-testid={`report-${key}`}
            rows={key === 'findings' ? 7 : 3}
            value={draft.sections[key]}
            readOnly={!draft.editing}
            onChange={(e) => {
              const value = e.target.value;
              edit((d) => ({ ...d, sections: { ...d.sections, [key]: value }, updatedAt: Date.now() }));
            }}
          />
        </label>
      ))}
      <KeyImageList images={draft.keyImages} editing={draft.editing} onShow={props.onShowKeyImage} onRemove={(image) => control.toggleKey(image, draft.language)} />
      {draft.editing && measurements.length > 0 && (
        <div className="report-measurements">
          <h4>{t('report.measurements')}</h4>
          <ul>
            {measurements.map((m, i) => (
              <li key={`${m.image.SOPInstanceUID}-${m.kind}-${i}`}>
                <button type="button" data-testid="report-insert-measurement" title={t('report.insert')} onClick={() => edit((d) => ({ ...d, sections: { ...d.sections, findings: `${d.sections.findings.trimEnd()}\n${m.label}`.trimStart() }, updatedAt: Date.now() }))}>
                  {m.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && <p className="error" role="alert" data-testid="report-error">{error}</p>}
      {draft.editing ? (
        <div className="report-actions">
          {blocker && <p className="muted" data-testid="report-blocker" data-blocker={blocker}>{t(`report.blocked.${blocker}`)}</p>}
          <button type="button" className="primary" data-testid="report-sign" disabled={!!blocker || busy} onClick={() => setConfirming(true)}>
            {t('report.signAndSend')}
          </button>
        </div>
      ) : (
        <div className="report-actions">
          <button type="button" data-testid="report-amend" onClick={() => control.amend()}>
            {t('report.amend')}
          </button>
        </div>
      )}
      {stored}
      {confirming && reader && <SignDialog study={study} nodeName={node?.name ?? study.nodeId} reader={reader} busy={busy} onConfirm={() => void sign()} onCancel={() => setConfirming(false)} />}
    </div>
  );
}

function StartReport(props: { onStart: (language: ReportLanguage, templateId: string | undefined) => void; defaultLanguage: ReportLanguage }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<ReportLanguage>(props.defaultLanguage);
  const [templateId, setTemplateId] = useState<string>('');
  const templates = 'templates' in REPORT_TEMPLATES ? REPORT_TEMPLATES.templates : [];
  return (
    <div className="report-start" data-testid="report-start">
      <label>
        <span>{t('report.template')}</span>
        <select data-testid="report-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          <option value="">{t('report.templateAuto')}</option>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title[language]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('report.language')}</span>
        <select data-testid="report-language" value={language} onChange={(e) => setLanguage(e.target.value as ReportLanguage)}>
          <option value="fr">{t('settings.language.fr')}</option>
          <option value="en">{t('settings.language.en')}</option>
        </select>
      </label>
      <button type="button" className="primary" data-testid="report-begin" onClick={() => props.onStart(language, templateId || undefined)}>
        {t('report.begin')}
      </button>
    </div>
  );
}
