// Frames the decoder is known to get wrong (app/dicom/knownDecodeDefect.ts) are asked again from
// their PACS transcoded to Explicit VR Little Endian and shown with the PACS decoder's values; a
// node that cannot transcode (a folder node) gets the frame refused with a message, never shown wrong.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { describeFile, type FileUnderCheck } from '../pixel/describeFile';
import { referenceFrames } from '../pixel/referenceFrames';
import { syncCall, waitForStudy } from './pages/syncPageHelpers';
import { screenshotPath } from './support/chromium';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
/** pydicom's 12-bit JPEG extended CT (1.2.840.10008.1.2.4.51), decoded wrong by Cornerstone3D's codec. */
const JPEG_EXTENDED = join(PYDICOM, 'JPEG-lossy.dcm');
/** pydicom's JPEG baseline holding RGB components (PhotometricInterpretation RGB), colour-converted wrong. */
const JPEG_RGB = join(PYDICOM, 'SC_rgb_jpeg_lossy_gdcm.dcm');

/** The study of the folder node's copy of the 12-bit JPEG. */
const FOLDER_STUDY = '1.2.826.0.1.3680043.10.543.9301';
/** The study of the PACS's copy of the 12-bit JPEG that is prefetched before it is ever opened. */
const PREFETCHED_STUDY = '1.2.826.0.1.3680043.10.543.9302';

/** A copy of a file under new Study, Series and SOP Instance UIDs (dcmodify leaves the pixel data as it is). */
function copyUnder(source: string, target: string, StudyInstanceUID: string): string {
  copyFileSync(source, target);
  const uids = [`(0020,000D)=${StudyInstanceUID}`, `(0020,000E)=${StudyInstanceUID}.1`, `(0008,0018)=${StudyInstanceUID}.1.1`];
  execFileSync('dcmodify', ['-nb', ...uids.flatMap((u) => ['-i', u]), target]);
  return target;
}

/** The study a file belongs to. */
function studyOf(path: string): string {
  const described = describeFile(path);
  if ('reason' in described) throw new Error(`${path}: ${described.reason}`);
  return described.StudyInstanceUID;
}

describe('decoder defects: transcoded by the PACS, or refused (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let workstation: Workstation;
  let page: Page;
  const transcodeRequests: string[] = [];
  const frameRequests: string[] = [];
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'e2e-transcode', aeTitle: 'E2E_TRANSC', username: 'tx', password: 'tx-secret' });
    await storeInstancesStow(pacs, [readFileSync(JPEG_EXTENDED), readFileSync(JPEG_RGB)]);
    const dir = mkdtempSync(join(tmpdir(), 'garde-e2e-transcode-'));
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    // The folder node holds the 12-bit JPEG under a study of its own (a folder node cannot transcode).
    copyUnder(JPEG_EXTENDED, join(folder, 'jpeg-extended.dcm'), FOLDER_STUDY);
    await storeInstancesStow(pacs, [readFileSync(copyUnder(JPEG_EXTENDED, join(dir, 'prefetched.dcm'), PREFETCHED_STUDY))]);
    const nodes = [dicomwebNode('pacs-tx', 'PACS transcoding', pacs), { id: 'folder-tx', name: 'Folder', kind: 'folder', path: folder }];
    workstation = await startWorkstation({ nodes, viewport: { width: 1200, height: 800 } });
    page = workstation.page;
    page.on('request', (r) => {
      if (!r.url().includes('/frames/')) return;
      frameRequests.push(r.url());
      if ((r.headers()['accept'] ?? '').includes('transfer-syntax=1.2.840.10008.1.2.1')) transcodeRequests.push(r.url());
    });
  }, 120_000);
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });

  /** Opens a study by its link (each study is on one node), then waits for its viewport to settle. */
  const open = async (StudyInstanceUID: string) => {
    await page.goto(`${workstation.web.origin}/open?StudyInstanceUID=${StudyInstanceUID}`);
    await page.getByTestId('patient-banner').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=stack-viewport][data-state=ready], [data-testid=stack-viewport][data-state=error]').waitFor({ timeout: 60_000 });
  };

  /** The values the viewport's current image holds, read through the page's own image cache. */
  const shownValues = () =>
    page.getByTestId('stack-viewport').evaluate(async (element) => {
      type Diagnostics = { modalityValues(id: string): Promise<{ Rows: number; Columns: number; SamplesPerPixel: number; values: number[] }> };
      const imageId = (element as unknown as { gardeStackView: { currentImageId(): string } }).gardeStackView.currentImageId();
      return (globalThis as unknown as { gardeFrameDiagnostics: Diagnostics }).gardeFrameDiagnostics.modalityValues(imageId);
    });

  /** Largest absolute difference between what is shown and GDCM's decode of the file (gdcmraw -P). */
  const maxDifference = async (path: string) => {
    const file = describeFile(path) as FileUnderCheck;
    const reference = referenceFrames(file)[0]!;
    const shown = await shownValues();
    expect([shown.Rows, shown.Columns, shown.SamplesPerPixel]).toEqual([file.Rows, file.Columns, file.SamplesPerPixel]);
    let max = 0;
    for (let i = 0; i < reference.length; i++) max = Math.max(max, Math.abs(reference[i]! - shown.values[i]!));
    return max;
  };

  it('shows a 12-bit JPEG extended CT transcoded by its PACS, every value equal to GDCM’s decode', async () => {
    await open(studyOf(JPEG_EXTENDED));
    expect(await page.getByTestId('stack-viewport').getAttribute('data-state')).toBe('ready');
    expect(transcodeRequests.length).toBeGreaterThanOrEqual(1);
    expect(await maxDifference(JPEG_EXTENDED)).toBe(0);
    await page.screenshot({ path: screenshotPath('transcode-jpeg-extended') });
  });

  it('shows a JPEG baseline holding RGB components with GDCM’s colours', async () => {
    const before = transcodeRequests.length;
    await open(studyOf(JPEG_RGB));
    expect(await page.getByTestId('stack-viewport').getAttribute('data-state')).toBe('ready');
    expect(transcodeRequests.length).toBeGreaterThan(before);
    expect(await maxDifference(JPEG_RGB)).toBe(0);
  });

  it('opens the transcoded frame from the cache afterwards, with no frame request', async () => {
    await page.reload();
    const before = frameRequests.length;
    await open(studyOf(JPEG_EXTENDED));
    expect(await page.getByTestId('stack-viewport').getAttribute('data-state')).toBe('ready');
    expect(frameRequests.length).toBe(before);
    expect(await maxDifference(JPEG_EXTENDED)).toBe(0);
  });

  it('refuses the frame, naming syntax and defect, when its node cannot transcode', async () => {
    // The folder node answers the request for a transcoded frame with 406 Not Acceptable.
    workstation.expectErrors(/^console\.error: Failed to load resource: the server responded with a status of 406 \(Not Acceptable\)$/);
    await open(FOLDER_STUDY);
    const error = page.getByTestId('stack-error');
    await error.waitFor({ timeout: 60_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('JPEG Extended (Process 2 & 4) (1.2.840.10008.1.2.4.51)');
    expect(text).toContain('12-bit JPEG extended frames decode to wrong values');
    expect(await page.getByTestId('stack-viewport').getAttribute('data-state')).toBe('error');
    await page.screenshot({ path: screenshotPath('transcode-refused-folder') });
  });
  it('prefetches a 12-bit JPEG study transcoded, so it opens from the cache with no frame request and GDCM’s values', async () => {
    await page.reload();
    await syncCall(page, 'enqueue', [{ nodeId: 'pacs-tx', StudyInstanceUID: PREFETCHED_STUDY, reason: 'worklist', priority: 0 }]);
    await waitForStudy(page, PREFETCHED_STUDY, (s) => s.state === 'done', 60_000);
    const stored = await syncCall<{ contentType: string }>(page, 'cachedFrame', 'pacs-tx', `${PREFETCHED_STUDY}.1.1`, 1);
    expect(stored.contentType).toMatch(/transfer-syntax=1\.2\.840\.10008\.1\.2\.1$/);
    const before = frameRequests.length;
    await open(PREFETCHED_STUDY);
    expect(await page.getByTestId('stack-viewport').getAttribute('data-state')).toBe('ready');
    expect(frameRequests.length).toBe(before);
    expect(await maxDifference(JPEG_EXTENDED)).toBe(0);
  });
});
