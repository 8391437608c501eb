import { metaData, type Types } from '@cornerstonejs/core';
import type { ScreenAxes } from '../../app/dicom/orientationMarkers';

type Vec3 = readonly [number, number, number];

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): [number, number, number] => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const sign = (v: number) => (Math.abs(v) < 0.5 ? 0 : Math.sign(v));

/** The screen's right, in the camera's patient coordinates: view up × view plane normal (the normal points towards the viewer). */
function viewRight(camera: Types.ICamera): [number, number, number] {
  return cross(camera.viewUp as Vec3, camera.viewPlaneNormal as Vec3);
}

/**
 * Turns the displayed picture 90° clockwise, whatever flips are applied: the patient direction that
 * pointed to the screen's left now points up.
 */
export function rotateClockwise(viewport: Types.IStackViewport): void {
  const right = viewRight(viewport.getCamera());
  viewport.setCamera({ viewUp: [-right[0], -right[1], -right[2]] });
  viewport.render();
}

/** Mirrors the displayed picture left–right (`horizontal`) or top–bottom, as seen on the screen. */
export function flip(viewport: Types.IStackViewport, horizontal: boolean): void {
  const camera = viewport.getCamera();
  viewport.setCamera(horizontal ? { flipHorizontal: !camera.flipHorizontal } : { flipVertical: !camera.flipVertical });
  viewport.render();
}

/** Fits the image to the viewport (zoom 1, centred), keeping rotation and flips. */
export function fit(viewport: Types.IStackViewport): void {
  viewport.setZoom(1);
  viewport.setPan([0, 0]);
  viewport.render();
}

/**
 * Where the screen's right and down point in image axes (row, column directions of the image data
 * Cornerstone built), from the camera: what the orientation markers need after any rotation or flip.
 */
export function screenAxes(viewport: Types.IStackViewport): ScreenAxes | undefined {
  const direction = viewport.getImageData()?.direction;
  if (!direction) return undefined;
  const row: Vec3 = [direction[0], direction[1], direction[2]];
  const column: Vec3 = [direction[3], direction[4], direction[5]];
  const camera = viewport.getCamera();
  if (!camera.viewUp || !camera.viewPlaneNormal) return undefined;
  const right = viewRight(camera);
  const down: Vec3 = [-camera.viewUp[0], -camera.viewUp[1], -camera.viewUp[2]];
  return { right: [sign(dot(right, row)), sign(dot(right, column))], down: [sign(dot(down, row)), sign(dot(down, column))] };
}

/** Millimetres per CSS pixel of the element at the current zoom, when the image has a pixel spacing. */
export function millimetresPerScreenPixel(viewport: Types.IStackViewport, element: HTMLElement): number | undefined {
  const plane = metaData.get('imagePlaneModule', viewport.getCurrentImageId()) as { rowPixelSpacing?: number } | undefined;
  const { parallelScale } = viewport.getCamera();
  if (!plane?.rowPixelSpacing || !parallelScale || element.clientHeight === 0) return undefined;
  return (2 * parallelScale) / element.clientHeight;
}

/**
 * Position of the current image along its plane normal, in mm: ImagePositionPatient · (row × column)
 * (PS3.3 C.7.6.2.1.1), the coordinate the stack is ordered by.
 */
export function slicePosition(imageId: string): number | undefined {
  const plane = metaData.get('imagePlaneModule', imageId) as { imagePositionPatient?: Vec3; rowCosines?: Vec3; columnCosines?: Vec3 } | undefined;
  if (!plane?.imagePositionPatient || !plane.rowCosines || !plane.columnCosines) return undefined;
  return dot(plane.imagePositionPatient, cross(plane.rowCosines, plane.columnCosines));
}
