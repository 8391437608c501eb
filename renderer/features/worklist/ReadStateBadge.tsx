import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { ReadState, readStateName } from '../../cache';

/**
 * Where the reader is with a study, in words (not colour alone): new, in progress, reported (answer
 * waiting for the PACS) or sent; and, once not new, a button to mark it new (unread) again, also
 * reached with the U key on the selected row.
 */
export function ReadStateBadge({ study, state, onMarkNew }: { study: StudySummary; state: ReadState | undefined; onMarkNew: (s: StudySummary) => void }) {
  const { t } = useTranslation();
  if (state === undefined) return null;
  const name = readStateName(state);
  return (
    <span className="read-state-cell">
      <span className={`read-state read-state-${name}`} data-testid="read-state" data-read-state={name} title={t(`worklist.read.title.${name}`)}>
        {t(`worklist.read.state.${name}`)}
      </span>
      {state !== ReadState.new && (
        <button
          type="button"
          className="mark-new"
          data-testid="mark-new"
          title={t('worklist.read.markNewTitle')}
          onClick={(e) => {
            e.stopPropagation();
            onMarkNew(study);
          }}
          onDoubleClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => e.stopPropagation()}
        >
          {t('worklist.read.markNew')}
        </button>
      )}
    </span>
  );
}
