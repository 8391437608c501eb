import { describe, expect, it } from 'vitest';
import { defaultProtocols, matchProtocol } from '../../../app/hanging';
import { keepReaderOverride, layoutOfStage, readerOverride, singleSeriesLayout, visibleCells, withContent, withGrid } from '../../../renderer/features/study/readerLayout';
import { ctStudy } from '../hanging/hangingFixtures';

describe('reader layout', () => {
  const current = ctStudy('2.25.2002', '20260314', false);
  const prior = ctStudy('2.25.2000', '20250101', false);
  const result = matchProtocol(defaultProtocols(), { current: current.study, priors: [prior.study] })!;

  it('takes a stage’s grid, display sets, display options and requested sync', () => {
    const layout = layoutOfStage(result.stages[0]!, 0);
    expect([layout.rows, layout.columns, layout.stage, layout.changed]).toEqual([1, 2, 0, undefined]);
    expect(layout.cells.map((c) => [c?.StudyInstanceUID, c?.display?.windowPreset, c?.sync])).toEqual([
      ['2.25.2002', 'mediastinum', { group: 'compare', mode: 'position' }],
      ['2.25.2000', 'mediastinum', { group: 'compare', mode: 'position' }],
    ]);
  });

  it('changes the grid within 1–3, keeping cells past it for a larger grid', () => {
    const layout = layoutOfStage(result.stages[0]!, 0);
    const one = withGrid(layout, 1, 1);
    expect(visibleCells(one).map((c) => c?.StudyInstanceUID)).toEqual(['2.25.2002']);
    expect(one.changed).toBe(true);
    const big = withGrid(one, 5, 0);
    expect([big.rows, big.columns]).toEqual([3, 1]);
    expect(visibleCells(withGrid(one, 2, 2)).map((c) => c?.StudyInstanceUID)).toEqual(['2.25.2002', '2.25.2000', undefined, undefined]);
  });

  it('puts a series in a cell: the cell keeps its sync group, loses the protocol’s display options; an empty cell joins the reader’s group', () => {
    const layout = withGrid(layoutOfStage(result.stages[0]!, 0), 2, 2);
    const replaced = withContent(layout, 1, { StudyInstanceUID: '2.25.2002', SeriesInstanceUID: '2.25.9' });
    expect(replaced.cells[1]).toEqual({ StudyInstanceUID: '2.25.2002', SeriesInstanceUID: '2.25.9', sync: { group: 'compare', mode: 'position' } });
    const added = withContent(replaced, 3, { StudyInstanceUID: '2.25.2002', SeriesInstanceUID: '2.25.8' });
    expect(added.cells[3]?.sync).toEqual({ group: 'layout', mode: 'position' });
    expect(added.cells[2]).toBeUndefined();
  });

  it('is one series in one cell without a protocol, and remembers the reader’s layout per study', () => {
    expect(singleSeriesLayout('2.25.1', '2.25.1.1')).toEqual({ rows: 1, columns: 1, cells: [{ StudyInstanceUID: '2.25.1', SeriesInstanceUID: '2.25.1.1' }] });
    expect(readerOverride('node|2.25.1')).toBeUndefined();
    const layout = withGrid(singleSeriesLayout('2.25.1', '2.25.1.1'), 2, 1);
    keepReaderOverride('node|2.25.1', layout);
    expect(readerOverride('node|2.25.1')).toBe(layout);
    expect(readerOverride('node|2.25.2')).toBeUndefined();
  });
});
