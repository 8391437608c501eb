import { useEffect } from 'react';
import type { StackView } from '../../viewer/createStackView';
import { linkZoom } from './linkZoom';

/**
 * Keeps the drawn mammography views of the layout at one physical scale while `enabled` (the
 * layout's sync switch): linked again when the set of views changes (a stage, a view drawn).
 */
export function useZoomLink(views: readonly StackView[], enabled: boolean): void {
  const key = views.map((v) => v.viewportId).join('|');
  useEffect(() => {
    if (!enabled || views.length < 2) return;
    return linkZoom(views);
    // The key names the views.
  }, [key, enabled]);
}
