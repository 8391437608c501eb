import { getEnabledElement, metaData, utilities, type Types } from '@cornerstonejs/core';

/**
 * Pans the stack viewport on `element` so that one vertical edge of the current image (`imageEdge`,
 * the column 0 side or the last column side, before any flip) lies on the `target` edge of the
 * element, keeping zoom, rotation and flips. Used to put the chest wall of a mammogram against the
 * cell edge where the hanging protocol aligns it. Returns false when no image is shown.
 */
export function alignImageEdge(element: HTMLDivElement, imageEdge: 'left' | 'right', target: 'left' | 'right'): boolean {
  const viewport = getEnabledElement(element)?.viewport as Types.IStackViewport | undefined;
  const imageId = viewport?.getCurrentImageId();
  if (!viewport || !imageId) return false;
  const plane = metaData.get('imagePlaneModule', imageId) as { rows?: number; columns?: number } | undefined;
  if (!plane?.rows || !plane.columns) return false;
  // Image coordinates are pixel centres: the outer edges are half a pixel beyond the first and last columns.
  const column = imageEdge === 'right' ? plane.columns - 0.5 : -0.5;
  const world = utilities.imageToWorldCoords(imageId, [column, plane.rows / 2]);
  if (!world) return false;
  const shown = viewport.worldToCanvas(world)[0];
  const wanted = target === 'right' ? element.clientWidth : 0;
  const dx = wanted - shown;
  const origin = viewport.canvasToWorld([0, 0]);
  const onePixel = viewport.canvasToWorld([1, 0]);
  // Moving the picture right on screen moves the camera left by the same world distance.
  const delta = [0, 1, 2].map((i) => -dx * (onePixel[i]! - origin[i]!)) as Types.Point3;
  const { focalPoint, position } = viewport.getCamera();
  if (!focalPoint || !position) return false;
  viewport.setCamera({
    focalPoint: [focalPoint[0] + delta[0], focalPoint[1] + delta[1], focalPoint[2] + delta[2]],
    position: [position[0] + delta[0], position[1] + delta[1], position[2] + delta[2]],
  });
  viewport.render();
  return true;
}
