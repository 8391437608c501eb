import { Enums, metaData } from '@cornerstonejs/core';
import { closestImageByPosition, imageByIndex, type ImagePlane, type Vec3 } from '../../../app/hanging';
import type { StackView } from '../../viewer/createStackView';

/** The plane of an image from Cornerstone's metadata (imagePlaneModule: PS3.3 C.7.6.2). */
function planeOf(imageId: string): ImagePlane | undefined {
  const plane = metaData.get('imagePlaneModule', imageId) as { imagePositionPatient?: Vec3; rowCosines?: Vec3; columnCosines?: Vec3 } | undefined;
  const r = plane?.rowCosines;
  const c = plane?.columnCosines;
  if (!plane?.imagePositionPatient || !r || !c) return undefined;
  return { ImagePositionPatient: plane.imagePositionPatient, normal: [r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]] };
}

const indexOf = (view: StackView) => view.imageIds().indexOf(view.currentImageId() ?? '');

/**
 * Scrolls `views` together: when one shows another image (the reader scrolled it), the others go
 * to the image at the same patient position (`position`: same frame of reference, parallel planes)
 * or keep the index offset they had when linked (`index`). A view moved by the link does not move
 * the others in turn. Returns the function that unlinks them.
 */
export function linkStacks(views: readonly StackView[], mode: 'position' | 'index'): () => void {
  const anchors = new Map(views.map((v) => [v, Math.max(0, indexOf(v))]));
  const planes = new Map<StackView, Array<ImagePlane | undefined>>();
  const pending = new Map<StackView, number>();
  const planesOf = (view: StackView) => {
    let list = planes.get(view);
    if (!list || list.length !== view.imageIds().length) {
      list = view.imageIds().map(planeOf);
      planes.set(view, list);
    }
    return list;
  };
  const follow = (source: StackView) => {
    const index = indexOf(source);
    if (index < 0) return;
    if (pending.get(source) === index) {
      pending.delete(source);
      return;
    }
    pending.delete(source);
    const sourcePlane = mode === 'position' ? planeOf(source.currentImageId() ?? '') : undefined;
    for (const target of views) {
      if (target === source || target.imageIds().length === 0) continue;
      const wanted =
        mode === 'position'
          ? sourcePlane && closestImageByPosition(sourcePlane, planesOf(target))
          : imageByIndex(index, { source: anchors.get(source) ?? 0, target: anchors.get(target) ?? 0 }, target.imageIds().length);
      if (wanted === undefined || wanted === indexOf(target)) continue;
      pending.set(target, wanted);
      void target.jumpTo(wanted).catch(() => undefined);
    }
  };
  const listeners = views.map((view) => {
    const listener = () => follow(view);
    view.element.addEventListener(Enums.Events.STACK_NEW_IMAGE, listener);
    return () => view.element.removeEventListener(Enums.Events.STACK_NEW_IMAGE, listener);
  });
  return () => {
    for (const remove of listeners) remove();
  };
}
