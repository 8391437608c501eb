import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom } from '../../main/demo/samples';
import { startRegion, type Region } from '../fixtures/pacs';
import { launchChromium } from './support/chromium';
import { startWebMode, type WebMode } from './support/webMode';

const UID = '1.2.826.0.1.3680043.10.543.9301';
const study = (StudyInstanceUID: string, AccessionNumber: string) => ({ StudyInstanceUID, StudyDate: '20261120', StudyTime: '100000', AccessionNumber, StudyID: '1', StudyDescription: 'CT link' });

describe('open-study links (web mode, two real PACS)', () => {
  let region: Region;
  let web: WebMode;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    region = await startRegion();
    const patient = { PatientName: 'LINK^Louise', PatientID: 'LK-1', IssuerOfPatientID: 'CH-SUD', PatientBirthDate: '19700505', PatientSex: 'F' as const };
    const make = (seed: string, uid: string, acc: string) => generateCtPhantom({ seed, patient, study: study(uid, acc), Rows: 64, Columns: 64, slices: 3 }).instances.map((i) => i.buffer);
    await region.sud.storeInstances([...make('link-a', UID, 'LK-A'), ...make('link-b', '1.2.826.0.1.3680043.10.543.9302', 'LK-B')]);
    const dir = mkdtempSync(join(tmpdir(), 'garde-e2e-link-'));
    const nodes = [region.nord, region.sud].map((p) => ({ id: p.id.toLowerCase().replace(/_/g, '-'), name: p.name, kind: 'dicomweb', baseUrl: p.dicomWebUrl, auth: { type: 'basic', username: p.username, password: p.password } }));
    writeFileSync(join(dir, 'nodes.json'), JSON.stringify({ nodes }));
    web = await startWebMode(['--nodes', join(dir, 'nodes.json')]);
    context = await launchChromium({ locale: 'en-US', viewport: { width: 1300, height: 850 } });
    page = await context.newPage();
    await page.goto(web.url);
  });
  afterAll(async () => {
    await context?.close();
    await web?.stop();
    await region?.stop();
  });

  it('opens the study from whichever PACS has it, by StudyInstanceUID', async () => {
    await page.goto(`${web.origin}/open?StudyInstanceUID=${UID}`);
    await page.getByTestId('patient-banner').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('patient-banner').textContent()).toContain('LK-1');
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('accepts the IHE Invoke Image Display form', async () => {
    await page.goto(`${web.origin}/open?requestType=STUDY&studyUID=${UID}`);
    await page.getByTestId('patient-banner').waitFor({ timeout: 60_000 });
  });

  it('a patient with several studies opens the worklist filtered on them', async () => {
    await page.goto(`${web.origin}/open?PatientID=LK-1`);
    await page.getByTestId('open-link-notice').filter({ hasText: 'Several studies' }).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=worklist-table][data-count="2"]').waitFor({ timeout: 60_000 });
    const ids = await page.locator('[data-testid=worklist-table] tbody tr[data-index]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-study')));
    expect(ids.sort()).toEqual([UID, '1.2.826.0.1.3680043.10.543.9302']);
  });

  it('an unknown study says so and opens nothing', async () => {
    await page.goto(`${web.origin}/open?StudyInstanceUID=1.2.3.4.5.6.7`);
    await page.getByTestId('open-link-notice').filter({ hasText: 'not found' }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('patient-banner').count()).toBe(0);
  });
});
