import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrthanc, type OrthancInstance } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const PASSWORD = 'Orthanc-e2e-pw';

describe('Settings: PACS node management against a real Orthanc (web mode, Chromium, French)', () => {
  let orthanc: OrthancInstance;
  let workstation: Workstation;
  let page: Page;
  const apiBodies: string[] = [];

  beforeAll(async () => {
    orthanc = await startOrthanc({ name: 'settings-e2e', aeTitle: 'SETTINGS_E2E', username: 'radiologue', password: PASSWORD });
    workstation = await startWorkstation({
      webArgs: ['--no-demo'],
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
      onPage: (p) =>
        p.on('response', (r) => {
          if (new URL(r.url()).pathname.startsWith('/api/')) void r.text().then((text) => apiBodies.push(text), () => undefined);
        }),
    });
    page = workstation.page;
    await page.getByTestId('nav-settings').click();
    await page.locator('[data-testid=node-settings][data-state=ready]').waitFor();
  });
  afterAll(async () => {
    await workstation?.stop();
    await orthanc?.stop();
  });
  failOnPageErrors(() => workstation);

  const result = () => page.getByTestId('node-form').getByTestId('node-test-result');
  const waitForTest = () => page.locator('[data-testid=node-form] [data-testid=node-test-result]:not([data-state=running])').waitFor({ timeout: 30_000 });
  const connectionIs = (text: string) => page.locator('[data-testid=connection-state]', { hasText: text }).waitFor();
  const field = (name: string) => page.getByTestId(`node-${name}`);

  it('starts empty and warns that web mode keeps credentials in the nodes file', async () => {
    expect(await page.getByTestId('node-list-empty').isVisible()).toBe(true);
    expect(await page.getByTestId('credentials-warning').textContent()).toContain('En mode web, les identifiants sont conservés dans le fichier des PACS');
  });

  it('Test with the Orthanc URL and credentials: success in plain French', async () => {
    await page.getByTestId('node-add').click();
    await field('name').fill('PACS Essai');
    await field('baseUrl').fill(orthanc.dicomWebUrl);
    await field('username').fill(orthanc.username);
    await field('password').fill(PASSWORD);
    await page.getByTestId('node-test').click();
    await waitForTest();
    expect(await result().getAttribute('data-state')).toBe('ok');
    expect(await result().textContent()).toMatch(/^La connexion fonctionne : le PACS a répondu en \d+ ms\.$/);
    await page.screenshot({ path: screenshotPath('settings-nodes-test-ok') });
  });

  it('Test with a wrong password: a clear failure message', async () => {
    await field('password').fill('not-the-password');
    await page.getByTestId('node-test').click();
    await waitForTest();
    expect(await result().getAttribute('data-state')).toBe('failed');
    const text = await result().textContent();
    expect(text).toContain('La connexion a échoué : Le PACS a refusé l’identification (nom d’utilisateur, mot de passe ou jeton erroné).');
    expect(text).toContain('PACS Essai refused the credentials (HTTP 401)');
    await page.screenshot({ path: screenshotPath('settings-nodes-test-failed') });
  });

  it('an invalid address is shown next to its field, in French', async () => {
    await field('baseUrl').fill('ftp://pacs.example');
    await page.getByTestId('node-save').click();
    await page.getByTestId('issue-baseUrl').waitFor();
    expect(await page.getByTestId('issue-baseUrl').textContent()).toBe('Une adresse http:// ou https://, sans nom d’utilisateur, requête ni #.');
    expect(await page.getByTestId('node-form-error').textContent()).toContain('Certains champs sont à corriger.');
  });

  it('saves the node: it appears in the list, without any secret, and in the nodes file (mode 0600)', async () => {
    await field('baseUrl').fill(orthanc.dicomWebUrl);
    await field('password').fill(PASSWORD);
    await page.getByTestId('node-save').click();
    const row = page.locator('[data-testid=node-row][data-node=pacs-essai]');
    await row.waitFor();
    expect(await page.getByTestId('node-form').count()).toBe(0);
    const rowText = await row.textContent();
    expect(rowText).toContain('PACS Essai');
    expect(rowText).toContain(orthanc.dicomWebUrl);
    await connectionIs('1 PACS configuré');
    const file = join(workstation.web.dataDir, 'nodes.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).nodes[0]).toMatchObject({ id: 'pacs-essai', auth: { type: 'basic', username: 'radiologue', password: PASSWORD } });
    expect(statSync(file).mode & 0o777).toBe(0o600);

    await row.getByTestId('node-row-test').click();
    await row.locator('[data-testid=node-state][data-state=yes]').waitFor({ timeout: 30_000 });
    expect(await row.getByTestId('node-state').textContent()).toBe('Joignable');
    await page.screenshot({ path: screenshotPath('settings-nodes-list') });
  });

  it('editing shows write-only secret fields: left empty, the stored password still works', async () => {
    await page.getByTestId('node-edit').click();
    expect(await field('password').inputValue()).toBe('');
    expect(await field('password').getAttribute('placeholder')).toBe('inchangé');
    expect(await field('id').isDisabled()).toBe(true);
    await page.getByTestId('node-test').click();
    await waitForTest();
    expect(await result().getAttribute('data-state')).toBe('ok');
    await page.screenshot({ path: screenshotPath('settings-nodes-edit') });
    await page.getByTestId('node-cancel').click();
  });

  it('advanced settings: a STOW-RS address on another origin is refused next to its field; timeout and STOW-RS address saved', async () => {
    await page.getByTestId('node-edit').click();
    await page.locator('[data-testid=dicomweb-advanced] summary').click();
    expect(await field('timeoutSeconds').inputValue()).toBe('30');
    await field('stowUrl').fill('https://elsewhere.example/stow');
    await page.getByTestId('node-save').click();
    await page.getByTestId('issue-stowUrl').waitFor();
    await field('stowUrl').fill(`${orthanc.dicomWebUrl}/studies`);
    await field('timeoutSeconds').fill('12,5');
    await page.getByTestId('node-save').click();
    await page.getByTestId('node-form').waitFor({ state: 'detached', timeout: 10_000 });
    const saved = JSON.parse(readFileSync(join(workstation.web.dataDir, 'nodes.json'), 'utf8')).nodes[0];
    expect(saved).toMatchObject({ stowUrl: `${orthanc.dicomWebUrl}/studies`, timeoutMs: 12_500, auth: { password: PASSWORD } });
    await page.getByTestId('node-edit').click();
    expect(await field('timeoutSeconds').inputValue()).toBe('12.5');
    expect(await field('stowUrl').inputValue()).toBe(`${orthanc.dicomWebUrl}/studies`);
    await page.screenshot({ path: screenshotPath('settings-nodes-advanced') });
    await page.getByTestId('node-cancel').click();
  });

  it('removes the node', async () => {
    await page.getByTestId('node-remove').click();
    await page.getByTestId('node-remove-confirm').click();
    await page.getByTestId('node-list-empty').waitFor();
    expect(JSON.parse(readFileSync(join(workstation.web.dataDir, 'nodes.json'), 'utf8'))).toEqual({ nodes: [] });
    await connectionIs('Aucun PACS configuré');
    await page.screenshot({ path: screenshotPath('settings-nodes-removed') });
  });

  it('no API answer ever carried the password or the user name', () => {
    expect(apiBodies.length).toBeGreaterThan(5);
    for (const body of apiBodies) {
      expect(body).not.toContain(PASSWORD);
      expect(body).not.toContain('radiologue');
    }
  });
});
