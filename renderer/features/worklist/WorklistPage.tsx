import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import type { NodeSummary } from '../../../app/ipc/contract';
import type { WorklistFilter } from '../../gateway/searchStudies';
import { errorText } from '../../i18n/errorText';
import { EmptyState } from '../../shell/EmptyState';
import type { NodesState } from '../../shell/useNodes';
import { ClinicalRequestPanel } from './ClinicalRequestPanel';
import { defaultFilter } from './defaultFilter';
import { ALL_ROWS, filterRows, type RowFilter } from './filterRows';
import { NodeOutcomes } from './NodeOutcomes';
import { useReadStates } from './useReadStates';
import { useWorklist } from './useWorklist';
import { WorklistFilters } from './WorklistFilters';
import { WorklistTable } from './WorklistTable';
import './worklist.css';

/** The on-call worklist: studies of every PACS at once, most urgent first, with the clinical request. */
export function WorklistPage({ nodes, onOpenSettings, onOpenStudy, initialFilter }: { nodes: NodesState; onOpenSettings: () => void; onOpenStudy?: (s: StudySummary) => void; initialFilter?: WorklistFilter }) {
  const { t } = useTranslation();
  if (nodes.status !== 'ready') {
    return (
      <div className="page" data-testid="page-worklist">
        <h1>{t('worklist.title')}</h1>
      </div>
    );
  }
  if (nodes.nodes.length === 0) {
    return (
      <div className="page" data-testid="page-worklist">
        <h1>{t('worklist.title')}</h1>
        <EmptyState testId="worklist-empty" title={t('worklist.empty.title')} action={{ label: t('worklist.empty.action'), onClick: onOpenSettings }}>
          <p>{t('worklist.empty.noNodes')}</p>
        </EmptyState>
      </div>
    );
  }
  // A filter handed over later (an open-study link matching several studies) starts a fresh worklist.
  return <Worklist key={initialFilter ? JSON.stringify(initialFilter) : 'default'} configured={nodes.nodes} onOpenStudy={onOpenStudy} initialFilter={initialFilter} />;
}

function Worklist({ configured, onOpenStudy, initialFilter }: { configured: NodeSummary[]; onOpenStudy?: (s: StudySummary) => void; initialFilter?: WorklistFilter }) {
  const { t } = useTranslation();
  const initial = useMemo(() => initialFilter ?? defaultFilter(configured), [configured, initialFilter]);
  const [filter, setFilter] = useState<WorklistFilter>(initial);
  const [rowFilter, setRowFilter] = useState<RowFilter>(ALL_ROWS);
  const [picked, setSelected] = useState(0);
  const { state, refresh } = useWorklist(filter);
  const read = useReadStates();
  const found = state.status === 'ready' ? state.result : undefined;
  // Identity flags are computed over every study found, then follow the rows shown.
  const { studies, flags } = useMemo(() => {
    const shown = filterRows(found?.studies ?? [], rowFilter, read.of);
    const flagsShown = new Map(shown.flatMap(({ index }, row) => (state.status === 'ready' && state.flags.has(index) ? [[row, state.flags.get(index)!] as const] : [])));
    return { studies: shown.map((r) => r.study), flags: flagsShown };
  }, [found, rowFilter, read.of, state]);
  const selected = Math.max(0, Math.min(picked, studies.length - 1));
  return (
    <div className="page page-wide" data-testid="page-worklist" data-state={state.status} data-read-states={read.known ? 'known' : undefined}>
      <h1>{t('worklist.title')}</h1>
      <WorklistFilters
        initial={initial}
        onApply={(f) => (setSelected(0), setFilter(f))}
        onRefresh={refresh}
        rows={rowFilter}
        onRows={(f) => (setSelected(0), setRowFilter(f))}
        nodes={configured}
      />
      {state.status === 'ready' && <NodeOutcomes outcomes={state.result.nodes} nodes={configured} />}
      {state.status === 'loading' && <p className="muted">{t('worklist.loading')}</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          {errorText(t, { code: state.code as never, message: state.message, retryable: true })}
        </p>
      )}
      {state.status === 'ready' && studies.length === 0 && <p className="muted" data-testid="worklist-none">{t('worklist.none')}</p>}
      {studies.length > 0 && (
        <div className="worklist-layout">
          <WorklistTable studies={studies} flags={flags} nodes={configured} selected={selected} readOf={read.of} onSelect={setSelected} onOpen={(s) => onOpenStudy?.(s)} onMarkNew={read.markNew} />
          <ClinicalRequestPanel study={studies[selected]} />
        </div>
      )}
    </div>
  );
}
