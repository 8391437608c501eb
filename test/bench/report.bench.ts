// Report benchmark (issue 15): report_send_ms, from the click on "sign and send" to the PACS's
// acknowledgement of every object (the panel says "sent") for a report with 3 key images and 3
// measurements (Enhanced SR + KOS + TID 1500 + encapsulated PDF: built, sealed into the outbox,
// stored through the gateway by STOW-RS on a real Orthanc), beside report_send_bare_stow_ms, the
// same four objects (read back from that Orthanc) sent by one bare STOW-RS from Node to a second
// Orthanc in the same run. Goal <= 1.5x. Web mode, Debian's Chromium, fresh profile per round.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { buildMultipart } from '../../app/dicomweb';
import { generateCtPhantom } from '../../main/demo/samples';
import buildRenderer from '../e2e/globalSetup';
import { launchChromium } from '../e2e/support/chromium';
import { startWebMode } from '../e2e/support/webMode';
import { drawLength, openStudyReport, pacsReportObjects, retrievePart10, saveReader } from '../e2e/support/reportPage';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { median, printFigures } from './support/figures';
import { profiled } from './support/profiled';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const NODE = 'bench-report';
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Clicks "sign and send" in the page and resolves, in the page's clock, when the panel says the PACS received everything. */
const SIGN_TO_SENT = `() => new Promise((resolve, reject) => {
  const panel = document.querySelector('[data-testid=report-panel]');
  const started = performance.now();
  const check = () => {
    const status = document.querySelector('[data-testid=report-panel]')?.getAttribute('data-status');
    if (status === 'sent') return (observer.disconnect(), resolve(performance.now() - started));
    if (status === 'rejected') return (observer.disconnect(), reject(new Error('rejected')));
  };
  const observer = new MutationObserver(check);
  observer.observe(panel.parentElement, { subtree: true, attributes: true, attributeFilter: ['data-status'], childList: true });
  document.querySelector('[data-testid=sign-confirm]').click();
  setTimeout(() => (observer.disconnect(), reject(new Error('not sent in 60 s'))), 60000);
})`;

/** One bare STOW-RS of Part 10 objects to an Orthanc from Node, in milliseconds. */
async function bareStow(pacs: OrthancInstance, objects: Uint8Array[]): Promise<number> {
  const boundary = `bench-${Math.random().toString(16).slice(2)}`;
  const body = buildMultipart(objects.map((bytes) => ({ headers: { 'Content-Type': 'application/dicom' }, body: bytes })), boundary);
  const started = performance.now();
  const res = await fetch(`${pacs.dicomWebUrl}/studies`, { method: 'POST', headers: { authorization: pacs.authorization, 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}`, accept: 'application/dicom+json' }, body: body as Uint8Array<ArrayBuffer> });
  await res.arrayBuffer();
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`bare STOW: HTTP ${res.status}`);
  return ms;
}

/** The Part 10 bytes of the objects Garde wrote in a study, read back from the Orthanc with WADO-RS. */
async function readBack(pacs: OrthancInstance, StudyInstanceUID: string): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const o of await pacsReportObjects(pacs, StudyInstanceUID)) out.push(await retrievePart10(pacs, StudyInstanceUID, o.json));
  return out;
}

async function main(): Promise<void> {
  log(`bench report: building the renderer, starting two Orthancs (load average ${loadavg()[0]!.toFixed(2)})`);
  buildRenderer();
  const pacs = await startOrthanc({ name: 'bench-report', aeTitle: 'BENCH_RPT', username: 'bench', password: 'bench-secret' });
  const bare = await startOrthanc({ name: 'bench-report-bare', aeTitle: 'BENCH_RPT_B', username: 'bench', password: 'bench-secret' });
  const studies = Array.from({ length: ROUNDS }, (_, k) =>
    generateCtPhantom({
      seed: `bench-report-${k}`,
      patient: { PatientName: `BENCH^REPORT${k}`, PatientID: `BENCH-RPT-${k}`, PatientBirthDate: `1950010${k + 1}`, PatientSex: 'F' },
      study: { StudyInstanceUID: `1.2.826.0.1.3680043.10.543.9951${k}`, StudyDate: toDicomDate(new Date()), StudyTime: '010000', AccessionNumber: `BR${k}`, StudyID: String(k), StudyDescription: 'Bench report CT' },
      Rows: 128,
      Columns: 128,
      slices: 8,
    }),
  );
  for (const s of studies) await storeInstancesStow(pacs, s.instances.map((i) => i.buffer));
  const dir = mkdtempSync(join(tmpdir(), 'garde-bench-report-'));
  const nodesFile = join(dir, 'nodes.json');
  writeFileSync(nodesFile, JSON.stringify({ nodes: [{ id: NODE, name: 'Bench', kind: 'dicomweb', baseUrl: pacs.dicomWebUrl, auth: { type: 'basic', username: pacs.username, password: pacs.password } }] }));
  const web = await startWebMode(['--nodes', nodesFile]);
  const sent: number[] = [];
  const stowed: number[] = [];
  let bytes = 0;
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const uid = studies[round]!.instances[0]!.StudyInstanceUID;
      const context = await launchChromium({ viewport: { width: 1400, height: 900 } });
      try {
        const page = await context.newPage();
        page.on('pageerror', (e) => log(`  page error: ${e.message.slice(0, 300)}`));
        page.on('console', (m) => m.text().startsWith('T ') && log(`  ${m.text()}`));
        await page.goto(web.url);
        await saveReader(page);
        await openStudyReport(page, uid);
        await page.getByTestId('report-begin').click();
        await page.getByTestId('report-findings').fill('Nodule du lobe supérieur droit. Pas d’épanchement. Médiastin normal.');
        await page.getByTestId('report-conclusion').fill('Nodule de 8 mm à contrôler à 3 mois.');
        for (let k = 0; k < 3; k += 1) {
          await drawLength(page, [20 + 10 * k, 40], [60 + 10 * k, 70]);
          await page.getByTestId('stack-viewport').first().click({ position: { x: 5, y: 5 } });
          await page.keyboard.press('Escape');
          await page.keyboard.press('k');
          await page.keyboard.press('ArrowDown');
        }
        await page.locator('[data-testid=key-image]').nth(2).waitFor();
        await page.locator('[data-testid=report-panel][data-saved=true]').waitFor();
        const sign = page.getByTestId('report-sign');
        if (await sign.isDisabled()) throw new Error(`sign disabled: ${await page.getByTestId('report-blocker').getAttribute('data-blocker')}`);
        await sign.click();
        await page.getByTestId('sign-dialog').waitFor();
        sent.push(await profiled(page, 'sign to sent', async () => (await page.evaluate(`(${SIGN_TO_SENT})()`)) as number));
        // Where the time went: the app's User Timing marks, from the sign mark.
        const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('garde:report:') || m.name.startsWith('garde:outbox:')).map((m) => [m.name.replace(/^garde:/, ''), m.startTime] as const));
        const t0 = marks.find(([n]) => n === 'report:sign')?.[1] ?? 0;
        log(`  marks: ${marks.map(([n, t]) => `${n} +${(t - t0).toFixed(0)} ms`).join(', ')}`);
      } finally {
        await context.close();
      }
      const objects = await readBack(pacs, uid);
      if (objects.length !== 4) throw new Error(`${objects.length} objects on the PACS, 4 expected`);
      bytes = objects.reduce((n, o) => n + o.byteLength, 0);
      stowed.push(await bareStow(bare, objects));
      log(`  round ${round + 1}: sign to acknowledgement ${sent.at(-1)!.toFixed(0)} ms; bare STOW of the same ${objects.length} objects (${(bytes / 1024).toFixed(1)} KiB) ${stowed.at(-1)!.toFixed(0)} ms`);
    }
    const [value, reference] = [median(sent), median(stowed)];
    printFigures([
      { name: 'report_send_ms', value, unit: 'ms', reference, ratio: value / reference, note: `median of ${ROUNDS} rounds; SR + KOS + TID 1500 + PDF, 3 key images, 3 lengths, ${(bytes / 1024).toFixed(1)} KiB; reference: one bare STOW of the same bytes; goal <= 1.5` },
      { name: 'report_send_bare_stow_ms', value: reference, unit: 'ms', reference, ratio: 1, note: 'one STOW-RS of the four objects from Node to a second Orthanc' },
    ]);
  } finally {
    await web.stop();
    await pacs.stop({ graceMs: 0 });
    await bare.stop({ graceMs: 0 });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
