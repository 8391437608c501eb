import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMammographyStudy } from '../../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../../fixtures/pacs';
import { dsrdump } from '../../fixtures/report/validators';
import { screenshotPath } from '../support/chromium';
import { retrievePart10, saveReader, READER } from '../support/reportPage';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from '../support/workstation';

// Independent double reading of a screening mammogram (issue 16), three readers on three fresh
// profiles and one Orthanc: the first reader reads it normal; the second reader, who is given no
// trace of the first read before their own (page, local database, network answers), recalls the
// left breast; the case goes to arbitration, where a third reader sees both reads and decides.

const NODE = 'pacs-depistage';
const OUT = join(import.meta.dirname, '..', '..', '..', 'test-output', 'screening');
const who = (familyName: string, professionalId: string) => ({ ...READER, familyName, givenName: 'Lectrice', professionalId, institution: 'Centre régional de dépistage' });
const FIRST = who('PREMIERE', '10000000101');
const SECOND = who('SECONDE', '10000000202');
const ARBITER = who('ARBITRE', '10000000303');

const mg = generateMammographyStudy({
  seed: 'e2e-screening',
  patient: { PatientName: 'DEPISTEE^Jeanne', PatientID: 'DEP-2001', PatientBirthDate: '19640202', PatientSex: 'F' },
  study: { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.16001', StudyDate: '20261203', StudyTime: '101500', AccessionNumber: 'DEP2001', StudyID: '1', StudyDescription: 'Mammographie de dépistage' },
  Rows: 256,
  Columns: 208,
});
const STUDY = mg.StudyInstanceUID;

/** Opens the screening list of `list` and reads its only case, up to the read panel. */
async function openOnlyCase(page: Page, list: 'first' | 'second' | 'arbitration'): Promise<void> {
  await page.getByTestId('nav-screening').click();
  await page.getByTestId(`screening-list-${list}`).click();
  await expect.poll(() => page.locator('[data-testid=screening-cases] tr').count(), { timeout: 30_000 }).toBe(1);
  await page.getByTestId('screening-start').click();
  await page.locator(`[data-testid=study-viewer][data-study="${STUDY}"] [data-testid=stack-viewport][data-state=ready]`).first().waitFor({ timeout: 60_000 });
  await page.locator(`[data-testid=screening-read][data-role=${list}]`).waitFor({ timeout: 30_000 });
}

/** Waits until the PACS holds this reader's read (the panel then says the case is read). */
async function waitDelivered(page: Page): Promise<void> {
  await page.locator('[data-testid=screening-read][data-role=already-read], [data-testid=screening-read][data-role=closed]').waitFor({ timeout: 60_000 });
}

describe('screening double reading (web mode, Chromium, real Orthanc, three readers)', () => {
  let pacs: OrthancInstance;
  const stations: Workstation[] = [];
  const start = async (reader: typeof READER, onPage?: (page: Page) => void) => {
    const station = await startWorkstation({ nodes: [dicomwebNode(NODE, 'PACS Dépistage', pacs)], viewport: { width: 1500, height: 950 }, ...(onPage ? { onPage } : {}) });
    stations.push(station);
    await saveReader(station.page, reader);
    return station;
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    pacs = await startOrthanc({ name: 'e2e-screening', aeTitle: 'E2E_DEPIST', username: 'dep', password: 'dep-secret', workDir: mkdtempSync(join(tmpdir(), 'garde-e2e-screening-')) });
    await storeInstancesStow(pacs, mg.instances.map((i) => i.buffer));
  }, 120_000);
  afterAll(async () => {
    for (const s of stations) await s.stop();
    await pacs?.stop({ graceMs: 0 }).catch(() => undefined);
  });
  for (const n of [0, 1, 2]) failOnPageErrors(() => stations[n]);

  const readsOnPacs = async () => {
    const series = (await (await fetch(`${pacs.dicomWebUrl}/studies/${STUDY}/series?Modality=SR`, { headers: { authorization: pacs.authorization, accept: 'application/dicom+json' } })).json()) as Record<string, { Value?: unknown[] }>[];
    const out: Record<string, { Value?: unknown[] }>[] = [];
    for (const s of series) {
      const uid = s['0020000E']!.Value![0] as string;
      out.push(...((await (await fetch(`${pacs.dicomWebUrl}/studies/${STUDY}/series/${uid}/instances`, { headers: { authorization: pacs.authorization, accept: 'application/dicom+json' } })).json()) as Record<string, { Value?: unknown[] }>[]));
    }
    return out;
  };

  it('the first reader reads the case normal in one key and confirms; the read is on the PACS as SR', async () => {
    const { page } = await start(FIRST);
    await openOnlyCase(page, 'first');
    expect(await page.getByTestId('session-counter').textContent()).toMatch(/1/);
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('read-R-birads-1').getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Enter');
    await waitDelivered(page);
    const reads = await readsOnPacs();
    expect(reads).toHaveLength(1);
    writeFileSync(join(OUT, 'read-1.dcm'), await retrievePart10(pacs, STUDY, reads[0] as never));
    const dump = dsrdump(join(OUT, 'read-1.dcm'));
    expect(dump.status, dump.out).toBe(0);
    expect(dump.out).toContain('PREMIERE^Lectrice');
    expect(dump.out).toContain('Mammography assessment (Category 1) - Negative');
  }, 180_000);

  it('the second reader is given no trace of the first read before their own; then both reads show, discordant', async () => {
    const bodies: string[] = [];
    const { page } = await start(SECOND, (p) =>
      p.on('response', (r) => {
        if (/json|text/.test(r.headers()['content-type'] ?? '')) void r.text().then((t) => bodies.push(t), () => undefined);
      }),
    );
    await openOnlyCase(page, 'second');
    const firstSop = ((await readsOnPacs())[0]!['00080018']!.Value![0]) as string;
    // The page, its local database and every answer it received: nothing of the first read.
    expect(await page.content()).not.toContain('PREMIERE');
    const stored = await page.evaluate(async () => {
      const out: string[] = [];
      for (const { name } of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((ok, ko) => Object.assign(indexedDB.open(name!), { onsuccess: (e: Event) => ok((e.target as IDBOpenDBRequest).result), onerror: ko }));
        for (const store of db.objectStoreNames) {
          const keys = await new Promise<IDBValidKey[]>((ok, ko) => Object.assign(db.transaction(store).objectStore(store).getAllKeys(), { onsuccess: (e: Event) => ok((e.target as IDBRequest<IDBValidKey[]>).result), onerror: ko }));
          out.push(JSON.stringify(keys));
        }
        db.close();
      }
      return out.join('\n');
    });
    expect(stored).not.toContain(firstSop);
    expect(bodies.join('\n')).not.toContain('PREMIERE');
    expect(bodies.join('\n')).not.toContain(firstSop);
    await page.screenshot({ path: screenshotPath('screening-second-reader-blind') });

    await page.getByTestId('read-R-birads-1').click();
    await page.getByTestId('read-L-birads-4').click();
    await page.getByTestId('read-L-recall').check();
    // A mass marked on the left MLO view: breast and view from the image clicked.
    await page.getByTestId('finding-mass').click();
    await page.locator('[data-testid=hanging-cell][data-view="L MLO"] [data-testid=stack-viewport]').click();
    await expect.poll(() => page.getByTestId('finding').count()).toBe(1);
    expect([await page.getByTestId('finding').getAttribute('data-laterality'), await page.getByTestId('finding').getAttribute('data-view')]).toEqual(['L', 'MLO']);
    await page.getByTestId('read-submit').click();
    await waitDelivered(page);
    await page.getByTestId('read-comparison').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('read-comparison').getAttribute('data-discordant')).toBe('true');
    expect(await page.getByTestId('read-row').count()).toBe(2);
    expect(await page.getByTestId('read-comparison').textContent()).toContain('PREMIERE');
    await page.screenshot({ path: screenshotPath('screening-second-reader-after') });
  }, 180_000);

  it('the discordant case is on the arbitration list of a third reader, whose decision closes it', async () => {
    const { page } = await start(ARBITER);
    await openOnlyCase(page, 'arbitration');
    expect(await page.getByTestId('read-row').count()).toBe(2);
    await page.getByTestId('read-R-birads-1').click();
    await page.getByTestId('read-L-birads-4').click();
    await page.getByTestId('read-submit').click();
    await page.locator('[data-testid=case-outcome][data-recall=true]').waitFor({ timeout: 60_000 });
    const reads = await readsOnPacs();
    expect(reads).toHaveLength(3);
    for (const [n, read] of reads.entries()) writeFileSync(join(OUT, `read-${n + 1}.dcm`), await retrievePart10(pacs, STUDY, read as never));
    const dumps = reads.map((_, n) => dsrdump(join(OUT, `read-${n + 1}.dcm`)).out).join('\n');
    expect(dumps).toContain('"Adjudicator"');
    // The second reader's mass, on the left MLO image, as a point selected from it.
    expect(dumps).toMatch(/Mammographic breast mass[\s\S]*?Left breast[\s\S]*?medio-lateral oblique[\s\S]*?SCOORD:=\(POINT,/);
    expect(dumps).toContain('ARBITRE^Lectrice');
    // The readers' statistics of the closed case, saved as CSV from the screening page.
    await page.getByTestId('session-close').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('screening-statistics').click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toContain('SECONDE Lectrice,10000000202,1,1,1.000,1,1.000,1,0');
    expect(csv).toContain('ARBITRE Lectrice,10000000303,0,0,,0,,0,1');
  }, 180_000);
});
