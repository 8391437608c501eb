import type { DimseNode } from '../../app/nodes';
import type { OperationOptions } from './cFind';
import { planRetrieve } from './retrievePlan';
import { cGet, cMove, type RetrieveTarget } from './retrieveSeries';
import { DimseError, nodeLabel } from './dimseError';
import { startStorageScp, type StorageScp } from './storageScp';
import { toPart10 } from './part10File';
import { seriesKey, type TempInstanceStore } from './tempInstanceStore';
import type { RawStoredDataset } from './runAssociation';

/** Statistics of retrieves, for tests and logs. */
export interface RetrieveStats {
  retrieves: number;
  instances: number;
}

/**
 * Brings series of a DIMSE node into the temporary store, once: a series already complete is not
 * retrieved again, and concurrent requests for the same series share one retrieve. C-FIND tells how
 * many instances to expect and their SOP classes (see {@link planRetrieve}); then C-GET (PS3.4 C.4.3)
 * or C-MOVE (PS3.4 C.4.2) to our Storage SCP brings them; the series is complete when every expected
 * instance arrived.
 */
export class SeriesRetriever {
  readonly stats: RetrieveStats = { retrieves: 0, instances: 0 };
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private scp: Promise<StorageScp> | undefined;
  private readonly moveWatchers = new Set<() => void>();

  constructor(
    private readonly node: DimseNode,
    private readonly store: TempInstanceStore,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Ensures a series is in the store. Resolves false when the node has no such series.
   * @throws DimseError when the node fails or sends fewer instances than it listed
   */
  ensureSeries(study: string, series: string, signal?: AbortSignal): Promise<boolean> {
    if (this.store.isComplete(study, series)) return Promise.resolve(true);
    const key = seriesKey(study, series);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.retrieve({ StudyInstanceUID: study, SeriesInstanceUID: series }, signal).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Stops the Storage SCP, if started. */
  async close(): Promise<void> {
    const scp = this.scp;
    this.scp = undefined;
    if (scp) (await scp.catch(() => undefined))?.close();
  }

  private async retrieve(target: RetrieveTarget, signal?: AbortSignal): Promise<boolean> {
    const options: OperationOptions = { timeoutMs: this.timeoutMs, signal };
    const plan = await planRetrieve(this.node, target, this.node.retrieve === 'C-GET', options);
    if (!plan) return false;
    this.stats.retrieves++;
    const onStore = async (raw: RawStoredDataset): Promise<number> => {
      try {
        await this.store.put(toPart10(raw, this.node.calledAeTitle));
        this.stats.instances++;
        return 0;
      } catch {
        return 0xa700;
      }
    };
    if (this.node.retrieve === 'C-GET') {
      await cGet(this.node, target, plan.sopClassUids, onStore, options);
    } else {
      await this.ensureScp(onStore);
      let touch: (() => void) | undefined;
      const watcher = (): void => touch?.();
      this.moveWatchers.add(watcher);
      try {
        await cMove(this.node, target, { ...options, onActivity: (t) => (touch = t) });
      } finally {
        this.moveWatchers.delete(watcher);
      }
    }
    const held = new Set(this.store.seriesInstances(target.StudyInstanceUID, target.SeriesInstanceUID).map((i) => i.SOPInstanceUID));
    const missing = plan.sopInstanceUids ? plan.sopInstanceUids.filter((uid) => !held.has(uid)).length : Math.max(0, plan.expectedCount - held.size);
    if (missing > 0) {
      throw new DimseError('bad-response', `${this.node.retrieve} from DIMSE node ${nodeLabel(this.node)} delivered ${plan.expectedCount - missing} of ${plan.expectedCount} instances of series ${target.SeriesInstanceUID}`);
    }
    this.store.markComplete(target.StudyInstanceUID, target.SeriesInstanceUID);
    await this.store.purge(new Set([seriesKey(target.StudyInstanceUID, target.SeriesInstanceUID)]));
    return true;
  }

  private ensureScp(onStore: (raw: RawStoredDataset) => Promise<number>): Promise<StorageScp> {
    if (!this.scp) {
      const port = this.node.scpPort;
      if (port === undefined) throw new DimseError('bad-response', `DIMSE node ${nodeLabel(this.node)} uses C-MOVE but has no scpPort`);
      this.scp = startStorageScp({
        port,
        aeTitle: this.node.callingAeTitle,
        onStore: (raw) => {
          for (const watcher of this.moveWatchers) watcher();
          return onStore(raw);
        },
      });
      this.scp.catch(() => (this.scp = undefined));
    }
    return this.scp;
  }
}
