import { useEffect, useState } from 'react';
import type { Cache } from '../cache/openCache';
import { getSharedCache } from '../cache/sharedCache';
import { getCachedStudy, setPinned } from '../cache/studyRepository';
import type { WorklistFilter } from '../gateway/searchStudies';
import { useAppServices } from '../shell/AppContext';
import { OutboxSender } from './outboxSender';
import { planWorklistPrefetch } from './planWorklistPrefetch';
import { SyncEngine } from './syncEngine';
import { startFrameStoreWorker } from './workerFrameStore';
import { exposeSyncForTests } from '../testHooks/syncHook';

/** The page's sync services: the prefetch queue and the outbox sender, over the shared cache. */
export interface SyncServices {
  cache: Cache;
  engine: SyncEngine;
  outbox: OutboxSender;
  /** Where prefetched frames are sealed and written: the frame store worker, or the page's thread when it cannot run. */
  frameStore: 'worker' | 'page';
  /** Plans the prefetch of a worklist (studies and priors) and queues it; resolves with the number of studies added. */
  prefetch(filter: WorklistFilter): Promise<number>;
  /** Keeps a study offline (never evicted) or lets it go; false when nothing of it is cached. */
  pin(nodeId: string, StudyInstanceUID: string, pinned: boolean): Promise<boolean>;
}

let starting: Promise<SyncServices | undefined> | undefined;

async function start(gatewayBaseUrl: string): Promise<SyncServices | undefined> {
  const cache = await getSharedCache();
  if (!cache) return undefined;
  // Prefetched frames are sealed and written by a worker while the page reads the next ones.
  const frameStore = await startFrameStoreWorker(cache);
  const engine = new SyncEngine({ cache, gatewayBaseUrl, storeFrames: frameStore });
  const outbox = new OutboxSender(cache, gatewayBaseUrl);
  const services: SyncServices = {
    cache,
    engine,
    outbox,
    frameStore: frameStore ? 'worker' : 'page',
    prefetch: async (filter) => engine.enqueue(await planWorklistPrefetch(cache, gatewayBaseUrl, filter)),
    pin: (nodeId, uid, pinned) => setPinned(cache, nodeId, uid, pinned),
  };
  if (import.meta.env.GARDE_TEST_HOOKS) exposeSyncForTests(services);
  await engine.start();
  await outbox.start();
  return services;
}

/** Starts the page's sync services once (a reload resumes the persisted queue and outbox); undefined without a cache. */
export function startSync(gatewayBaseUrl: string): Promise<SyncServices | undefined> {
  starting ??= start(gatewayBaseUrl).catch((error: unknown) => {
    console.warn('sync unavailable:', error instanceof Error ? error.message : error);
    starting = undefined;
    return undefined;
  });
  return starting;
}

/** The sync services for components (started on first use); undefined until ready or without a cache. */
export function useSyncServices(): SyncServices | undefined {
  const { appInfo } = useAppServices();
  const [services, setServices] = useState<SyncServices>();
  useEffect(() => {
    let live = true;
    void startSync(appInfo.gatewayBaseUrl).then((s) => live && setServices(s));
    return () => void (live = false);
  }, [appInfo.gatewayBaseUrl]);
  return services;
}

/** Whether a study is pinned in the cache, and a setter (re-read when the sync state changes). */
export function usePinned(nodeId: string, StudyInstanceUID: string): [boolean, (pinned: boolean) => void] {
  const services = useSyncServices();
  const [pinned, setState] = useState(false);
  useEffect(() => {
    if (services) void getCachedStudy(services.cache, nodeId, StudyInstanceUID).then((s) => setState(s?.pinned ?? false));
  }, [services, nodeId, StudyInstanceUID]);
  const set = (next: boolean) => void services?.pin(nodeId, StudyInstanceUID, next).then((ok) => ok && setState(next));
  return [pinned, set];
}
