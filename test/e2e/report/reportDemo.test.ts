import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStudyReport, saveReader, writeAndSign } from '../support/reportPage';
import { failOnPageErrors, startWorkstation, type Workstation } from '../support/workstation';

// A newcomer's first night on the built-in demo archive (no PACS configured): a demo CT is read,
// a key image marked, a report written and signed; the demo node receives it, and the study then
// carries the report, read back from the demo archive after a reload.

describe('reporting on the built-in demo archive (web mode, Chromium)', () => {
  let workstation: Workstation;
  let page: Page;
  beforeAll(async () => {
    workstation = await startWorkstation({ viewport: { width: 1500, height: 950 } });
    page = workstation.page;
    await saveReader(page);
  }, 240_000);
  afterAll(async () => {
    await workstation?.stop();
  });
  failOnPageErrors(() => workstation);

  it('signs a report on a demo CT, which the demo archive receives and shows back', async () => {
    await page.getByTestId('nav-worklist').click();
    const row = page.locator('[data-testid=worklist-table] tbody tr', { hasText: 'CT CHEST WITHOUT CONTRAST' }).first();
    await row.waitFor({ timeout: 120_000 });
    const uid = (await row.getAttribute('data-study'))!;
    await openStudyReport(page, uid);
    await writeAndSign(page, 'Pas de lésion traumatique thoracique.');
    await expect.poll(() => page.getByTestId('report-status').getAttribute('data-status'), { timeout: 60_000 }).toBe('sent');
    await page.reload();
    await openStudyReport(page, uid);
    await expect.poll(() => page.getByTestId('pacs-document').count(), { timeout: 30_000 }).toBe(3);
    expect((await page.getByTestId('pacs-document-text').allTextContents()).join('\n')).toContain('Pas de lésion traumatique thoracique.');
  }, 240_000);
});
