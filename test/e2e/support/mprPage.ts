import type { Page } from 'playwright-core';

/** Opens a study from the worklist with Enter and waits until its stack shows an image. */
export async function openFromWorklist(page: Page, StudyInstanceUID: string): Promise<void> {
  await page.getByTestId('nav-worklist').click();
  const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${StudyInstanceUID}"]`);
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.getByTestId('worklist-table').press('Enter');
  await page.locator(`[data-testid=study-viewer][data-study="${StudyInstanceUID}"] [data-testid=stack-viewport][data-state=ready]`).waitFor({ timeout: 60_000 });
}

/** Waits until the MPR layout shows its three planes with every one of `slices` slices loaded. */
export async function waitForVolume(page: Page, slices: number): Promise<void> {
  await page.locator('[data-testid=mpr-layout][data-state=ready]').waitFor({ timeout: 60_000 });
  await page.locator(`[data-testid=mpr-status][data-loaded="${slices}"][data-total="${slices}"]`).waitFor({ timeout: 60_000 });
}

/**
 * Calls `fn(view, arg)` in the page on the MPR view the viewer leaves on the MPR layout element
 * (renderer/testHooks/mprViewHook.ts). `fn` is sent as source: it must not close over test variables.
 */
export function callMpr<P, T>(page: Page) {
  return (fn: (view: P, arg: never) => T, arg?: unknown): Promise<T> =>
    page
      .getByTestId('mpr-layout')
      .evaluate((el, [source, a]) => new Function('view', 'arg', `return (${source})(view, arg)`)((el as unknown as { gardeMprView: unknown }).gardeMprView, a) as T, [fn.toString(), arg] as const);
}
