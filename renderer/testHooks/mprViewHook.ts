import type { MprView } from '../viewer/createMprView';
import type { Volume3dView } from '../viewer/createVolume3dView';

/**
 * Sets (or clears, with undefined) the `gardeMprView` property of an MPR layout's element, through
 * which tests and benchmarks reach its view (move the centre, read values). Test variant only
 * (testHooksEnv.d.ts).
 */
export function exposeMprView(element: HTMLElement, view: MprView | undefined): void {
  Object.assign(element, { gardeMprView: view });
}

/** Sets (or clears) the `gardeVolume3dView` property of a 3D viewport's element. Test variant only. */
export function exposeVolume3dView(element: HTMLElement, view: Volume3dView | undefined): void {
  Object.assign(element, { gardeVolume3dView: view });
}
