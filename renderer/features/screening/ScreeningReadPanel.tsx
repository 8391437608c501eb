import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { ReaderIdentity } from '../../../app/report';
import { BREASTS, type ReadForm, type ScreeningCaseAnswer, type ScreeningFinding } from '../../../app/screening';
import { getSharedCache } from '../../cache';
import { fetchScreeningCase } from '../../gateway/screeningService';
import { useAppServices } from '../../shell/AppContext';
import { useSyncServices } from '../../sync';
import { FindingMarks, type ImageClicks } from './FindingMarks';
import { ReadComparison } from './ReadComparison';
import { EMPTY_FORM, normalForm, ReadFormFields, type FormState } from './ReadFormFields';
import { submitRead } from './submitRead';

/** How often the case is asked again while the reader's own read is on its way to the PACS. */
const REFRESH_MS = 1000;

function complete(form: FormState): ReadForm | undefined {
  if (!BREASTS.every((b) => form[b].assessment !== undefined)) return undefined;
  const breast = (b: 'R' | 'L') => ({ assessment: form[b].assessment!, recall: form[b].recall, ...(form[b].density ? { density: form[b].density } : {}) });
  return { breasts: { R: breast('R'), L: breast('L') }, findings: [], comment: '' };
}

/**
 * The screening read beside the four views: the reader's role in this case, the form (N: normal,
 * Enter: submit, Enter again: next case), then — once the read is on the PACS — the reads of the
 * case side by side. Another reader's read is never asked for before: the gateway would not give it.
 */
export function ScreeningReadPanel({ study, onNext, onImageClick }: { study: StudySummary; onNext?: (() => void) | undefined; onImageClick: ImageClicks }) {
  const { t } = useTranslation();
  const { api, appInfo } = useAppServices();
  const sync = useSyncServices();
  const [reader, setReader] = useState<ReaderIdentity>();
  const [answer, setAnswer] = useState<ScreeningCaseAnswer>();
  const [error, setError] = useState<string>();
  const [form, setForm] = useState<FormState>(EMPTY_FORM);
  const [comment, setComment] = useState('');
  const [findings, setFindings] = useState<ScreeningFinding[]>([]);
  const [submitted, setSubmitted] = useState<string>();
  const readId = useRef(crypto.randomUUID());

  useEffect(() => {
    void api.getSettings(undefined).then((s) => setReader(s.ok ? s.value.reader : undefined));
  }, [api]);
  const load = useCallback(
    (signal?: AbortSignal) =>
      fetchScreeningCase(appInfo.gatewayBaseUrl, study.nodeId, study.StudyInstanceUID, signal).then(
        (a) => (setAnswer(a), setError(undefined)),
        (e: unknown) => !signal?.aborted && setError(e instanceof Error ? e.message : String(e)),
      ),
    [appInfo.gatewayBaseUrl, study.nodeId, study.StudyInstanceUID],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);
  // Once submitted, the case is asked again until the PACS holds the read (then the other reads show).
  const waiting = !!submitted && answer?.role !== 'already-read';
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, load]);

  const role = answer?.role;
  const canRead = !submitted && (role === 'first' || role === 'second' || role === 'arbitration');
  const read = complete(form);
  const submit = useCallback(async () => {
    if (!canRead || !read || !reader || (role !== 'first' && role !== 'second' && role !== 'arbitration')) return;
    try {
      const cache = await getSharedCache();
      if (!cache) throw new Error(t('report.noCache'));
      const sop = await submitRead(cache, { readId: readId.current, study, role, reader, form: { ...read, findings, comment: comment.trim() }, software: { name: appInfo.name, version: appInfo.version } });
      setSubmitted(sop);
      void sync?.outbox.kick();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [canRead, read, reader, role, study, findings, comment, appInfo.name, appInfo.version, sync, t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || (target && ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName))) return;
      if ((event.key === 'n' || event.key === 'N') && canRead) setForm((f) => normalForm(f));
      else if (event.key === 'Enter' && canRead && read) void submit();
      else if (event.key === 'Enter' && (submitted || role === 'already-read' || role === 'closed') && onNext) onNext();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canRead, read, submit, submitted, role, onNext]);

  const alert = error && (
    <p className="error" role="alert" data-testid="screening-error">
      {t('screening.failed', { message: error })}
    </p>
  );
  if (!answer) return alert || <p className="muted panel-empty">{t('screening.loading')}</p>;
  return (
    <div className="screening-read" data-testid="screening-read" data-role={role} data-stage={answer.stage.stage} data-submitted={!!submitted}>
      {alert}
      <p className="read-role" data-testid="read-role">
        {t(`screening.roleNow.${role}`)}
      </p>
      {canRead && (
        <>
          <ReadFormFields form={form} onChange={setForm} disabled={false} />
          <FindingMarks StudyInstanceUID={study.StudyInstanceUID} onImageClick={onImageClick} findings={findings} onChange={setFindings} />
          <textarea className="read-comment" data-testid="read-comment" placeholder={t('screening.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
          <p className="muted">{t('screening.keys')}</p>
          <button type="button" className="primary" data-testid="read-submit" disabled={!read || !reader} onClick={() => void submit()}>
            {t('screening.submit')}
          </button>
          {!reader && <p className="error">{t('screening.noReader')}</p>}
        </>
      )}
      {waiting && <p className="muted" data-testid="read-waiting">{t('screening.waiting')}</p>}
      {answer.reads.length > 0 && <ReadComparison answer={answer} />}
      {answer.stage.stage === 'closed' && (
        <p data-testid="case-outcome" data-recall={answer.stage.recall}>
          {t(answer.stage.recall ? 'screening.outcomeRecall' : 'screening.outcomeNormal', { by: t(`screening.by.${answer.stage.by}`) })}
        </p>
      )}
      {answer.problems.map((p) => (
        <p key={p} className="error" role="alert">
          {p}
        </p>
      ))}
      {onNext && (submitted || !canRead) && (
        <button type="button" data-testid="read-next" onClick={onNext}>
          {t('screening.next')}
        </button>
      )}
    </div>
  );
}
