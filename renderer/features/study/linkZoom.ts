import { Enums } from '@cornerstonejs/core';
import type { StackView } from '../../viewer/createStackView';

/** Scales closer than this (relative) are the same: a view set by the link does not move the others again. */
const SAME_SCALE = 1e-3;

/**
 * Shows `views` at one physical scale (millimetres per screen pixel): at once at the scale of the
 * view showing the most (so every image fits), then, when the reader zooms one, the others follow
 * (mammography: the four views, and current beside prior, compared at the same size). Views
 * without pixel spacing are left alone. Returns the function that unlinks them.
 */
export function linkZoom(views: readonly StackView[]): () => void {
  const scaled = views.filter((v) => v.scale() !== undefined);
  if (scaled.length < 2) return () => undefined;
  const same = (a: number, b: number) => Math.abs(a - b) <= SAME_SCALE * Math.max(a, b);
  const apply = (scale: number, except?: StackView) => {
    for (const view of scaled) if (view !== except && !same(view.scale() ?? 0, scale)) view.setScale(scale);
  };
  apply(Math.max(...scaled.map((v) => v.scale()!)));
  const listeners = scaled.map((view) => {
    const listener = () => {
      const scale = view.scale();
      if (scale !== undefined) apply(scale, view);
    };
    view.element.addEventListener(Enums.Events.CAMERA_MODIFIED, listener);
    return () => view.element.removeEventListener(Enums.Events.CAMERA_MODIFIED, listener);
  });
  return () => {
    for (const remove of listeners) remove();
  };
}
