import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepStage, type LocalizedText } from '../../../app/hanging';
import { HangingCell } from './HangingCell';
import type { HangingLayout } from './loadHangingLayout';
import './hangingLayout.css';

/** The stage name in the interface language (French or English), English otherwise. */
function localized(text: LocalizedText, language: string): string {
  return language.startsWith('fr') ? text.fr : text.en;
}

/**
 * The study hung by its protocol: the current stage as a grid of viewports (rows × columns of the
 * stage), its name, and previous/next stage buttons; `[` and `]` step through the stages that
 * show something.
 */
export function HangingGrid({ layout }: { layout: HangingLayout }) {
  const { t, i18n } = useTranslation();
  const { stages, protocol } = layout.result;
  const [index, setIndex] = useState(() => Math.max(0, stages.findIndex((s) => s.filled > 0)));
  const stage = stages[index]!;
  const previous = stepStage(stages, index, -1);
  const next = stepStage(stages, index, 1);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (event.key === ']') setIndex((i) => stepStage(stages, i, 1));
      else if (event.key === '[') setIndex((i) => stepStage(stages, i, -1));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stages]);

  return (
    <div className="hanging-layout" data-testid="hanging-layout" data-protocol={protocol.id} data-stage={stage.id}>
      <div className="hanging-bar">
        <button type="button" data-testid="hanging-previous" disabled={previous === index} onClick={() => setIndex(previous)} title={t('viewer.hanging.previousKey')}>
          {t('viewer.hanging.previous')}
        </button>
        <span className="hanging-stage" data-testid="hanging-stage">
          {t('viewer.hanging.stage', { protocol: localized(protocol.name, i18n.language), stage: localized(stage.name, i18n.language), number: index + 1, total: stages.length })}
        </span>
        <button type="button" data-testid="hanging-next" disabled={next === index} onClick={() => setIndex(next)} title={t('viewer.hanging.nextKey')}>
          {t('viewer.hanging.next')}
        </button>
      </div>
      <div className="hanging-grid" style={{ gridTemplateRows: `repeat(${stage.rows}, minmax(0, 1fr))`, gridTemplateColumns: `repeat(${stage.columns}, minmax(0, 1fr))` }}>
        {stage.viewports.map((v) =>
          v.displaySet ? (
            <HangingCell key={`${stage.id}-${v.index}`} assignment={{ ...v, displaySet: v.displaySet }} layout={layout} />
          ) : (
            <div key={`${stage.id}-${v.index}`} className="hanging-cell empty" data-testid="hanging-cell-empty" style={{ gridRow: v.row + 1, gridColumn: v.column + 1 }}>
              <span className="muted">{t('viewer.hanging.empty')}</span>
            </div>
          ),
        )}
      </div>
    </div>
  );
}
