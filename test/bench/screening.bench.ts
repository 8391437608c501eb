// Screening reading benchmark (issue 16): a batch of 4-view screening mammograms, prefetched into
// the local cache, read one after the other in a screening session, in Debian's Chromium on the
// web-mode workstation (production build) and one real Orthanc:
// - screening_next_case_ms: from the Enter that opens the next case (after the read of the case
//   before is given) to the four views drawn, a pixel of each read back from its canvas;
// - screening_ttfi_cached_ms: the reference it is printed beside, measured in the same run: Enter on
//   the worklist row of one of these cached mammograms to the same four views drawn. Goal: ratio <= 1.2.
// Figures are printed, never asserted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateMammographyStudy } from '../../main/demo/samples';
import { launchChromium } from '../e2e/support/chromium';
import { waitForStudy, syncCall } from '../e2e/pages/syncPageHelpers';
import { saveReader } from '../e2e/support/reportPage';
import { startWebMode, type WebMode } from '../e2e/support/webMode';
import { startOrthanc, storeInstancesStow } from '../fixtures/pacs';
import { median, printFigures } from './support/figures';
import { buildBenchRenderer, log } from './support/viewerBench';

const CASES = Number(process.env.BENCH_CASES ?? 6);
const NODE = 'bench-screening';

/**
 * Page script: on the next Enter, times until four views of a study other than `from` are drawn
 * and a pixel of each is read back (`window.benchFourViews`). A string, so the bundler's helpers
 * never reach the page.
 */
const installTimer = (from: string) => `
window.benchFourViews = new Promise((resolve) => {
  let started;
  const ready = () => {
    const viewer = [...document.querySelectorAll('[data-testid=study-viewer]')].find((v) => v.dataset.study !== ${JSON.stringify(from)});
    const views = viewer ? [...viewer.querySelectorAll('[data-testid=stack-viewport][data-state=ready] canvas')] : [];
    if (views.length < 4) return undefined;
    for (const canvas of views) canvas.getContext('2d')?.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1);
    return viewer.dataset.study;
  };
  const observer = new MutationObserver(() => {
    if (started === undefined) return;
    const study = ready();
    if (!study) return;
    observer.disconnect();
    resolve({ ms: performance.now() - started, study });
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || started !== undefined) return;
    started = performance.now();
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  }, true);
});
undefined;
`;

async function fourViewsAfterEnter(page: Page, from: string, press: () => Promise<void>): Promise<{ ms: number; study: string }> {
  await page.evaluate(installTimer(from));
  await press();
  const result = await page.evaluate(() => Promise.race([(window as unknown as { benchFourViews: Promise<{ ms: number; study: string }> }).benchFourViews, new Promise<undefined>((r) => setTimeout(r, 60_000))]));
  if (!result) throw new Error('four views not drawn within 60 s');
  return result;
}

async function main(): Promise<void> {
  log(`bench screening: building the renderer, starting Orthanc and storing ${CASES} screening mammograms`);
  const rendererDir = buildBenchRenderer();
  const pacs = await startOrthanc({ name: 'bench-screening', aeTitle: 'BENCH_MG', username: 'bench', password: 'bench-secret' });
  const contexts: BrowserContext[] = [];
  let web: WebMode | undefined;
  try {
    const today = toDicomDate(new Date());
    const studies = Array.from({ length: CASES }, (_, n) =>
      generateMammographyStudy({
        seed: `bench-screening-${n}`,
        patient: { PatientName: `BENCH^Depistage${n}`, PatientID: `BENCH-MG-${n}`, PatientBirthDate: '19620101', PatientSex: 'F' },
        study: { StudyInstanceUID: `1.2.826.0.1.3680043.10.543.9160${n}`, StudyDate: today, StudyTime: `0${n}0000`, AccessionNumber: `BMG${n}`, StudyID: String(n), StudyDescription: 'Bench screening' },
        Rows: 2048,
        Columns: 1664,
      }),
    );
    for (const s of studies) await storeInstancesStow(pacs, s.instances.map((i) => i.buffer));
    const nodesFile = join(mkdtempSync(join(tmpdir(), 'garde-bench-nodes-')), 'nodes.json');
    writeFileSync(nodesFile, JSON.stringify({ nodes: [{ id: NODE, name: 'Bench', kind: 'dicomweb', baseUrl: pacs.dicomWebUrl, auth: { type: 'basic', username: pacs.username, password: pacs.password } }] }));
    web = await startWebMode(['--nodes', nodesFile, '--renderer', rendererDir]);
    const context = await launchChromium({ viewport: { width: 1600, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`  page error: ${e.message.slice(0, 300)}`));
    await page.goto(web.url);
    await saveReader(page);
    await syncCall(page, 'prefetch', { fromDate: today });
    for (const s of studies) await waitForStudy(page, s.StudyInstanceUID, (x) => x.state === 'done', 300_000);
    log('  the batch is prefetched');

    // The reference: each cached mammogram opened from the worklist (reload between, as the viewer bench does).
    const reference: number[] = [];
    for (const s of studies) {
      await page.reload();
      await page.getByTestId('nav-worklist').click();
      await page.locator('[data-testid=page-worklist][data-state=ready]').waitFor({ timeout: 120_000 });
      await page.locator(`[data-testid=worklist-table] tbody tr[data-study="${s.StudyInstanceUID}"]`).click();
      const opened = await fourViewsAfterEnter(page, '', () => page.getByTestId('worklist-table').press('Enter'));
      reference.push(opened.ms);
      log(`  worklist → four views (cached): ${opened.ms.toFixed(0)} ms`);
    }

    // The session: the first case opened, then each next case after the read is given (N, Enter).
    await page.reload();
    await page.getByTestId('nav-screening').click();
    await page.locator('[data-testid=screening-cases] tr').nth(CASES - 1).waitFor({ timeout: 120_000 });
    await page.getByTestId('screening-start').click();
    let current = await page.locator('[data-testid=screening-session] [data-testid=study-viewer]').getAttribute('data-study');
    await page.locator('[data-testid=screening-session] [data-testid=stack-viewport][data-state=ready]').nth(3).waitFor({ timeout: 60_000 });
    const next: number[] = [];
    for (let n = 1; n < CASES; n += 1) {
      await page.locator('[data-testid=screening-read][data-role=first]').waitFor({ timeout: 30_000 });
      await page.keyboard.press('n');
      await page.keyboard.press('Enter');
      await page.locator('[data-testid=screening-read][data-submitted=true]').waitFor({ timeout: 30_000 });
      const opened = await fourViewsAfterEnter(page, current ?? '', () => page.keyboard.press('Enter'));
      next.push(opened.ms);
      current = opened.study;
      log(`  next case → four views: ${opened.ms.toFixed(0)} ms`);
    }
    const ref = median(reference);
    printFigures([
      { name: 'screening_next_case_ms', value: median(next), unit: 'ms', reference: ref, ratio: median(next) / ref, note: `median of ${next.length}, cases prefetched; reference: worklist to the same four views from the cache, goal ratio <= 1.2` },
      { name: 'screening_ttfi_cached_ms', value: ref, unit: 'ms', reference: ref, ratio: 1, note: `median of ${reference.length}: Enter on the worklist to four cached mammography views drawn` },
    ]);
    // What the Orthanc holds afterwards: one read per case read (checked, not timed).
    const res = await fetch(`${pacs.dicomWebUrl}/instances?Modality=SR`, { headers: { authorization: pacs.authorization, accept: 'application/dicom+json' } });
    log(`  reads on the PACS: ${res.status === 204 ? 0 : ((await res.json()) as unknown[]).length} (${CASES - 1} given)`);
  } finally {
    for (const c of contexts) await c.close().catch(() => undefined);
    await web?.stop();
    await pacs.stop({ graceMs: 0 });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
