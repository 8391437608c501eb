import { getNumbers, getSequence, getStrings, type DicomJsonDataset } from '../dicomweb';

/** A direction cosine vector in the patient coordinate system (LPS, PS3.3 C.7.6.2.1.1). */
export type Vector3 = readonly [number, number, number];

/**
 * Patient directions of the two image axes, as orientation letters (PS3.3 C.7.6.1.1.1):
 * `row` is where the row runs (towards increasing column index, the image's right),
 * `column` where the column runs (towards increasing row index, the image's bottom).
 */
export interface ImageAxesLabels {
  row: string;
  column: string;
}

/** The orientation letters shown at the middle of each edge of the displayed image. */
export interface EdgeMarkers {
  top: string;
  right: string;
  bottom: string;
  left: string;
}

/**
 * Where the screen's right and down point, in image axes: `right = [a, b]` means the screen's right
 * is `a × row direction + b × column direction` (each of a, b is -1, 0 or 1).
 */
export interface ScreenAxes {
  right: readonly [number, number];
  down: readonly [number, number];
}

/** The screen axes of an image displayed without rotation or flip. */
export const IDENTITY_SCREEN: ScreenAxes = { right: [1, 0], down: [0, 1] };

const LETTERS: ReadonlyArray<readonly [string, string]> = [
  ['L', 'R'], // +x is the patient's left
  ['P', 'A'], // +y is posterior
  ['H', 'F'], // +z is head
];

const OPPOSITE: Record<string, string> = { L: 'R', R: 'L', A: 'P', P: 'A', H: 'F', F: 'H' };

/**
 * Orientation letters of a patient direction (PS3.3 C.7.6.1.1.1 letters; axes of C.7.6.2.1.1):
 * the letter of the dominant axis first, then those of the other axes whose share of the vector
 * reaches `threshold` (0.25 by default, so an oblique plane of about 15° or more shows it),
 * by decreasing magnitude. An empty string for a zero vector.
 */
export function directionLabel(vector: Vector3, threshold = 0.25): string {
  const parts = vector
    .map((value, axis) => ({ value, axis, size: Math.abs(value) }))
    .filter((p) => p.size > 1e-6)
    .sort((a, b) => b.size - a.size);
  const first = parts[0];
  if (!first) return '';
  return parts
    .filter((p) => p === first || p.size >= threshold)
    .map((p) => LETTERS[p.axis]![p.value > 0 ? 0 : 1])
    .join('');
}

/** The opposite direction's letters: each letter swapped (L↔R, A↔P, H↔F), order kept. */
export function oppositeLabel(label: string): string {
  return [...label].map((c) => OPPOSITE[c] ?? c).join('');
}

/**
 * Image axes labels from ImageOrientationPatient (0020,0037): first triplet the row direction,
 * second the column direction (PS3.3 C.7.6.2.1.1).
 */
export function axesFromImageOrientation(iop: readonly number[]): ImageAxesLabels | undefined {
  if (iop.length !== 6 || iop.some((v) => !Number.isFinite(v))) return undefined;
  const row = directionLabel([iop[0]!, iop[1]!, iop[2]!]);
  const column = directionLabel([iop[3]!, iop[4]!, iop[5]!]);
  return row && column ? { row, column } : undefined;
}

/**
 * Image axes labels from PatientOrientation (0020,0020) of projection images: two values, the
 * row direction then the column direction, e.g. `A\F` (PS3.3 C.7.6.1.1.1).
 */
export function axesFromPatientOrientation(values: readonly string[]): ImageAxesLabels | undefined {
  const [row, column] = values.map((v) => v.trim().toUpperCase());
  const valid = (s: string | undefined): s is string => !!s && /^[LRAPHF]+$/.test(s);
  return valid(row) && valid(column) ? { row, column } : undefined;
}

/**
 * The image axes labels of one frame of an instance in DICOM JSON: ImageOrientationPatient at the
 * top level, else in the Plane Orientation Sequence (0020,9116) of the frame's Per-Frame (5200,9230)
 * or the Shared (5200,9229) Functional Groups (enhanced multi-frame, PS3.3 C.7.6.16.2.4), else
 * PatientOrientation. Undefined when the instance says nothing of its orientation.
 */
export function imageAxesLabels(instance: DicomJsonDataset, frame = 1): ImageAxesLabels | undefined {
  const top = getNumbers(instance, '00200037');
  if (top.length === 6) return axesFromImageOrientation(top);
  const groups = [getSequence(instance, '52009230')[frame - 1], getSequence(instance, '52009229')[0]];
  for (const group of groups) {
    const plane = group && getSequence(group, '00209116')[0];
    const iop = plane ? getNumbers(plane, '00200037') : [];
    if (iop.length === 6) return axesFromImageOrientation(iop);
  }
  return axesFromPatientOrientation(getStrings(instance, '00200020'));
}

function along(axes: ImageAxesLabels, [a, b]: readonly [number, number]): string {
  const pick = (weight: number, label: string) => (weight > 0 ? label : weight < 0 ? oppositeLabel(label) : '');
  return pick(a, axes.row) + pick(b, axes.column);
}

/**
 * The four edge markers of a displayed image: the right edge shows the patient direction the
 * screen's right points to, the bottom edge the screen's down, top and left their opposites.
 * An axial slice (IOP 1\0\0\0\1\0) seen without rotation or flip (from the feet, the radiological
 * convention) gives top A, right L, bottom P, left R.
 */
export function edgeMarkers(axes: ImageAxesLabels, screen: ScreenAxes = IDENTITY_SCREEN): EdgeMarkers {
  const right = along(axes, screen.right);
  const bottom = along(axes, screen.down);
  return { top: oppositeLabel(bottom), right, bottom, left: oppositeLabel(right) };
}

/**
 * Screen axes after display operations applied to an unrotated, unflipped image, in the order
 * given, each acting on what is on screen: `rotate` turns the picture 90° clockwise, `flipH`
 * mirrors it left–right, `flipV` top–bottom.
 */
export function screenAxesAfter(operations: ReadonlyArray<'rotate' | 'flipH' | 'flipV'>): ScreenAxes {
  let right: [number, number] = [1, 0];
  let down: [number, number] = [0, 1];
  for (const op of operations) {
    if (op === 'flipH') right = [-right[0], -right[1]];
    else if (op === 'flipV') down = [-down[0], -down[1]];
    // Turning the picture clockwise: what pointed up now points right, what pointed right now points down.
    else [right, down] = [[-down[0], -down[1]], right];
  }
  return { right: [right[0] + 0, right[1] + 0], down: [down[0] + 0, down[1] + 0] };
}
