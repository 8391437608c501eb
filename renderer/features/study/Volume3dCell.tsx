import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createVolume3dView, qualityFor, VOLUME_PRESETS, type Volume3dView } from '../../viewer/createVolume3dView';
import { initCornerstone } from '../../viewer/initCornerstone';
import { exposeVolume3dView } from '../../testHooks/mprViewHook';
import { useTaskChain } from './useTaskChain';

/** The preset a volume opens with: bone for CT, the MR default otherwise. */
export function defaultPreset(Modality: string | undefined): string {
  return Modality === 'MR' ? 'MR-Default' : 'CT-Bone';
}

/** The fourth cell of the MPR layout: the volume rendered in 3D, with its preset picker. */
export function Volume3dCell({ volumeId, Modality }: { volumeId: string; Modality: string | undefined }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<Volume3dView>();
  const [preset, setPreset] = useState(() => defaultPreset(Modality));
  const [rendered, setRendered] = useState(false);
  const [failure, setFailure] = useState<string>();
  const initial = useRef(preset);
  const inTurn = useTaskChain();

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let live = true;
    let created: Volume3dView | undefined;
    void inTurn(async () => {
      if (!live) return;
      const status = await initCornerstone();
      if (!status.ok) throw new Error(status.message);
      created = await createVolume3dView(element, volumeId, { preset: initial.current, quality: qualityFor(status.renderer), onRendered: () => live && setRendered(true) });
      if (!live) return created.destroy();
      if (import.meta.env.GARDE_TEST_HOOKS) exposeVolume3dView(element, created);
      setView(created);
    }).catch((error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
      created?.destroy();
      if (import.meta.env.GARDE_TEST_HOOKS) exposeVolume3dView(element, undefined);
    };
  }, [volumeId, inTurn]);

  const choose = (name: string) => {
    setPreset(name);
    view?.setPreset(name);
  };
  return (
    <div className="mpr-cell">
      <div
        ref={ref}
        className="mpr-viewport"
        data-testid="vr-viewport"
        data-state={failure ? 'error' : rendered && view ? 'ready' : 'loading'}
        data-preset={preset}
        onContextMenu={(e) => e.preventDefault()}
      />
      <span className="mpr-plane-label">{t('viewer.mpr.planes.volume')}</span>
      <select className="vr-preset" data-testid="vr-preset" aria-label={t('viewer.mpr.preset')} value={preset} disabled={!view} onChange={(e) => choose(e.target.value)}>
        {VOLUME_PRESETS.map((p) => (
          <option key={p.name} value={p.name}>
            {t(`viewer.mpr.presets.${p.name}`)}
          </option>
        ))}
      </select>
      {failure && (
        <p className="study-message error" role="alert" data-testid="vr-failed">
          {t('viewer.mpr.failed', { message: failure })}
        </p>
      )}
    </div>
  );
}
