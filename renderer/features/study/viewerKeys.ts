import type { WindowPreset } from '../../../app/dicom/windowPresets';
import type { StackView, StackViewState } from '../../viewer/createStackView';
import { removeSelectedMeasurements } from '../../viewer/measurements';

const SCROLL: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, PageDown: 10, ArrowUp: -1, ArrowLeft: -1, PageUp: -10 };

/**
 * Applies a key of the reading keyboard to a view; false when the key means nothing here.
 * Arrows/Page keys scroll, Home/End go to the ends, 1–9 select a window preset and 0 the image's
 * own, I inverts, R rotates 90° clockwise, H/V flip, F fits, Z toggles the zoom tool, Escape goes
 * back to window/level, Space plays or pauses the cine, +/− change its frame rate, Delete removes
 * the selected measurement.
 */
export function applyViewerKey(key: string, view: StackView, state: StackViewState, presets: WindowPreset[]): boolean {
  const ignore = () => undefined;
  const step = SCROLL[key];
  if (step !== undefined) void view.scroll(step).catch(ignore);
  else if (key === 'Home') void view.jumpTo(0).catch(ignore);
  else if (key === 'End') void view.jumpTo(state.total - 1).catch(ignore);
  else if (/^[1-9]$/.test(key)) {
    const preset = presets[Number(key) - 1];
    if (!preset) return false;
    view.setWindow(preset.width, preset.center);
  } else if (key === '0') view.resetWindow();
  else if (key === 'i' || key === 'I') view.toggleInvert();
  else if (key === 'r' || key === 'R') view.rotate();
  else if (key === 'h' || key === 'H') view.flip(true);
  else if (key === 'v' || key === 'V') view.flip(false);
  else if (key === 'f' || key === 'F') view.fit();
  else if (key === 'z' || key === 'Z') view.setPrimaryTool(state.primaryTool === 'Zoom' ? 'WindowLevel' : 'Zoom');
  else if (key === 'Escape') view.setPrimaryTool('WindowLevel');
  else if (key === ' ') {
    if (state.playing) view.stop();
    else view.play();
  } else if (key === '+' || key === '=') view.setFps(state.fps + 1);
  else if (key === '-' || key === '_') view.setFps(state.fps - 1);
  else if (key === 'Delete' || key === 'Backspace') return removeSelectedMeasurements();
  else return false;
  return true;
}
