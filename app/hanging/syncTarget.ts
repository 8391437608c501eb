/** A point or direction in patient coordinates (LPS, mm). */
export type Vec3 = readonly [number, number, number];

/** Where one image of a stack lies: ImagePositionPatient and its plane normal (row × column of ImageOrientationPatient). */
export interface ImagePlane {
  ImagePositionPatient: Vec3;
  normal: Vec3;
}

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Two planes are synced by position only when they are (nearly) parallel: |cos| above this. */
const PARALLEL = 0.9;

/**
 * Position sync within one frame of reference (PS3.3 C.7.4.1.1.1): the index of the target image
 * whose plane is closest to the source image's ImagePositionPatient, measured along the target's
 * normal (PS3.3 C.7.6.2.1.1). Undefined when the stacks are not parallel (an axial and a coronal
 * series are linked by reference lines, not by scrolling) or the target has no usable plane.
 */
export function closestImageByPosition(source: ImagePlane, target: ReadonlyArray<ImagePlane | undefined>): number | undefined {
  let best: number | undefined;
  let distance = Infinity;
  target.forEach((plane, k) => {
    if (!plane || Math.abs(dot(plane.normal, source.normal)) < PARALLEL) return;
    const d = Math.abs(dot(plane.normal, source.ImagePositionPatient) - dot(plane.normal, plane.ImagePositionPatient));
    if (d < distance) {
      distance = d;
      best = k;
    }
  });
  return best;
}

/**
 * Index sync: the target keeps the offset it had from the source when the two were linked
 * (`anchors`), so a reader who lined up the same anatomy before linking keeps it; clamped to the
 * target stack.
 */
export function imageByIndex(sourceIndex: number, anchors: { source: number; target: number }, targetTotal: number): number {
  return Math.max(0, Math.min(targetTotal - 1, anchors.target + sourceIndex - anchors.source));
}
