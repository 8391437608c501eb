import * as dicomParser from 'dicom-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCtPhantom, generateEnhancedMr } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';
import { idbFrames, syncCall, waitForStudy, type SyncStudy } from './pages/syncPageHelpers';

// Multi-frame instances in the prefetch (issue 5): an Enhanced MR Image of 60 frames in one
// instance beside 5 single-frame CT slices in the same study. Progress and "offline ready" count
// frames (65), not instances (6); each frame is cached under its own number with its own bytes.

const NODE = 'pacs-multiframe';
const StudyInstanceUID = '1.2.826.0.1.3680043.10.543.9951';
const FRAMES = 60;
const study = { StudyInstanceUID, StudyDate: '20240401', StudyTime: '020000', AccessionNumber: 'MF1', StudyID: '1', StudyDescription: 'Enhanced MR and CT' };
const patient = { PatientName: 'MULTI^FRAME', PatientID: 'MF-1', PatientBirthDate: '19750101', PatientSex: 'O' as const };

describe('multi-frame instances in the prefetch (web mode, Chromium, real Orthanc)', () => {
  let pacs: OrthancInstance;
  let workstation: Workstation;
  let page: Page;
  const mr = generateEnhancedMr({ seed: 'multiframe', patient, study, Rows: 256, Columns: 256, frames: FRAMES, SeriesNumber: 1 });
  const ct = generateCtPhantom({ seed: 'multiframe', patient, study, Rows: 128, Columns: 128, slices: 5, SeriesNumber: 2 });
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    pacs = await startOrthanc({ name: 'multiframe', aeTitle: 'MULTIFRAME', username: 'mf', password: 'mf-secret' });
    await storeInstancesStow(pacs, [mr.instance.buffer, ...ct.instances.map((x) => x.buffer)]);
    workstation = await startWorkstation({ nodes: [dicomwebNode(NODE, 'Multi-frame PACS', pacs)] });
    page = workstation.page;
    await page.getByTestId('sync-status').waitFor({ timeout: 60_000 });
  }, 300_000);
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });

  it('counts frames, not instances, in progress and offline ready; each frame cached with its own bytes', async () => {
    // A slow link so the progress is seen while the multi-frame instance streams.
    const cdp = await workstation.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 2e6, uploadThroughput: -1 });
    await syncCall(page, 'enqueue', [{ nodeId: NODE, StudyInstanceUID, reason: 'worklist', priority: 0 }]);
    const seen: SyncStudy[] = [];
    const done = await waitForStudy(page, StudyInstanceUID, (s) => (seen.push(s), s.state === 'done'), 120_000);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    // While running, the total was the frame count of the series known so far (5 CT frames, 60 MR
    // frames, 65 with both), never an instance count (1 or 6).
    const totalsWhileRunning = new Set(seen.filter((s) => s.state === 'running' && s.totalFrames > 0).map((s) => s.totalFrames));
    for (const total of totalsWhileRunning) expect([5, FRAMES, FRAMES + 5]).toContain(total);
    expect(Math.max(...totalsWhileRunning)).toBeGreaterThanOrEqual(FRAMES);
    expect(seen.some((s) => s.state === 'running' && s.totalFrames > 0 && s.storedFrames < s.totalFrames)).toBe(true);
    expect(done.totalFrames).toBe(FRAMES + 5);
    expect(done.storedFrames).toBe(FRAMES + 5);

    const frames = await idbFrames(page, NODE, StudyInstanceUID);
    expect(frames).toHaveLength(FRAMES + 5);
    const mrFrames = frames.filter((f) => f.sop === mr.instance.SOPInstanceUID).map((f) => f.frame).sort((a, b) => a - b);
    expect(mrFrames).toEqual(Array.from({ length: FRAMES }, (_, k) => k + 1));

    // Frame k of the cache is the k-th Rows x Columns x 2 bytes of the MR's PixelData.
    const bytes = new Uint8Array(mr.instance.buffer);
    const pixelData = dicomParser.parseDicom(bytes).elements.x7fe00010!;
    const frameSize = 256 * 256 * 2;
    for (const k of [1, 2, 37, FRAMES]) {
      const cached = await syncCall<{ bytes: Record<string, number> | number[] }>(page, 'cachedFrame', NODE, mr.instance.SOPInstanceUID, k).then((f) => Uint8Array.from(Object.values(f.bytes)));
      const expected = bytes.subarray(pixelData.dataOffset + (k - 1) * frameSize, pixelData.dataOffset + k * frameSize);
      expect(cached.length).toBe(frameSize);
      expect(Buffer.compare(Buffer.from(cached), Buffer.from(expected))).toBe(0);
    }

    // The top bar counts the study once, offline ready.
    await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-done')).toBe('1');
  }, 300_000);
});
