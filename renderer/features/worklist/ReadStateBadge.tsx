import { useTranslation } from 'react-i18next';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { ReadState, readStateName } from '../../cache';

/**
 * Where the reader is with a study, in words (not colour alone): new, in progress, signed (answer
 * waiting for the PACS) or sent, and whether the study carries a report on its PACS (written here or
 * on another workstation); once not new, a button to mark it new (unread) again, also reached with
 * the U key on the selected row.
 */
export function ReadStateBadge({ study, state, onMarkNew }: { study: StudySummary; state: ReadState | undefined; onMarkNew: (s: StudySummary) => void }) {
  const { t } = useTranslation();
  // A report (SR, encapsulated document) in the study on its node: answered, here or elsewhere.
  const onPacs = study.ModalitiesInStudy.some((m) => m === 'SR' || m === 'DOC');
  const pacsBadge = onPacs ? (
    <span className="read-state read-state-on-pacs" data-testid="reported-on-pacs" title={t('worklist.read.onPacsTitle')}>
      {t('worklist.read.onPacs')}
    </span>
  ) : null;
  if (state === undefined) return pacsBadge;
  const name = readStateName(state);
  return (
    <span className="read-state-cell">
      {pacsBadge}
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
