import { displayOptions, type DisplayOptions } from './displayOptions';
import { displaySetKey } from './displaySets';
import type { HangingInput } from './hangingInput';
import type { HangingProtocol, LocalizedText, Stage } from './protocolSchema';
import { explainCandidate, rankCandidates, type SelectorRanking } from './rankCandidates';
import { resolveSync, type SyncGroupAssignment, type SyncMember } from './resolveSync';

/** What fills a viewport: a series, or one image of it when SOPInstanceUID is set. */
export interface AssignedDisplaySet {
  study: 'current' | 'prior';
  /** Index in `HangingInput.priors` (0 = most recent) for a prior. */
  priorIndex?: number;
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  SOPInstanceUID?: string;
  FrameOfReferenceUID?: string;
}

/** One viewport of a stage after matching. */
export interface ViewportAssignment {
  /** Position in the stage's viewport list; the grid is filled row by row. */
  index: number;
  row: number;
  column: number;
  selector: string;
  /** Absent when nothing meets the selector's required rules: the viewport stays empty. */
  displaySet?: AssignedDisplaySet;
  score: number;
  /** Rule outcomes of the chosen display set, or why the viewport is empty. */
  reasons: string[];
  display: DisplayOptions;
  /** The sync group the viewport belongs to, with the mode that applies. */
  sync?: { group: string; mode: 'position' | 'index' };
  /** The selector's label (what is missing when the viewport is empty). */
  label?: LocalizedText;
  /** For a `unique` selector: how many other candidates are as good as the one shown (a duplicated view). */
  duplicates?: number;
}

/** A stage after matching. */
export interface StageAssignment {
  id: string;
  name: LocalizedText;
  rows: number;
  columns: number;
  viewports: ViewportAssignment[];
  /** Number of viewports with a display set. */
  filled: number;
  syncGroups: SyncGroupAssignment[];
}

/**
 * Fills the viewports of one stage: each takes the `matchIndex`-th ranked
 * candidate of its selector (skipping display sets shown earlier in the
 * stage when `distinct`). A viewport whose selector has no candidate meeting
 * the required rules stays empty, with the reason.
 */
export function fillStage(protocol: HangingProtocol, stage: Stage, input: HangingInput): StageAssignment {
  const rankings = new Map<string, SelectorRanking>();
  const shown = new Set<string>();
  const members: SyncMember[] = [];
  const viewports = stage.viewports.map((viewport, index): ViewportAssignment => {
    const selector = protocol.selectors[viewport.selector]!;
    let ranking = rankings.get(viewport.selector);
    if (!ranking) {
      ranking = rankCandidates(selector, input);
      rankings.set(viewport.selector, ranking);
    }
    const pool = viewport.distinct ? ranking.ranked.filter((c) => !shown.has(displaySetKey(c.set))) : ranking.ranked;
    const chosen = pool[viewport.matchIndex];
    const base = { index, row: Math.floor(index / stage.columns), column: index % stage.columns, selector: viewport.selector, ...(selector.label ? { label: selector.label } : {}) };
    if (!chosen) {
      members.push({ index, viewport, filled: false });
      const reason =
        ranking.emptyReason ??
        `${ranking.ranked.length} candidate(s), ${pool.length} after skipping those already shown: no match #${viewport.matchIndex}`;
      return { ...base, score: 0, reasons: [reason], display: displayOptions(viewport, undefined) };
    }
    const { set } = chosen;
    shown.add(displaySetKey(set));
    const displaySet: AssignedDisplaySet = {
      study: set.studyIndex < 0 ? 'current' : 'prior',
      ...(set.studyIndex >= 0 ? { priorIndex: set.studyIndex } : {}),
      StudyInstanceUID: set.study.StudyInstanceUID,
      SeriesInstanceUID: set.series.SeriesInstanceUID,
      ...(set.image ? { SOPInstanceUID: set.image.SOPInstanceUID } : {}),
      ...(set.series.FrameOfReferenceUID ? { FrameOfReferenceUID: set.series.FrameOfReferenceUID } : {}),
    };
    members.push({ index, viewport, filled: true, ...(displaySet.FrameOfReferenceUID ? { FrameOfReferenceUID: displaySet.FrameOfReferenceUID } : {}) });
    const display = displayOptions(viewport, set.image ?? (set.series.images.length === 1 ? set.series.images[0] : undefined));
    const reasons = explainCandidate(chosen);
    if (display.reason) reasons.push(display.reason);
    const duplicates = selector.unique ? ranking.ranked.filter((c) => c !== chosen && c.score === chosen.score).length : 0;
    if (duplicates > 0) reasons.push(`${duplicates + 1} display sets meet the selector equally: a duplicated view`);
    return { ...base, displaySet, score: chosen.score, reasons, display, ...(duplicates > 0 ? { duplicates } : {}) };
  });
  const syncGroups = resolveSync(members);
  for (const group of syncGroups) {
    for (const i of group.viewports) viewports[i]!.sync = { group: group.group, mode: group.mode };
  }
  return {
    id: stage.id,
    name: stage.name,
    rows: stage.rows,
    columns: stage.columns,
    viewports,
    filled: viewports.filter((v) => v.displaySet).length,
    syncGroups,
  };
}
