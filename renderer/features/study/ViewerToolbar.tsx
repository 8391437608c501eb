import { useTranslation } from 'react-i18next';
import type { WindowPreset } from '../../../app/dicom/windowPresets';
import type { StackView, StackViewState } from '../../viewer/createStackView';
import { PRIMARY_TOOLS } from '../../viewer/stackTools';

/** The localized name of a window preset. */
export function usePresetName(): (preset: WindowPreset) => string {
  const { t } = useTranslation();
  return (preset) => t(`viewer.presets.${preset.name}`, { index: preset.index });
}

/**
 * The viewer's toolbar: the primary mouse tool (window/level, zoom, pan, measurements), display
 * actions (invert, rotate, flips, fit), window presets (keys 1–9, 0 for the image's own) and cine.
 * Shown, disabled, before an image is: the image area keeps its size when the first image arrives.
 */
export function ViewerToolbar({ view, state, presets }: { view?: StackView; state?: StackViewState; presets: WindowPreset[] }) {
  if (!view || !state) return <ToolbarFrame disabled />;
  return <ToolbarFrame view={view} state={state} presets={presets} />;
}

function ToolbarFrame({ view, state, presets = [], disabled = false }: { view?: StackView; state?: StackViewState; presets?: WindowPreset[]; disabled?: boolean }) {
  const { t } = useTranslation();
  const presetName = usePresetName();
  const actions = [
    ['invert', () => view?.toggleInvert()],
    ['rotate', () => view?.rotate()],
    ['flipH', () => view?.flip(true)],
    ['flipV', () => view?.flip(false)],
    ['fit', () => view?.fit()],
  ] as const;
  const onPreset = (value: string) => {
    const preset = presets[Number(value)];
    if (preset) view?.setWindow(preset.width, preset.center);
    else view?.resetWindow();
  };
  return (
    <fieldset className="viewer-toolbar" role="toolbar" aria-label={t('viewer.tools.title')} data-testid="viewer-toolbar" disabled={disabled}>
      {PRIMARY_TOOLS.map((tool) => (
        <button key={tool} type="button" data-testid={`tool-${tool}`} aria-pressed={state?.primaryTool === tool} onClick={() => view?.setPrimaryTool(tool)}>
          {t(`viewer.tools.${tool}`)}
        </button>
      ))}
      <span className="toolbar-gap" />
      {actions.map(([name, run]) => (
        <button key={name} type="button" data-testid={`action-${name}`} aria-pressed={name === 'invert' ? !!state?.invert : undefined} onClick={run}>
          {t(`viewer.tools.${name}`)}
        </button>
      ))}
      <span className="toolbar-gap" />
      <select aria-label={t('viewer.presets.title')} data-testid="preset-select" value="" onChange={(e) => onPreset(e.target.value)}>
        <option value="" disabled>
          {t('viewer.presets.title')}
        </option>
        <option value="own">{t('viewer.presets.ownKey')}</option>
        {presets.map((p, k) => (
          <option key={`${p.name}-${k}`} value={k}>
            {t('viewer.presets.key', { key: k + 1, name: presetName(p), width: Math.round(p.width), center: Math.round(p.center) })}
          </option>
        ))}
      </select>
      <span className="toolbar-gap" />
      <button type="button" data-testid="action-slower" onClick={() => state && view?.setFps(state.fps - 1)}>
        {t('viewer.tools.slower')}
      </button>
      <button type="button" data-testid="action-play" aria-pressed={!!state?.playing} onClick={() => (state?.playing ? view?.stop() : view?.play())}>
        {state?.playing ? t('viewer.tools.pause') : t('viewer.tools.play')}
      </button>
      <span className="toolbar-fps">{t('viewer.overlay.fps', { fps: state?.fps ?? 10 })}</span>
      <button type="button" data-testid="action-faster" onClick={() => state && view?.setFps(state.fps + 1)}>
        {t('viewer.tools.faster')}
      </button>
    </fieldset>
  );
}
