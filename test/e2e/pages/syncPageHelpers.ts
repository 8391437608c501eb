import type { Page } from 'playwright-core';
import { startOrthanc, type RegionalPacs } from '../../fixtures/pacs';

/** A study of the sync progress snapshot, as `globalThis.gardeSync.snapshot()` lists it. */
export interface SyncStudy {
  nodeId: string;
  StudyInstanceUID: string;
  state: 'queued' | 'waiting' | 'running' | 'done' | 'failed';
  reason?: string;
  storedFrames: number;
  totalFrames: number;
  bytes: number;
}

/** The gateway node id of a regional PACS (PACS_NORD -> pacs-nord). */
export function nodeIdOf(p: { id: string }): string {
  return p.id.toLowerCase().replace(/_/g, '-');
}

/** Calls one method of the page's `globalThis.gardeSync` (renderer/sync/syncService.ts). */
export async function syncCall<T = unknown>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  await page.waitForFunction(() => 'gardeSync' in globalThis, undefined, { timeout: 60_000 });
  return page.evaluate(([m, a]) => (globalThis as unknown as { gardeSync: Record<string, (...x: unknown[]) => unknown> }).gardeSync[m as string]!(...(a as unknown[])), [method, args] as const) as Promise<T>;
}

/** Polls the page's sync snapshot until a study matches `ready`; returns it. */
export async function waitForStudy(page: Page, StudyInstanceUID: string, ready: (s: SyncStudy) => boolean, timeoutMs: number): Promise<SyncStudy> {
  const deadline = Date.now() + timeoutMs;
  let last: SyncStudy | undefined;
  while (Date.now() < deadline) {
    const snap = await syncCall<{ studies: SyncStudy[] }>(page, 'snapshot').catch(() => undefined);
    last = snap?.studies.find((s) => s.StudyInstanceUID === StudyInstanceUID);
    if (last && ready(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`study ${StudyInstanceUID} not ready in ${timeoutMs} ms; last seen ${JSON.stringify(last)}`);
}

/** The frame records of a study in the page's cache (IndexedDB itself): instance, frame number, sealed size. */
export function idbFrames(page: Page, nodeId: string, StudyInstanceUID: string): Promise<{ sop: string; frame: number; bytes: number }[]> {
  return page.evaluate(
    ([node, uid]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('garde-cache');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const out: { sop: string; frame: number; bytes: number }[] = [];
          const tx = open.result.transaction(['frames']);
          const cursor = tx.objectStore('frames').index('[nodeId+StudyInstanceUID]').openCursor(IDBKeyRange.only([node, uid]));
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return;
            const v = c.value as { SOPInstanceUID: string; frame: number; bytes: number };
            out.push({ sop: v.SOPInstanceUID, frame: v.frame, bytes: v.bytes });
            c.continue();
          };
          tx.oncomplete = () => (open.result.close(), resolve(out));
        };
      }),
    [nodeId, StudyInstanceUID] as const,
  );
}

/** Starts a killed regional PACS again: a new Orthanc on the same storage folder and ports. */
export async function restartPacs(p: RegionalPacs): Promise<RegionalPacs> {
  const again = await startOrthanc({ name: p.id, aeTitle: p.aeTitle, username: p.username, password: p.password, httpPort: p.httpPort, dicomPort: p.dicomPort, workDir: p.workDir });
  return Object.assign(again, { id: p.id, name: p.name, dimsePort: again.dicomPort, issuerOfPatientID: p.issuerOfPatientID, storeInstances: p.storeInstances, storeInstancesDimse: p.storeInstancesDimse });
}
