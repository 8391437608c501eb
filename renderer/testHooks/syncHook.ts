import { getFrame } from '../cache/frameRepository';
import { addOutboxItem } from '../cache/outboxRepository';
import { usage } from '../cache/studyRepository';
import type { WorklistFilter } from '../gateway/searchStudies';
import { saveCacheLimits, type CacheLimits } from '../sync/cacheLimits';
import type { PlannedJob } from '../sync/planWorklistPrefetch';
import { syncProgress } from '../sync/syncProgress';
import type { SyncServices } from '../sync/syncService';

/**
 * Test pages and scripts drive and read the queue through `globalThis.gardeSync` (prefetch,
 * pause, resume, cancel, pin, the progress snapshot, the cache's usage and limits (as the settings
 * keep them), adding an outbox item from plain bytes, where frames are written, and
 * reading one cached frame the way the cache-through image loader does: sealed record, decrypted).
 * Test variant only (testHooksEnv.d.ts): `addOutboxItem` queues any bytes for any node.
 */
export function exposeSyncForTests(s: SyncServices): void {
  const api = {
    prefetch: (filter: WorklistFilter) => s.prefetch(filter),
    enqueue: (jobs: PlannedJob[]) => s.engine.enqueue(jobs),
    pause: () => s.engine.pause(),
    resume: () => s.engine.resume(),
    cancel: (nodeId: string, uid: string) => s.engine.cancel(nodeId, uid),
    pin: (nodeId: string, uid: string, pinned: boolean) => s.pin(nodeId, uid, pinned),
    snapshot: () => {
      const snap = syncProgress.getSnapshot();
      return { ...snap, studies: [...snap.studies.values()] };
    },
    addOutboxItem: async (item: { nodeId: string; StudyInstanceUID: string; SOPInstanceUID: string; SOPClassUID?: string; bytes: number[] }) => {
      const id = await addOutboxItem(s.cache, { ...item, bytes: Uint8Array.from(item.bytes) });
      void s.outbox.kick();
      return id;
    },
    outbox: () => s.outbox.getSnapshot(),
    usage: () => usage(s.cache),
    setCacheLimits: async (limits: CacheLimits) => (await saveCacheLimits(s.cache, limits), await s.engine.limitsChanged()),
    cachedFrame: (nodeId: string, SOPInstanceUID: string, frame: number) => getFrame(s.cache, nodeId, SOPInstanceUID, frame),
    sendNow: () => s.outbox.sendNow(),
    frameStore: () => s.frameStore,
  };
  Object.defineProperty(globalThis, 'gardeSync', { value: Object.freeze(api), configurable: true });
}
