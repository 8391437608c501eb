import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDicomDate } from '../../../app/dicom/formatPersonName';
import { getString } from '../../../app/dicomweb';
import type { ViewportAssignment } from '../../../app/hanging';
import type { HangingLayout } from './loadHangingLayout';
import { useHangingCell } from './useHangingCell';

type Assigned = ViewportAssignment & { displaySet: NonNullable<ViewportAssignment['displaySet']> };

/**
 * One viewport of a hanging stage: its image or series with the protocol's display options, the
 * view (laterality and view position) in the corner, "Prior" with its date on a prior, and a red
 * banner when the prior's patient identity is only probable.
 */
export function HangingCell({ assignment, layout }: { assignment: Assigned; layout: HangingLayout }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const { displaySet, display } = assignment;
  const entry = layout.studies.get(displaySet.StudyInstanceUID);
  const location = entry?.location ?? [...layout.studies.values()][0]!.location;
  const { phase, images } = useHangingCell(ref, location, displaySet, display);
  const image = images[phase.status === 'shown' ? phase.view.index : 0];
  const view = image ? [getString(image.instance, '00200062'), getString(image.instance, '00185101')].filter(Boolean).join(' ') : '';
  const state = phase.status === 'failed' || (phase.status === 'shown' && phase.view.error) ? 'error' : phase.status === 'shown' && phase.view.rendered && phase.aligned ? 'ready' : 'loading';
  const prior = entry?.prior;
  return (
    <div
      className="hanging-cell"
      data-testid="hanging-cell"
      data-row={assignment.row}
      data-column={assignment.column}
      data-study={displaySet.StudyInstanceUID}
      data-series={displaySet.SeriesInstanceUID}
      data-sop={image?.SOPInstanceUID}
      data-view={view}
      data-alignment={display.alignment}
      data-flip={display.flipHorizontal}
      data-state={state}
      style={{ gridRow: assignment.row + 1, gridColumn: assignment.column + 1 }}
    >
      <div ref={ref} className="stack-element" tabIndex={0} data-testid="hanging-viewport" aria-label={t('viewer.image.label')} onContextMenu={(e) => e.preventDefault()} />
      <div className="stack-overlay top-left" data-testid="hanging-label">
        {view}
        {prior && <span className="hanging-prior" data-testid="hanging-prior">{t('viewer.hanging.prior', { date: formatDicomDate(prior.summary.StudyDate) })}</span>}
      </div>
      {prior?.decision.banner === 'identity-probable' && (
        <div className="hanging-identity" role="alert" data-testid="hanging-identity-probable">
          {t('viewer.hanging.identityProbable')}
        </div>
      )}
      {state === 'loading' && phase.status !== 'shown' && <div className="stack-message muted">{t('viewer.image.loading')}</div>}
      {phase.status === 'failed' && (
        <div className="stack-message error" role="alert" data-testid="stack-error">
          {t('viewer.image.seriesFailed', { message: phase.message })}
        </div>
      )}
    </div>
  );
}
