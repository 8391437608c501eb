import type { ImageDescriptor } from './hangingInput';
import type { Viewport } from './protocolSchema';

/** How the viewer shows a filled viewport. */
export interface DisplayOptions {
  windowPreset?: string;
  /** Mirror the image left-right. */
  flipHorizontal: boolean;
  /** Edge of the viewport the chest wall is aligned to (mammography). */
  alignment?: 'left' | 'right';
  /** Image edge where the chest wall lies before any flip, when PatientOrientation tells. */
  chestWallSide?: 'left' | 'right';
  /** Why the flip was chosen. */
  reason?: string;
}

/**
 * The image edge where the chest wall lies, from the first value of
 * PatientOrientation (PS3.3 C.7.6.1.1.1: the patient direction of the rows,
 * left to right). In mammography this value is A or P (PS3.3 C.8.11.7.1.2 and
 * the IHE Mammography Image profile): rows running toward P put the posterior
 * side, the chest wall, on the image's right edge; toward A, on its left.
 */
export function chestWallSide(PatientOrientation: readonly string[] | undefined): 'left' | 'right' | undefined {
  const row = PatientOrientation?.[0]?.trim().toUpperCase() ?? '';
  const posterior = row.includes('P');
  const anterior = row.includes('A');
  if (posterior === anterior) return undefined;
  return posterior ? 'right' : 'left';
}

/**
 * Display options of a viewport for the chosen image. With an `alignment`,
 * the horizontal flip is computed so the chest wall lands on that edge
 * (mirrored mammography hanging: chest walls meet in the middle); when the
 * orientation is unknown, the protocol's static `flipHorizontal` is kept.
 */
export function displayOptions(viewport: Viewport, image: ImageDescriptor | undefined): DisplayOptions {
  const out: DisplayOptions = { flipHorizontal: viewport.flipHorizontal };
  if (viewport.windowPreset !== undefined) out.windowPreset = viewport.windowPreset;
  if (viewport.alignment === undefined) return out;
  out.alignment = viewport.alignment;
  const orientation = image?.PatientOrientation;
  const side = chestWallSide(orientation);
  if (side === undefined) {
    out.reason = `PatientOrientation ${orientation ? JSON.stringify(orientation.join('\\')) : 'absent'} does not tell the chest wall side: flip left as the protocol says`;
    return out;
  }
  out.chestWallSide = side;
  out.flipHorizontal = side !== viewport.alignment;
  out.reason = `rows run toward ${side === 'right' ? 'P' : 'A'} (PatientOrientation ${orientation!.join('\\')}): chest wall on the ${side} edge, wanted on the ${viewport.alignment}${out.flipHorizontal ? ': flipped' : ''}`;
  return out;
}
