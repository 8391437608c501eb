import type { Priority, StudySummary } from '../../../app/dicom/studySummary';
import { ReadState, type ReadStateName } from '../../cache/readState';

/** Read states the worklist can keep: all, those still to read (new or in progress), or one. */
export type ReadFilter = 'any' | 'toRead' | ReadStateName;
/** Urgencies the worklist can keep: all, emergency and urgent (STAT, HIGH), or one priority. */
export type UrgencyFilter = 'any' | 'urgent' | Priority;

/**
 * What the worklist filters on its rows, without a new search: the PACS node, the urgency
 * (RequestedProcedurePriority (0040,1003), PS3.3 C.4.11; absent means ROUTINE) and the read state.
 */
export interface RowFilter {
  nodeId?: string;
  urgency: UrgencyFilter;
  read: ReadFilter;
}

/** Every row. */
export const ALL_ROWS: RowFilter = { urgency: 'any', read: 'any' };

function urgencyMatches(priority: Priority, wanted: UrgencyFilter): boolean {
  if (wanted === 'any') return true;
  if (wanted === 'urgent') return priority === 'STAT' || priority === 'HIGH';
  return priority === wanted;
}

function readMatches(state: ReadState | undefined, wanted: ReadFilter): boolean {
  if (wanted === 'any') return true;
  // Unknown read states (no local cache) are not hidden: nothing says they were read.
  const s = state ?? ReadState.new;
  if (wanted === 'toRead') return s === ReadState.new || s === ReadState.inProgress;
  return s === ReadState[wanted];
}

/** Whether a row passes the filter; `read` is its read state (undefined when unknown). */
export function matchesRowFilter(study: StudySummary, filter: RowFilter, read: ReadState | undefined): boolean {
  if (filter.nodeId && study.nodeId !== filter.nodeId) return false;
  return urgencyMatches(study.RequestedProcedurePriority ?? 'ROUTINE', filter.urgency) && readMatches(read, filter.read);
}

/** The rows that pass, in order, each with its index in `studies`. */
export function filterRows<S extends StudySummary>(studies: readonly S[], filter: RowFilter, readOf: (s: S) => ReadState | undefined): { study: S; index: number }[] {
  const out: { study: S; index: number }[] = [];
  studies.forEach((study, index) => {
    if (matchesRowFilter(study, filter, readOf(study))) out.push({ study, index });
  });
  return out;
}
