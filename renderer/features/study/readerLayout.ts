import type { LocalizedText, StageAssignment } from '../../../app/hanging';
import type { StackContent } from './useStackCell';

/** The most rows and columns the reader can choose (3 × 3). */
export const MAX_GRID = 3;

/** A sync group and the mode asked for it; what applies is decided by resolveSync on what is shown. */
export interface SyncRequest {
  group: string;
  mode: 'position' | 'index';
}

/** What one cell of the layout shows: a series (or one image) of a study, and the sync group it asks to join. */
export interface CellContent extends StackContent {
  StudyInstanceUID: string;
  sync?: SyncRequest;
  /** The hanging's view label when other images are as good a match (a duplicated view): said on the cell. */
  duplicated?: { label?: LocalizedText; others: number };
}

/**
 * The viewports on screen: a rows × columns grid filled row by row from `cells`. Cells past the
 * grid are kept, so going back to a larger grid shows them again. `stage` is the hanging stage it
 * came from, `changed` set once the reader changed the grid or a cell.
 */
export interface ReaderLayout {
  rows: number;
  columns: number;
  cells: Array<CellContent | undefined>;
  /** Per empty cell of a hanging stage: the view it waits for (e.g. "L MLO"), said in the cell. */
  missing?: Array<LocalizedText | undefined>;
  stage?: number;
  changed?: true;
}

/** Series cells the reader fills join this group: scrolled together as resolveSync decides. */
export const READER_SYNC: SyncRequest = { group: 'layout', mode: 'position' };

/** The layout of a hanging stage: its grid, and each viewport's display set, display options and sync request. */
export function layoutOfStage(stage: StageAssignment, index: number): ReaderLayout {
  const requested = new Map(stage.syncGroups.map((g) => [g.group, g.requested]));
  const cells = stage.viewports.map((v): CellContent | undefined => {
    if (!v.displaySet) return undefined;
    const { StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID } = v.displaySet;
    const sync = v.sync ? { group: v.sync.group, mode: requested.get(v.sync.group) ?? v.sync.mode } : undefined;
    const duplicated = v.duplicates ? { duplicated: { ...(v.label ? { label: v.label } : {}), others: v.duplicates } } : {};
    return { StudyInstanceUID, SeriesInstanceUID, ...(SOPInstanceUID ? { SOPInstanceUID } : {}), display: v.display, ...(sync ? { sync } : {}), ...duplicated };
  });
  const missing = stage.viewports.map((v) => (v.displaySet ? undefined : v.label));
  return { rows: stage.rows, columns: stage.columns, cells, stage: index, ...(missing.some((m) => m) ? { missing } : {}) };
}

/** One series in one cell: today's single viewport. */
export function singleSeriesLayout(StudyInstanceUID: string, SeriesInstanceUID: string | undefined): ReaderLayout {
  return { rows: 1, columns: 1, cells: SeriesInstanceUID ? [{ StudyInstanceUID, SeriesInstanceUID }] : [] };
}

/** The same cells in another grid (1–3 rows and columns). */
export function withGrid(layout: ReaderLayout, rows: number, columns: number): ReaderLayout {
  const clamp = (n: number) => Math.max(1, Math.min(MAX_GRID, Math.round(n)));
  return { ...layout, rows: clamp(rows), columns: clamp(columns), changed: true };
}

/**
 * `content` shown in cell `index`: the protocol's display options of that cell go (they belonged to
 * the series it showed), its sync group stays; a cell without one joins the reader's group.
 */
export function withContent(layout: ReaderLayout, index: number, content: Pick<CellContent, 'StudyInstanceUID' | 'SeriesInstanceUID'>): ReaderLayout {
  const cells = [...layout.cells];
  while (cells.length <= index) cells.push(undefined);
  const sync = cells[index]?.sync ?? READER_SYNC;
  cells[index] = { StudyInstanceUID: content.StudyInstanceUID, SeriesInstanceUID: content.SeriesInstanceUID, sync };
  return { ...layout, cells, changed: true };
}

/** The cells on screen, one per grid position (undefined where empty). */
export function visibleCells(layout: ReaderLayout): Array<CellContent | undefined> {
  return Array.from({ length: layout.rows * layout.columns }, (_, k) => layout.cells[k]);
}

const overrides = new Map<string, ReaderLayout>();

/** The layout the reader chose for a study during this session, if any. */
export function readerOverride(studyKey: string): ReaderLayout | undefined {
  return overrides.get(studyKey);
}

/** Keeps the reader's layout for a study: it wins over the hanging protocol's when the study is opened again. */
export function keepReaderOverride(studyKey: string, layout: ReaderLayout): void {
  overrides.set(studyKey, layout);
}
