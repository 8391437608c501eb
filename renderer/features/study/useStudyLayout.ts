import { useCallback, useEffect, useState } from 'react';
import { stepStage } from '../../../app/hanging';
import { keepReaderOverride, layoutOfStage, readerOverride, singleSeriesLayout, withContent, withGrid, type CellContent, type ReaderLayout } from './readerLayout';
import type { HangingState } from './useHangingLayout';
import type { SeriesListState } from './useSeriesList';

/** The study's layout and what the reader does with it. */
export interface StudyLayout {
  /** Undefined while the hanging protocol is worked out. */
  layout: ReaderLayout | undefined;
  /** Index of the active cell: the toolbar and a clicked series act on it. */
  active: number;
  activate(index: number): void;
  setGrid(rows: number, columns: number): void;
  /** Shows a series in a cell (the active one by default) and makes that cell active. */
  place(content: Pick<CellContent, 'StudyInstanceUID' | 'SeriesInstanceUID'>, index?: number): void;
  /** Goes to the previous (-1) or next (+1) stage of the protocol that shows something. */
  step(delta: -1 | 1): void;
  /** The stage shown, when the layout is a stage of the protocol. */
  stage: number | undefined;
}

/**
 * The layout of an open study: the hanging protocol's first stage that shows something (one
 * series in one cell when no protocol applies), unless the reader changed it for this study
 * earlier in the session. Every change the reader makes (grid, series in a cell, stage) is kept
 * for the study and wins over the protocol when it is opened again.
 */
export function useStudyLayout(studyKey: string, StudyInstanceUID: string, hanging: HangingState, list: SeriesListState): StudyLayout {
  const [layout, setLayout] = useState<ReaderLayout | undefined>(() => readerOverride(studyKey));
  const [active, setActive] = useState(0);
  const stages = hanging.status === 'ready' ? hanging.layout.result.stages : undefined;

  useEffect(() => {
    if (layout) return;
    if (stages) {
      const first = Math.max(0, stages.findIndex((s) => s.filled > 0));
      setLayout(layoutOfStage(stages[first]!, first));
    } else if (hanging.status === 'none' && list.status === 'ready') {
      setLayout(singleSeriesLayout(StudyInstanceUID, list.series[0]?.SeriesInstanceUID));
    }
  }, [layout, stages, hanging.status, list, StudyInstanceUID]);

  const change = useCallback(
    (next: ReaderLayout) => {
      keepReaderOverride(studyKey, next);
      setLayout(next);
      setActive((a) => Math.min(a, next.rows * next.columns - 1));
    },
    [studyKey],
  );

  const step = useCallback(
    (delta: -1 | 1) => {
      if (!stages || layout?.stage === undefined) return;
      const next = stepStage(stages, layout.stage, delta);
      if (next !== layout.stage) change(layoutOfStage(stages[next]!, next));
    },
    [stages, layout, change],
  );

  return {
    layout,
    active,
    activate: setActive,
    setGrid: (rows, columns) => layout && change(withGrid(layout, rows, columns)),
    place: (content, index = active) => {
      if (!layout) return;
      change(withContent(layout, index, content));
      setActive(index);
    },
    step,
    stage: layout?.stage,
  };
}
