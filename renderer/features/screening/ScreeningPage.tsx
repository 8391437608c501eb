import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { studySummaryFromJson, type StudySummary } from '../../../app/dicom/studySummary';
import type { ScreeningCaseRow } from '../../../app/screening';
import { fetchScreeningCases, fetchScreeningStatistics } from '../../gateway/screeningService';
import { useAppServices } from '../../shell/AppContext';
import type { NodesState } from '../../shell/useNodes';
import { StudyViewer, type ImagePick } from '../study';
import { ScreeningReadPanel } from './ScreeningReadPanel';
import './screening.css';

/** The lists of a screening reader: the cases waiting for a read in each role, and those done. */
type List = 'first' | 'second' | 'arbitration' | 'done';
const LISTS: readonly List[] = ['first', 'second', 'arbitration', 'done'];
const listOf = (row: ScreeningCaseRow): List => (row.role === 'first' || row.role === 'second' || row.role === 'arbitration' ? row.role : 'done');

/**
 * The screening reading station: the cases of a node for the reader of Settings, by list (first
 * read, second read, arbitration, done), and a reading session through one list — the four views
 * and the read form, case n of N, Enter to the next case.
 */
export function ScreeningPage({ nodes }: { nodes: NodesState }) {
  const { t } = useTranslation();
  const { appInfo } = useAppServices();
  const writable = useMemo(() => (nodes.status === 'ready' ? nodes.nodes.filter((n) => !n.readOnly) : []), [nodes]);
  const [nodeId, setNodeId] = useState<string>();
  const node = nodeId ?? writable[0]?.id;
  // The cases with the node they are of: another node's list is never shown while this one loads.
  const [loaded, setLoaded] = useState<{ node: string; rows: ScreeningCaseRow[] }>();
  const rows = loaded && loaded.node === node ? loaded.rows : undefined;
  const [error, setError] = useState<string>();
  const [list, setList] = useState<List>('first');
  const [session, setSession] = useState<{ cases: StudySummary[]; index: number }>();
  const [version, setVersion] = useState(0);
  // The reader's clicks on the images, handed to the read panel (where a finding is being marked).
  const clickListeners = useRef(new Set<(pick: ImagePick) => void>());
  const onImageClick = useCallback((pick: ImagePick) => clickListeners.current.forEach((listener) => listener(pick)), []);
  const subscribeClicks = useCallback((listener: (pick: ImagePick) => void) => {
    clickListeners.current.add(listener);
    return () => void clickListeners.current.delete(listener);
  }, []);

  useEffect(() => {
    if (!node) return;
    const controller = new AbortController();
    fetchScreeningCases(appInfo.gatewayBaseUrl, node, '', controller.signal).then(
      (r) => (setLoaded({ node, rows: r }), setError(undefined)),
      (e: unknown) => !controller.signal.aborted && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => controller.abort();
  }, [appInfo.gatewayBaseUrl, node, version]);

  const shown = useMemo(() => (rows ?? []).filter((r) => listOf(r) === list), [rows, list]);
  // Each case of the list with its study summary (a row whose study cannot be read is left out, with its stage).
  const cases = useMemo(() => (node ? shown.flatMap((r) => { const summary = studySummaryFromJson(node, r.study); return summary ? [{ summary, stage: r.stage }] : []; }) : []), [shown, node]);
  const open = useCallback((index: number) => setSession({ cases: cases.map((c) => c.summary), index }), [cases]);
  const next = useCallback(() => {
    setSession((s) => (s && s.index + 1 < s.cases.length ? { ...s, index: s.index + 1 } : undefined));
    setVersion((v) => v + 1);
  }, []);

  // The readers' statistics are saved as a file (the desktop app opens no other window).
  const exportStatistics = async () => {
    if (!node) return;
    try {
      const url = URL.createObjectURL(await fetchScreeningStatistics(appInfo.gatewayBaseUrl, node));
      const link = Object.assign(document.createElement('a'), { href: url, download: 'screening-readers.csv' });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (session) {
    const study = session.cases[session.index]!;
    return (
      <div className="screening-session" data-testid="screening-session">
        <div className="screening-session-bar">
          <button type="button" data-testid="session-close" onClick={() => (setSession(undefined), setVersion((v) => v + 1))}>
            {t('screening.backToList')}
          </button>
          <span data-testid="session-counter">{t('screening.counter', { n: session.index + 1, total: session.cases.length })}</span>
        </div>
        <StudyViewer key={study.StudyInstanceUID} study={study} onImageClick={onImageClick} readPanel={<ScreeningReadPanel key={study.StudyInstanceUID} study={study} onNext={next} onImageClick={subscribeClicks} />} />
      </div>
    );
  }
  return (
    <section className="screening-page" data-testid="screening-page">
      <header className="screening-head">
        <h1>{t('screening.title')}</h1>
        <select value={node ?? ''} data-testid="screening-node" aria-label={t('screening.node')} onChange={(e) => setNodeId(e.target.value)}>
          {writable.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
        <button type="button" data-testid="screening-statistics" disabled={!node} onClick={() => void exportStatistics()}>
          {t('screening.statistics')}
        </button>
      </header>
      <div className="screening-lists" role="tablist">
        {LISTS.map((l) => (
          <button key={l} type="button" role="tab" aria-selected={list === l} data-testid={`screening-list-${l}`} onClick={() => setList(l)}>
            {t('screening.listCount', { name: t(`screening.list.${l}`), count: (rows ?? []).filter((r) => listOf(r) === l).length })}
          </button>
        ))}
      </div>
      {error && <p className="error" role="alert" data-testid="screening-error">{error}</p>}
      {!rows && !error && <p className="muted">{t('screening.loading')}</p>}
      {rows && shown.length === 0 && <p className="muted" data-testid="screening-empty">{t('screening.empty')}</p>}
      {shown.length > 0 && (
        <>
          <button type="button" className="primary" data-testid="screening-start" onClick={() => open(0)}>
            {t('screening.start', { count: shown.length })}
          </button>
          <table className="screening-cases" data-testid="screening-cases">
            <tbody>
              {cases.map(({ summary: s, stage }, index) => (
                <tr key={s.StudyInstanceUID} data-study={s.StudyInstanceUID} data-stage={stage.stage} tabIndex={0} onClick={() => open(index)} onKeyDown={(e) => e.key === 'Enter' && open(index)}>
                  <td>{s.PatientName}</td>
                  <td>{s.PatientID}</td>
                  <td>{s.StudyDate}</td>
                  <td>{t(`screening.stage.${stage.stage}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
