import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNodesFile, loadDemoScenario, startRegion, type LoadedScenario, type Region } from '../fixtures/pacs';
import { launchChromium, screenshotPath } from './support/chromium';
import { startWebMode, type WebMode } from './support/webMode';

describe('worklist across two real PACS (web mode, Chromium)', () => {
  let region: Region;
  let scenario: LoadedScenario;
  let web: WebMode;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    region = await startRegion();
    scenario = await loadDemoScenario(region, { scale: 0.1 });
    const dir = mkdtempSync(join(tmpdir(), 'garde-e2e-worklist-'));
    const nodesFile = join(dir, 'nodes.json');
    const nodes = buildNodesFile([region.nord, region.sud]).nodes.filter((n) => n.kind === 'dicomweb');
    writeFileSync(nodesFile, JSON.stringify({ nodes }));
    web = await startWebMode(['--nodes', nodesFile]);
    context = await launchChromium({ locale: 'fr-FR', viewport: { width: 1500, height: 900 } });
    page = await context.newPage();
    await page.goto(web.url);
  });
  afterAll(async () => {
    await context?.close();
    await web?.stop();
    await region?.stop();
  });

  const rows = () => page.locator('[data-testid=worklist-table] tbody tr');

  it('lists tonight’s studies of both PACS, most urgent first', async () => {
    await page.locator('[data-testid=page-worklist][data-state=ready]').waitFor({ timeout: 60_000 });
    const tonight = scenario.studies.filter((s) => !s.isPrior && s.study.StudyDate >= scenarioYesterday(scenario.now));
    expect(await rows().count()).toBeGreaterThanOrEqual(tonight.length);
    const uids = await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-study')));
    for (const s of tonight) expect(uids).toContain(s.study.StudyInstanceUID);
    const urgencies = await page.locator('[data-testid=worklist-table] tbody .urgency').allTextContents();
    expect(urgencies[0]).toBe('Urgence vitale');
    const chips = page.locator('[data-testid=node-outcomes] li');
    expect(await chips.count()).toBe(2);
    expect(await page.locator('[data-testid=node-outcomes] li[data-ok=true]').count()).toBe(2);
    await page.screenshot({ path: screenshotPath('worklist-two-pacs-fr') });
  });

  it('shows the clinical request of the selected study and moves with the arrow keys', async () => {
    await rows().first().click();
    const firstUid = await rows().first().getAttribute('data-study');
    const first = scenario.studies.find((s) => s.study.StudyInstanceUID === firstUid)!;
    expect(await page.locator('[data-testid=clinical-request] [data-field=question]').textContent()).toBe(first.study.request?.ReasonForTheRequestedProcedure);
    await page.locator('[data-testid=worklist-table]').press('ArrowDown');
    expect(await rows().nth(1).getAttribute('aria-selected')).toBe('true');
    const secondUid = await rows().nth(1).getAttribute('data-study');
    const second = scenario.studies.find((s) => s.study.StudyInstanceUID === secondUid)!;
    expect(await page.locator('[data-testid=clinical-request] [data-field=question]').textContent()).toBe(second.study.request?.ReasonForTheRequestedProcedure ?? '—');
  });

  it('keeps patients of different PACS apart: same PatientID, different issuers, separate rows', async () => {
    const ids = await rows().evaluateAll((trs) => trs.map((tr) => tr.children[2]?.textContent ?? ''));
    const byId = new Map<string, string[]>();
    for (const s of scenario.studies) byId.set(s.patient.PatientID, [...(byId.get(s.patient.PatientID) ?? []), s.patient.IssuerOfPatientID ?? '']);
    const shared = [...byId.entries()].find(([, issuers]) => new Set(issuers).size > 1);
    // The demo scenario holds two different people sharing PatientID 100200 on the two PACS.
    expect(shared, 'the scenario has a PatientID shared across issuers').toBeDefined();
    const shown = ids.filter((text) => text.startsWith(shared![0]));
    expect(shown).toHaveLength(2);
    expect(new Set(shown).size).toBe(2);
  });

  it('with one PACS stopped: the other’s studies, and the stopped one’s error', async () => {
    await region.sud.stop();
    await page.getByRole('button', { name: 'Actualiser' }).click();
    await page.locator('[data-testid=node-outcomes] li[data-ok=false]').waitFor({ timeout: 30_000 });
    const failed = page.locator('[data-testid=node-outcomes] li[data-ok=false]');
    expect(await failed.textContent()).toContain('indisponible');
    expect(await rows().count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('worklist-one-pacs-down-fr') });
  });
});

function scenarioYesterday(now: Date): string {
  const d = new Date(now);
  d.setDate(d.getDate() - 1);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}
