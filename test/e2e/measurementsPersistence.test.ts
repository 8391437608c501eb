import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom, patientToPixel, type CtPhantomSeries, type PhantomSphere } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

// Measurements kept in the encrypted local cache: a length drawn on a CT is listed again, with the
// same value, after a reload; the IndexedDB record shows no figure without the key; a purge of the
// cache removes it.

const NODE = 'pacs-measure';
const patient = { PatientName: 'MESURE^Marie', PatientID: 'MS-4242', PatientBirthDate: '19650203', PatientSex: 'F' as const };
const study = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9701', StudyDate: toDicomDate(new Date()), StudyTime: '030000', AccessionNumber: 'MS1', StudyID: '1', StudyDescription: 'CT measurements kept' };

interface Probe {
  canvasPointOf(column: number, row: number): [number, number] | undefined;
}

/** The raw record of the `measurements` store for a study, read with a plain IndexedDB connection (no key, no Dexie). */
function rawMeasurementRecord(page: Page, nodeId: string, StudyInstanceUID: string): Promise<{ fields: string[]; text: string[]; sealed: number[] } | null> {
  return page.evaluate(
    ([node, uid]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('garde-cache');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('measurements')) return (db.close(), resolve(null));
          const get = db.transaction('measurements').objectStore('measurements').get([node, uid]);
          get.onsuccess = () => {
            db.close();
            const r = get.result as Record<string, unknown> | undefined;
            if (!r) return resolve(null);
            const text = Object.entries(r).flatMap(([k, v]) => (v instanceof ArrayBuffer ? [k] : [k, String(v)]));
            resolve({ fields: Object.keys(r).sort(), text, sealed: [...new Uint8Array(r.sealed as ArrayBuffer)] });
          };
          get.onerror = () => (db.close(), reject(get.error));
        };
      }),
    [nodeId, StudyInstanceUID] as const,
  );
}

describe('measurements kept in the local cache (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let phantom: CtPhantomSeries;
  let workstation: Workstation;
  let page: Page;
  let drawn: number;

  beforeAll(async () => {
    phantom = generateCtPhantom({ seed: 'e2e-measure', patient, study, Rows: 128, Columns: 128, slices: 8, SliceThickness: 5 });
    pacs = await startOrthanc({ name: 'e2e-measure', aeTitle: 'E2E_MEASURE', username: 'measure', password: 'measure-secret' });
    await storeInstancesStow(pacs, phantom.instances.map((i) => i.buffer));
    workstation = await startWorkstation({
      nodes: [dicomwebNode(NODE, 'PACS Mesure', pacs)],
      viewport: { width: 1400, height: 900 },
      onPage: (p) => p.on('dialog', (d) => void d.accept()),
    });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });
  failOnPageErrors(() => workstation);

  const viewport = () => page.getByTestId('stack-viewport');
  async function lengthValue(): Promise<number> {
    const value = page.locator('[data-testid=measurement][data-tool=Length] [data-kind=length]').first();
    await value.waitFor({ timeout: 20_000 });
    return Number(await value.getAttribute('data-value'));
  }
  async function openStudy(): Promise<void> {
    const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${study.StudyInstanceUID}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.getByTestId('worklist-table').press('Enter');
    await page.locator('[data-testid=stack-viewport][data-state=ready]').waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: screenshotPath('measurements-open-failed') });
      throw error;
    });
  }
  async function canvasPoint(column: number, row: number): Promise<[number, number]> {
    const point = await viewport().evaluate((el, [c, r]) => (el as unknown as { gardeStackView: Probe }).gardeStackView.canvasPointOf(c!, r!), [column, row]);
    return point!;
  }

  /** Drags the length tool over 20 pixels across the bone sphere's centre on slice `k` (shown). */
  async function drawLength(k: number): Promise<void> {
    const bone = phantom.objects.find((o): o is PhantomSphere => o.kind === 'sphere' && o.label === 'bone')!;
    const c = patientToPixel([bone.center[0], bone.center[1], phantom.geometry.positions[k]![2]], phantom.geometry.positions[k]!, phantom.geometry.ImageOrientationPatient, phantom.geometry.PixelSpacing);
    await page.getByTestId('tool-Length').click();
    const box = (await viewport().boundingBox())!;
    const a = await canvasPoint(c.column - 10, c.row);
    const b = await canvasPoint(c.column + 10, c.row);
    await page.mouse.move(box.x + a[0], box.y + a[1]);
    await page.mouse.down();
    for (let s = 1; s <= 5; s += 1) await page.mouse.move(box.x + a[0] + ((b[0] - a[0]) * s) / 5, box.y + a[1] + ((b[1] - a[1]) * s) / 5);
    await page.mouse.up();
  }

  it('lists a length drawn on the CT again after a reload, with the same value', async () => {
    await openStudy();
    const k = Number(await viewport().getAttribute('data-index'));
    await drawLength(k);
    // 20 pixels of PixelSpacing mm, within half a pixel, once the drag's last move is applied (the
    // figure itself is checked in viewerTools.test.ts).
    const spacing = phantom.geometry.PixelSpacing[1];
    await expect.poll(async () => Math.abs((await lengthValue()) - 20 * spacing) < spacing / 2, { timeout: 20_000 }).toBe(true);
    drawn = await lengthValue();
    await expect.poll(() => rawMeasurementRecord(page, NODE, study.StudyInstanceUID).then((r) => r !== null), { timeout: 20_000 }).toBe(true);

    await page.reload();
    await openStudy();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=measurement]').length === 1, undefined, { timeout: 20_000 });
    expect(await page.locator('[data-testid=measurement]').getAttribute('data-tool')).toBe('Length');
    expect(await lengthValue()).toBe(drawn);
    expect(await page.locator('[data-testid=measurement] [data-field=slice]').textContent()).toBe(`Im ${k + 1}`);
    await page.screenshot({ path: screenshotPath('measurements-after-reload') });
  });

  it('stores the record sealed: without the key, IndexedDB shows UIDs and a date, no figure, tool or image', async () => {
    const record = (await rawMeasurementRecord(page, NODE, study.StudyInstanceUID))!;
    expect(record.fields).toEqual(['StudyInstanceUID', 'bytes', 'nodeId', 'sealed', 'updatedAt']);
    expect(record.sealed.length).toBeGreaterThan(100);
    const sealed = Buffer.from(record.sealed).toString('latin1');
    const needles = [String(drawn), drawn.toFixed(2), drawn.toFixed(1), 'Length', 'cachedStats', 'handles', 'referencedImageId', phantom.SeriesInstanceUID, phantom.FrameOfReferenceUID];
    for (const needle of needles) {
      expect(sealed.includes(needle), `"${needle}" in the sealed bytes`).toBe(false);
      expect(record.text.some((t) => t.includes(needle)), `"${needle}" in a clear field`).toBe(false);
    }
  });

  it('loses the measurement when the cache is purged', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('cache-purge').click();
    await expect.poll(() => rawMeasurementRecord(page, NODE, study.StudyInstanceUID), { timeout: 20_000 }).toBeNull();
    await page.reload();
    await openStudy();
    // A new length is the only one listed: the purged one is not restored.
    await drawLength(Number(await viewport().getAttribute('data-index')));
    await lengthValue();
    await expect.poll(() => rawMeasurementRecord(page, NODE, study.StudyInstanceUID).then((r) => r !== null), { timeout: 20_000 }).toBe(true);
    expect(await page.locator('[data-testid=measurement]').count()).toBe(1);
  });
});
