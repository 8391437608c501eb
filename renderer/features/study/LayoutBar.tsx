import { useTranslation } from 'react-i18next';
import { stepStage, type HangingResult, type LocalizedText, type SyncGroupAssignment } from '../../../app/hanging';

/** A protocol or stage name in the interface language (French or English), English otherwise. */
function localized(text: LocalizedText, language: string): string {
  return language.startsWith('fr') ? text.fr : text.en;
}

/**
 * The bar above the viewports: the hanging protocol and stage (previous/next, `[` and `]`), marked
 * as changed once the reader changed the layout; the scroll sync of each group as it applies
 * ("sync: position" within one frame of reference, "sync: index" otherwise) and the switch that
 * turns sync off and on.
 */
export function LayoutBar(props: {
  result: HangingResult | undefined;
  stage: number | undefined;
  changed: boolean;
  onStep: (delta: -1 | 1) => void;
  groups: SyncGroupAssignment[];
  syncOn: boolean;
  onToggleSync: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { result, stage, groups } = props;
  const stages = result?.stages ?? [];
  const previous = stage === undefined ? undefined : stepStage(stages, stage, -1);
  const next = stage === undefined ? undefined : stepStage(stages, stage, 1);
  const current = stage === undefined ? undefined : stages[stage];
  if (!result && groups.length === 0) return null;
  return (
    <div className="hanging-bar" data-testid="layout-bar">
      {result && current && stage !== undefined && (
        <>
          <button type="button" data-testid="hanging-previous" disabled={previous === stage} onClick={() => props.onStep(-1)} title={t('viewer.hanging.previousKey')}>
            {t('viewer.hanging.previous')}
          </button>
          <span className="hanging-stage" data-testid="hanging-stage" data-changed={props.changed}>
            {t('viewer.hanging.stage', { protocol: localized(result.protocol.name, i18n.language), stage: localized(current.name, i18n.language), number: stage + 1, total: stages.length })}
            {props.changed && ` ${t('viewer.layout.changed')}`}
          </span>
          <button type="button" data-testid="hanging-next" disabled={next === stage} onClick={() => props.onStep(1)} title={t('viewer.hanging.nextKey')}>
            {t('viewer.hanging.next')}
          </button>
        </>
      )}
      {groups.length > 0 && (
        <span className="scroll-sync">
          {groups.map((g) => (
            <span key={g.group} data-testid="scroll-sync" data-group={g.group} data-mode={props.syncOn ? g.mode : 'off'} data-viewports={g.viewports.join(' ')} title={g.reason}>
              {props.syncOn ? t(`viewer.layout.sync.${g.mode}`) : t('viewer.layout.sync.off')}
            </span>
          ))}
          <button type="button" data-testid="scroll-sync-toggle" aria-pressed={props.syncOn} onClick={props.onToggleSync}>
            {props.syncOn ? t('viewer.layout.sync.turnOff') : t('viewer.layout.sync.turnOn')}
          </button>
        </span>
      )}
    </div>
  );
}
