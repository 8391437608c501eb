import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom, type RequestedProcedurePriority } from '../../main/demo/samples';
import { screenshotPath } from './support/chromium';
import type { WebMode } from './support/webMode';
import { failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const STUDIES = 10_000;
const PRIORITIES: RequestedProcedurePriority[] = ['ROUTINE', 'LOW', 'MEDIUM', 'HIGH', 'STAT'];

describe(`worklist with ${STUDIES} studies (folder node of real DICOM files)`, () => {
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'garde-10k-'));
    for (let i = 0; i < STUDIES; i++) {
      const [instance] = generateCtPhantom({
        seed: `scale-${i}`,
        patient: { PatientName: `SCALE^Patient${i}`, PatientID: `SC${String(i).padStart(5, '0')}`, PatientBirthDate: '19600101', PatientSex: i % 2 ? 'F' : 'M' },
        study: {
          StudyInstanceUID: `1.2.826.0.1.3680043.10.543.9.${i + 1}`,
          StudyDate: '20261122',
          StudyTime: `${String(8 + (Math.floor(i / 3600) % 12)).padStart(2, '0')}${String(Math.floor(i / 60) % 60).padStart(2, '0')}${String(i % 60).padStart(2, '0')}`,
          AccessionNumber: `SC${i}`,
          StudyID: '1',
          StudyDescription: `CT ${i}`,
          request: { ReasonForTheRequestedProcedure: `Question ${i}`, RequestedProcedureDescription: 'CT', RequestingPhysician: 'DOC^Tor', RequestedProcedurePriority: PRIORITIES[i % PRIORITIES.length]! },
        },
        Rows: 8,
        Columns: 8,
        slices: 1,
      }).instances;
      const dir = join(folder, String(i % 100));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${i}.dcm`), new Uint8Array(instance!.buffer));
    }
    // The folder's first indexing (10000 files) may outlast a search's 10 s per node: this test is
    // about listing them, so the page opens once the node answers a search.
    const indexed = async (web: WebMode) => {
      const deadline = Date.now() + 240_000;
      for (;;) {
        const answer = await fetch(`${web.origin}/gateway/search/studies?limit=1`, { headers: { authorization: `Bearer ${web.token}` } });
        const body = (await answer.json()) as { nodes: { ok: boolean }[] };
        if (body.nodes.every((n) => n.ok)) return;
        if (Date.now() > deadline) throw new Error(`the folder node still fails to answer: ${JSON.stringify(body.nodes)}`);
      }
    };
    workstation = await startWorkstation({ nodes: [{ id: 'big', name: 'Big archive', kind: 'folder', path: folder }], viewport: { width: 1400, height: 900 }, beforeOpen: indexed });
    page = workstation.page;
  }, 300_000);
  afterAll(async () => {
    await workstation?.stop();
  });

  it('lists them all, most urgent first, with only the visible rows in the page', async () => {
    await page.locator('[data-testid=worklist-table]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('worklist-table').getAttribute('data-count')).toBe(String(STUDIES));
    const rendered = await page.locator('[data-testid=worklist-table] tbody tr[data-index]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    expect(await page.locator('[data-testid=worklist-table] tbody tr[data-index] .urgency').first().textContent()).toBe('Emergency');
  });

  it('End, Home and Page Down move through the whole list from the keyboard', async () => {
    const table = page.getByTestId('worklist-table');
    await table.focus();
    await table.press('End');
    await page.locator(`tr[data-index="${STUDIES - 1}"][aria-selected=true]`).waitFor();
    expect(await page.locator(`tr[data-index="${STUDIES - 1}"] .urgency`).textContent()).toBe('Low');
    await page.screenshot({ path: screenshotPath('worklist-10k-end') });
    await table.press('Home');
    await page.locator('tr[data-index="0"][aria-selected=true]').waitFor();
    await table.press('PageDown');
    const selected = Number(await page.locator('tr[aria-selected=true]').getAttribute('data-index'));
    expect(selected).toBeGreaterThan(5);
    expect(await page.locator('[data-testid=clinical-request] [data-field=question]').textContent()).toMatch(/^Question \d+$/);
  });
});
