import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, launchChromium, screenshotPath } from './support/chromium';
import { startWebMode } from './support/webMode';
import { failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const nodesFile = join(import.meta.dirname, '..', 'fixtures', 'nodes', 'two-nodes.json');

describe('the workstation frame in Chromium (web mode)', () => {
  let workstation: Workstation;
  let page: Page;
  const failedResponses: string[] = [];

  beforeAll(async () => {
    workstation = await startWorkstation({
      webArgs: ['--nodes', nodesFile],
      onPage: (p) => p.on('response', (r) => r.status() >= 400 && failedResponses.push(`${r.status()} ${r.url()}`)),
    });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
  });
  failOnPageErrors(() => workstation);

  it('renders the frame in English for an English browser', async () => {
    await page.locator('[data-testid=connection-state]:not([data-tone=pending])').waitFor();
    expect(await page.locator('.brand-name').textContent()).toBe('Garde');
    expect(await page.getByTestId('nav-worklist').textContent()).toBe('Worklist');
    expect(await page.getByTestId('connection-state').textContent()).toBe('2 PACS configured');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('drops the token from the address bar after login', () => {
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  });

  it('initialises Cornerstone3D with WebGL2', async () => {
    await page.getByTestId('nav-viewer').click();
    const status = page.getByTestId('viewer-status');
    await page.waitForFunction(() => document.querySelector('[data-testid=viewer-status]')?.getAttribute('data-state') !== 'checking', undefined, { timeout: 60_000 });
    expect(await status.getAttribute('data-state')).toBe('ready');
    expect(await status.textContent()).toMatch(/WebGL2: .+, textures up to \d+ px/);
    await page.screenshot({ path: screenshotPath('viewer-en') });
  });

  it('switches to French in Settings, and every visible string changes', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('node-list').waitFor();
    expect(await page.getByTestId('node-list').textContent()).toContain('PACS Nord');
    await page.screenshot({ path: screenshotPath('settings-en') });
    const before = await page.locator('nav').innerText();
    await page.getByTestId('language-select').selectOption('fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    expect(await page.getByTestId('nav-settings').textContent()).toBe('Réglages');
    expect(await page.getByTestId('nav-worklist').textContent()).toBe('Liste de travail');
    expect(await page.getByTestId('connection-state').textContent()).toBe('2 PACS configurés');
    expect(await page.locator('nav').innerText()).not.toBe(before);
    await page.screenshot({ path: screenshotPath('settings-fr') });
  });

  it('keeps the chosen language after a reload', async () => {
    await page.reload();
    await page.locator('[data-testid=connection-state]:not([data-tone=pending])').waitFor();
    expect(await page.getByTestId('nav-worklist').textContent()).toBe('Liste de travail');
    await page.screenshot({ path: screenshotPath('worklist-fr') });
  });

  it('had no request of the page answered with an HTTP error', () => {
    expect(failedResponses).toEqual([]);
  });
});

describe('language from the browser locale', () => {
  let workstation: Workstation | undefined;
  failOnPageErrors(() => workstation);

  it('starts in French for a French browser with no saved choice, and shows what to do without PACS', async () => {
    workstation = await startWorkstation({ webArgs: ['--no-demo'], locale: 'fr-FR' });
    try {
      const page = workstation.page;
      await page.getByTestId('worklist-empty').waitFor();
      await page.locator('[data-testid=connection-state]:not([data-tone=pending])').waitFor();
      expect(await page.getByTestId('nav-worklist').textContent()).toBe('Liste de travail');
      expect(await page.getByTestId('connection-state').textContent()).toBe('Aucun PACS configuré');
      expect(await page.getByTestId('worklist-empty').textContent()).toContain('Ajoutez un PACS');
    } finally {
      await workstation.stop();
    }
  });

  it('with no PACS configured, shows the built-in demo archive in the worklist', async () => {
    workstation = await startWorkstation({ viewport: { width: 1500, height: 900 } });
    try {
      const page = workstation.page;
      await page.locator('[data-testid=page-worklist][data-state=ready]').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('connection-state').textContent()).toBe('1 PACS configured');
      expect(await page.locator('[data-testid=node-outcomes] li[data-node=demo]').getAttribute('data-ok')).toBe('true');
      // The night on call's ten studies and the screening batch's three.
      expect(await page.locator('[data-testid=worklist-table] tbody tr[data-index]').count()).toBe(13);
      // Identity: the same person on both PACS (shared INS) is flagged on each study, never merged;
      // two different people sharing PatientID 100200 under different issuers are not linked.
      const rows = await page.locator('[data-testid=worklist-table] tbody tr[data-index]').evaluateAll((trs) =>
        trs.map((tr) => ({ id: tr.children[2]?.firstChild?.textContent ?? '', flag: tr.querySelector('[data-identity]')?.getAttribute('data-identity') ?? null })),
      );
      const flagOf = (id: string) => rows.find((r) => r.id === id)?.flag;
      expect(flagOf('N0012345')).toBe('certain');
      expect(flagOf('S7788991')).toBe('certain');
      expect(flagOf('N0040004')).toBe('certain');
      expect(rows.filter((r) => r.id === '100200').map((r) => r.flag)).toEqual([null, null]);
      await page.screenshot({ path: screenshotPath('worklist-demo-en') });
    } finally {
      await workstation.stop();
    }
  });

  it('without WebGL2, the viewer says plainly that this computer cannot display images', async () => {
    const noGpu = [...CHROMIUM_ARGS.filter((a) => !/swiftshader|gpu-blocklist/.test(a)), '--disable-gpu', '--disable-software-rasterizer'];
    workstation = await startWorkstation({ webArgs: ['--no-demo'], locale: 'fr-FR', chromiumArgs: noGpu });
    try {
      const page = workstation.page;
      await page.getByTestId('nav-viewer').click();
      const status = page.locator('[data-testid=viewer-status]:not([data-state=checking])');
      await status.waitFor({ timeout: 60_000 });
      expect(await status.getAttribute('data-state')).toBe('WEBGL2_UNAVAILABLE');
      expect(await status.textContent()).toContain('WebGL2 n’est pas disponible');
      await page.screenshot({ path: screenshotPath('viewer-no-webgl2-fr') });
    } finally {
      await workstation.stop();
    }
  });
});

// A bare page: no login, so no workstation.
describe('web mode without the token', () => {
  it('without the token, the browser gets a refusal and no app', async () => {
    const web = await startWebMode(['--no-demo']);
    const context = await launchChromium();
    try {
      const page = await context.newPage();
      const response = await page.goto(web.origin + '/');
      expect(response?.status()).toBe(401);
      expect(await page.content()).not.toContain('id="root"');
    } finally {
      await context.close();
      await web.stop();
    }
  });
});
