import type { StackView } from '../viewer/createStackView';

/**
 * Sets (or clears, with undefined) the `gardeStackView` property of a viewport's element, through
 * which tests and benchmarks reach its view (read pixels, scroll). Test variant only
 * (testHooksEnv.d.ts).
 */
export function exposeStackView(element: HTMLElement, view: StackView | undefined): void {
  Object.assign(element, { gardeStackView: view });
}
