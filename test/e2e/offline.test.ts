import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom, type CtPhantomSeries } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

// Offline reading (issue 5 items 3 and 8): a study viewed from a real PACS is cached as it is
// viewed (metadata, series list, worklist record, frames); with the PACS stopped and the page
// reloaded, the worklist lists it as offline and it opens from the cache without one request to
// the gateway; a frame whose cache record is damaged shows its error while the others display.

const NODE = 'pacs-offline';
const SLICES = 6;
const patient = { PatientName: 'OFFLINE^Odile', PatientID: 'OFF-1', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19700101', PatientSex: 'F' as const };
const study = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9301', StudyDate: toDicomDate(new Date()), StudyTime: '020000', AccessionNumber: 'OFF1', StudyID: '1', StudyDescription: 'CT offline' };

interface Probe {
  valueAt(column: number, row: number): number | undefined;
  currentImageId(): string | undefined;
}

describe('offline reading from the local cache (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let pacsStopped = false;
  let phantom: CtPhantomSeries;
  let workstation: Workstation;
  let page: Page;
  const onlineValues: (number | undefined)[] = [];
  let gatewayRequests: string[] = [];

  beforeAll(async () => {
    phantom = generateCtPhantom({ seed: 'e2e-offline', patient, study, Rows: 128, Columns: 128, slices: SLICES });
    pacs = await startOrthanc({ name: 'e2e-offline', aeTitle: 'E2E_OFFLINE', username: 'offline', password: 'offline-secret' });
    await storeInstancesStow(pacs, phantom.instances.map((i) => i.buffer));
    workstation = await startWorkstation({
      nodes: [dicomwebNode(NODE, 'PACS Offline', pacs)],
      viewport: { width: 1400, height: 900 },
      onPage: (p) => {
        p.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && console.log(`page ${m.type()}: ${m.text()}`));
        p.on('request', (r) => {
          if (new URL(r.url()).pathname.startsWith('/gateway/')) gatewayRequests.push(r.url());
        });
      },
    });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    if (!pacsStopped) await pacs?.stop({ graceMs: 0 });
  });
  failOnPageErrors(() => workstation);

  const viewport = () => page.getByTestId('stack-viewport');
  const row = () => page.locator(`[data-testid=worklist-table] tbody tr[data-study="${study.StudyInstanceUID}"]`);
  const valueAt = (column: number, row: number) => viewport().evaluate((el, [c, r]) => (el as unknown as { gardeStackView: Probe }).gardeStackView.valueAt(c!, r!), [column, row]);
  const currentImageId = () => viewport().evaluate((el) => (el as unknown as { gardeStackView: Probe }).gardeStackView.currentImageId());

  async function openFromWorklist(): Promise<void> {
    await page.locator('[data-testid=page-worklist][data-state=ready]').waitFor({ timeout: 60_000 });
    await row().click();
    await page.getByTestId('worklist-table').press('Enter');
    await page
      .locator('[data-testid=stack-viewport][data-state=ready]')
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        // What the viewer shows instead, for the failure report.
        console.log('viewer:', await page.getByTestId('study-viewer').innerText().catch(() => '(no viewer)'), await viewport().getAttribute('data-state').catch(() => '(no viewport)'));
        throw error;
      });
  }

  /** Moves one image down and waits until it is shown (ready) or reported (error). */
  async function next(): Promise<string> {
    const index = Number(await viewport().getAttribute('data-index'));
    await viewport().press('ArrowDown');
    await page.locator(`[data-testid=stack-viewport][data-index="${index + 1}"]:is([data-state=ready],[data-state=error])`).waitFor({ timeout: 30_000 });
    return (await viewport().getAttribute('data-state'))!;
  }

  /** Counts of the cache's records for the study, read with IndexedDB itself. */
  function cacheCounts(): Promise<{ instances: number; frames: number; seriesList: boolean; worklist: boolean }> {
    return page.evaluate(
      ([nodeId, uid]) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('garde-cache');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['instances', 'frames', 'studies']);
            const out = { instances: 0, frames: 0, seriesList: false, worklist: false };
            const key = IDBKeyRange.only([nodeId, uid]);
            tx.objectStore('instances').index('[nodeId+StudyInstanceUID]').count(key).onsuccess = (e) => (out.instances = (e.target as IDBRequest<number>).result);
            tx.objectStore('frames').index('[nodeId+StudyInstanceUID]').count(key).onsuccess = (e) => (out.frames = (e.target as IDBRequest<number>).result);
            tx.objectStore('studies').get([nodeId!, uid!]).onsuccess = (e) => {
              const s = (e.target as IDBRequest<{ seriesList?: unknown; worklist?: unknown } | undefined>).result;
              out.seriesList = !!s?.seriesList;
              out.worklist = !!s?.worklist;
            };
            tx.oncomplete = () => (open.result.close(), resolve(out));
          };
        }),
      [NODE, study.StudyInstanceUID],
    );
  }

  it('caches the study as it is viewed from the PACS: metadata, series list, worklist record and every frame shown', async () => {
    await openFromWorklist();
    onlineValues.push(await valueAt(64, 64));
    for (let k = 1; k < SLICES; k += 1) {
      expect(await next()).toBe('ready');
      onlineValues.push(await valueAt(64, 64));
    }
    await expect.poll(cacheCounts, { timeout: 20_000 }).toEqual({ instances: SLICES, frames: SLICES, seriesList: true, worklist: true });
    // The request counter sees the gateway: here every frame came through it once.
    expect(gatewayRequests.filter((u) => u.includes('/frames/')).length).toBe(SLICES);
  });

  it('lists the study as offline from the cache when its PACS is stopped, and says so on the node', async () => {
    await pacs.stop({ graceMs: 0 });
    pacsStopped = true;
    await page.reload();
    await page.locator('[data-testid=page-worklist][data-state=ready]').waitFor({ timeout: 60_000 });
    const chip = page.locator(`[data-testid=node-outcomes] li[data-node=${NODE}]`);
    expect(await chip.getAttribute('data-ok')).toBe('false');
    expect(await chip.getByTestId('offline-count').getAttribute('data-count')).toBe('1');
    expect(await chip.textContent()).toContain('showing 1 cached study');
    expect(await row().getAttribute('data-offline')).toBe('true');
    expect(await row().getByTestId('cache-badge').textContent()).toBe('offline · cached');
    expect(await row().locator('.patient-name').textContent()).toBe('OFFLINE Odile');
    await page.screenshot({ path: screenshotPath('offline-worklist') });
  });

  it('opens the cached study without a single request to the gateway, and shows its images', async () => {
    gatewayRequests = [];
    await openFromWorklist();
    expect(await currentImageId()).toContain(phantom.instances[0]!.SOPInstanceUID);
    expect(await page.locator('[data-testid=series-list] button').textContent()).toContain(`${SLICES} images`);
    expect(await valueAt(64, 64)).toBe(onlineValues[0]);
    for (let k = 1; k < SLICES; k += 1) {
      expect(await next()).toBe('ready');
      expect(await valueAt(64, 64)).toBe(onlineValues[k]);
    }
    expect(gatewayRequests).toEqual([]);
    await page.screenshot({ path: screenshotPath('offline-viewer') });
  });

  it('shows the error of a frame whose cache record is damaged, and the other frames', async () => {
    const damaged = phantom.instances[2]!.SOPInstanceUID;
    await page.evaluate(
      ([nodeId, sop]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('garde-cache');
          open.onsuccess = () => {
            const store = open.result.transaction('frames', 'readwrite').objectStore('frames');
            store.get([nodeId!, sop!, 1]).onsuccess = (e) => {
              const record = (e.target as IDBRequest<{ sealed: ArrayBuffer }>).result;
              const bytes = new Uint8Array(record.sealed.slice(0));
              bytes[40] = bytes[40]! ^ 0xff;
              store.put({ ...record, sealed: bytes.buffer });
              store.transaction.oncomplete = () => (open.result.close(), resolve());
              store.transaction.onerror = () => reject(store.transaction.error);
            };
          };
          open.onerror = () => reject(open.error);
        }),
      [NODE, damaged],
    );
    // The viewer asks the stopped PACS for the frame it cannot read from the cache: the gateway answers 503.
    workstation.expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 503 \(Service Unavailable\)$/);
    await page.reload();
    await openFromWorklist();
    expect(await next()).toBe('ready');
    expect(await next()).toBe('error');
    expect(await currentImageId()).toContain(damaged);
    expect(await page.getByTestId('stack-error').textContent()).toMatch(/^Image 3 cannot be displayed.*cannot be decrypted/);
    await page.screenshot({ path: screenshotPath('offline-damaged-frame') });
    for (let k = 3; k < SLICES; k += 1) {
      expect(await next()).toBe('ready');
      expect(await valueAt(64, 64)).toBe(onlineValues[k]);
    }
  });
});
