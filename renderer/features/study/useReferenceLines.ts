import { Enums } from '@cornerstonejs/core';
import { useEffect } from 'react';
import type { StackView } from '../../viewer/createStackView';

/**
 * Reference lines from the active viewport: every other view of `views` draws where the source's
 * image plane cuts its own (Cornerstone3D ReferenceLinesTool: same FrameOfReferenceUID only, not
 * for parallel planes), updated whenever the source is drawn again (another image: its camera
 * follows the new image without a camera event) or its camera moves.
 * `views` holds only cross-sectional stacks (a projection image has no plane to cut).
 */
export function useReferenceLines(views: readonly StackView[], source: StackView | undefined): void {
  const key = views.map((v) => v.viewportId).join('|');
  useEffect(() => {
    if (!source || !views.includes(source) || views.length < 2) return;
    const targets = views.filter((v) => v !== source);
    let frame = 0;
    const refresh = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        for (const view of targets) view.showReferenceLinesOf(source.viewportId);
      });
    };
    refresh();
    source.element.addEventListener(Enums.Events.IMAGE_RENDERED, refresh);
    source.element.addEventListener(Enums.Events.CAMERA_MODIFIED, refresh);
    return () => {
      cancelAnimationFrame(frame);
      source.element.removeEventListener(Enums.Events.IMAGE_RENDERED, refresh);
      source.element.removeEventListener(Enums.Events.CAMERA_MODIFIED, refresh);
      for (const view of targets) view.showReferenceLinesOf('');
    };
    // The key names the views.
  }, [key, source]);
}
