import type { MprView } from '../viewer/createMprView';

/**
 * Sets (or clears, with undefined) the `gardeMprView` property of an MPR layout's element, through
 * which tests and benchmarks reach its view (move the centre, read values). Test variant only
 * (testHooksEnv.d.ts).
 */
export function exposeMprView(element: HTMLElement, view: MprView | undefined): void {
  Object.assign(element, { gardeMprView: view });
}
