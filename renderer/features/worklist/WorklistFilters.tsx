import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITY_ORDER } from '../../../app/dicom/studySummary';
import type { NodeSummary } from '../../../app/ipc/contract';
import type { WorklistFilter } from '../../gateway/searchStudies';
import type { ReadFilter, RowFilter, UrgencyFilter } from './filterRows';

const MODALITIES = ['', 'CT', 'MR', 'MG', 'CR', 'DX', 'US', 'PT', 'NM', 'XA'];
const URGENCIES: UrgencyFilter[] = ['any', 'urgent', ...PRIORITY_ORDER];
const READ_STATES: ReadFilter[] = ['any', 'toRead', 'new', 'inProgress', 'reported', 'sent'];

/** ISO date (YYYY-MM-DD) <-> DICOM DA (YYYYMMDD). */
const toIso = (da?: string) => (da ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}` : '');
const toDa = (iso: string) => iso.replace(/-/g, '') || undefined;

/**
 * The worklist's search fields (dates, name, IDs, modality), applied on submit (Enter in any
 * field) as a new search of every node; and its row filters (node, urgency, read state), applied
 * at once to the rows already found.
 */
export function WorklistFilters(props: { initial: WorklistFilter; onApply: (f: WorklistFilter) => void; onRefresh: () => void; rows: RowFilter; onRows: (f: RowFilter) => void; nodes: NodeSummary[] }) {
  const { initial, onApply, onRefresh, rows, onRows } = props;
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const set = (patch: Partial<WorklistFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...draft });
  };
  return (
    <form className="filters" onSubmit={submit} data-testid="worklist-filters">
      <label>
        <span>{t('worklist.filter.from')}</span>
        <input type="date" value={toIso(draft.fromDate)} onChange={(e) => set({ fromDate: toDa(e.target.value) })} data-testid="filter-from" />
      </label>
      <label>
        <span>{t('worklist.filter.to')}</span>
        <input type="date" value={toIso(draft.toDate)} onChange={(e) => set({ toDate: toDa(e.target.value) })} data-testid="filter-to" />
      </label>
      <label>
        <span>{t('worklist.filter.name')}</span>
        <input value={draft.patientName ?? ''} onChange={(e) => set({ patientName: e.target.value })} data-testid="filter-name" />
      </label>
      <label>
        <span>{t('worklist.filter.patientId')}</span>
        <input value={draft.patientId ?? ''} onChange={(e) => set({ patientId: e.target.value })} data-testid="filter-patient-id" />
      </label>
      <label>
        <span>{t('worklist.filter.accession')}</span>
        <input value={draft.accessionNumber ?? ''} onChange={(e) => set({ accessionNumber: e.target.value })} data-testid="filter-accession" />
      </label>
      <label>
        <span>{t('worklist.filter.modality')}</span>
        <select value={draft.modality ?? ''} onChange={(e) => set({ modality: e.target.value || undefined })} data-testid="filter-modality">
          {MODALITIES.map((m) => (
            <option key={m} value={m}>
              {m || t('worklist.filter.anyModality')}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('worklist.filter.node')}</span>
        <select value={rows.nodeId ?? ''} onChange={(e) => onRows({ ...rows, nodeId: e.target.value || undefined })} data-testid="filter-node">
          <option value="">{t('worklist.filter.anyNode')}</option>
          {props.nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('worklist.filter.urgency')}</span>
        <select value={rows.urgency} onChange={(e) => onRows({ ...rows, urgency: e.target.value as UrgencyFilter })} data-testid="filter-urgency">
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {u === 'any' ? t('worklist.filter.anyUrgency') : u === 'urgent' ? t('worklist.filter.urgentOnly') : t(`worklist.priority.${u}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('worklist.filter.read')}</span>
        <select value={rows.read} onChange={(e) => onRows({ ...rows, read: e.target.value as ReadFilter })} data-testid="filter-read">
          {READ_STATES.map((r) => (
            <option key={r} value={r}>
              {r === 'any' ? t('worklist.filter.anyRead') : r === 'toRead' ? t('worklist.filter.toRead') : t(`worklist.read.state.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" data-testid="filter-apply">
        {t('worklist.filter.search')}
      </button>
      <button type="button" onClick={onRefresh}>
        {t('worklist.filter.refresh')}
      </button>
    </form>
  );
}
