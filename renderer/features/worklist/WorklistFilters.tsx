import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistFilter } from '../../gateway/searchStudies';

const MODALITIES = ['', 'CT', 'MR', 'MG', 'CR', 'DX', 'US', 'PT', 'NM', 'XA'];

/** ISO date (YYYY-MM-DD) <-> DICOM DA (YYYYMMDD). */
const toIso = (da?: string) => (da ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}` : '');
const toDa = (iso: string) => iso.replace(/-/g, '') || undefined;

/** The worklist's search fields; applies on submit (Enter in any field). */
export function WorklistFilters({ initial, onApply, onRefresh }: { initial: WorklistFilter; onApply: (f: WorklistFilter) => void; onRefresh: () => void }) {
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
        <input type="date" value={toIso(draft.toDate)} onChange={(e) => set({ toDate: toDa(e.target.value) })} />
      </label>
      <label>
        <span>{t('worklist.filter.name')}</span>
        <input value={draft.patientName ?? ''} onChange={(e) => set({ patientName: e.target.value })} data-testid="filter-name" />
      </label>
      <label>
        <span>{t('worklist.filter.patientId')}</span>
        <input value={draft.patientId ?? ''} onChange={(e) => set({ patientId: e.target.value })} />
      </label>
      <label>
        <span>{t('worklist.filter.accession')}</span>
        <input value={draft.accessionNumber ?? ''} onChange={(e) => set({ accessionNumber: e.target.value })} />
      </label>
      <label>
        <span>{t('worklist.filter.modality')}</span>
        <select value={draft.modality ?? ''} onChange={(e) => set({ modality: e.target.value || undefined })}>
          {MODALITIES.map((m) => (
            <option key={m} value={m}>
              {m || t('worklist.filter.anyModality')}
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
