import { useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { MPR_PLANES, type MprPlane, type SlabMode } from '../../viewer/createMprView';
import type { StudyLocation } from '../../viewer/loadStudyMetadata';
import { useMprView, type MprPhase } from './useMprView';
import { Volume3dCell } from './Volume3dCell';
import './mprLayout.css';

const SLAB_MODES: readonly SlabMode[] = ['none', 'mip', 'minip', 'average'];

/**
 * A series as a volume in three planes (axial, sagittal, coronal) with crosshairs, a shared window
 * and a slab (MIP, MinIP, average); or, when its geometry does not make a sound volume, why not.
 */
export function MprLayout({ location, SeriesInstanceUID, with3d: initially3d = false, onClose }: { location: StudyLocation; SeriesInstanceUID: string; with3d?: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const axial = useRef<HTMLDivElement>(null);
  const sagittal = useRef<HTMLDivElement>(null);
  const coronal = useRef<HTMLDivElement>(null);
  const refs = useMemo(() => ({ axial, sagittal, coronal }), []);
  const phase = useMprView(refs, location, SeriesInstanceUID);
  const shown = phase.status === 'shown' ? phase : undefined;
  const [with3d, setWith3d] = useState(initially3d);
  const ready = !!shown && shown.state.loaded > 0 && MPR_PLANES.every((p) => shown.state.rendered[p]);
  return (
    <div className="mpr-layout" data-testid="mpr-layout" data-series={SeriesInstanceUID} data-state={phase.status === 'shown' ? (ready ? 'ready' : 'loading') : phase.status}>
      <div className="mpr-bar" role="toolbar" aria-label={t('viewer.mpr.title')}>
        <button type="button" data-testid="mpr-close" onClick={onClose}>
          {t('viewer.mpr.close')}
        </button>
        <label>
          {t('viewer.mpr.slab')}{' '}
          <select
            data-testid="mpr-slab-mode"
            disabled={!shown}
            value={shown?.state.slab.mode ?? 'none'}
            onChange={(e) => shown?.view.setSlab(e.target.value as SlabMode, Math.max(shown.state.slab.thickness, 10))}
          >
            {SLAB_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`viewer.mpr.modes.${mode}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('viewer.mpr.thickness')}{' '}
          <input
            type="number"
            min={1}
            max={200}
            step={1}
            data-testid="mpr-slab-thickness"
            disabled={!shown || shown.state.slab.mode === 'none'}
            value={shown?.state.slab.thickness || 10}
            onChange={(e) => shown && shown.view.setSlab(shown.state.slab.mode, Number(e.target.value))}
          />
        </label>
        <button type="button" data-testid="mpr-3d" aria-pressed={with3d} disabled={!shown} onClick={() => setWith3d(!with3d)}>
          {t('viewer.mpr.volume')}
        </button>
        <button type="button" data-testid="mpr-reset" disabled={!shown} onClick={() => shown?.view.reset()}>
          {t('viewer.mpr.reset')}
        </button>
        <MprStatus phase={phase} />
      </div>
      {phase.status === 'refused' && (
        <p className="study-message error" role="alert" data-testid="mpr-refused" data-codes={phase.check.refusals.map((r) => r.code).join(' ')}>
          {t('viewer.mpr.refused')} {phase.check.refusals.map((r) => t(`viewer.mpr.refusal.${r.code}`, r)).join(' · ')}
        </p>
      )}
      {phase.status === 'failed' && (
        <p className="study-message error" role="alert" data-testid="mpr-failed">
          {t('viewer.mpr.failed', { message: phase.message })}
        </p>
      )}
      <div className={`mpr-grid${with3d ? ' with-3d' : ''}`} data-testid="mpr-grid" hidden={phase.status === 'refused' || phase.status === 'failed'}>
        {MPR_PLANES.map((plane) => (
          <MprCell key={plane} plane={plane} element={refs[plane]} rendered={!!shown?.state.rendered[plane]} />
        ))}
        {with3d && shown && <Volume3dCell volumeId={shown.view.volumeId} Modality={shown.Modality} />}
      </div>
    </div>
  );
}

function MprCell({ plane, element, rendered }: { plane: MprPlane; element: RefObject<HTMLDivElement | null>; rendered: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="mpr-cell">
      <div ref={element} className="mpr-viewport" data-testid="mpr-viewport" data-plane={plane} data-state={rendered ? 'ready' : 'loading'} onContextMenu={(e) => e.preventDefault()} />
      <span className="mpr-plane-label">{t(`viewer.mpr.planes.${plane}`)}</span>
    </div>
  );
}

function MprStatus({ phase }: { phase: MprPhase }) {
  const { t } = useTranslation();
  if (phase.status === 'loading') return <span className="muted">{t('viewer.mpr.loading')}</span>;
  if (phase.status !== 'shown') return null;
  const { state, check } = phase;
  return (
    <span className="mpr-status" data-testid="mpr-status" data-loaded={state.loaded} data-total={state.total}>
      {state.loaded < state.total ? t('viewer.mpr.progress', { loaded: state.loaded, total: state.total }) : t('viewer.mpr.loaded', { total: state.total })}
      {check.reducedFor && ` · ${t('viewer.mpr.reduced', { step: check.sliceStep, limit: check.reducedFor.limit, value: check.reducedFor.value })}`}
      {state.failed > 0 && (
        <strong className="mpr-failed" role="alert" data-testid="mpr-slices-failed" data-failed={state.failed}>
          {' · '}
          {t('viewer.mpr.slicesFailed', { count: state.failed, message: state.error })}
        </strong>
      )}
      {state.windowWidth !== undefined && ` · ${t('viewer.overlay.windowLevel', { width: Math.round(state.windowWidth), center: Math.round(state.windowCenter ?? 0) })}`}
    </span>
  );
}
