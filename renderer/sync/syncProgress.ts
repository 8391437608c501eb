import { useSyncExternalStore } from 'react';
import { studyKey, type PrefetchReason, type RetryableError } from '../../app/sync';

/** Where a study stands in the prefetch queue. */
export type StudySyncState = 'queued' | 'waiting' | 'running' | 'done' | 'failed';

/** One study's progress. `done` means offline ready: every frame of every instance is stored. */
export interface StudyProgress {
  nodeId: string;
  StudyInstanceUID: string;
  state: StudySyncState;
  reason?: PrefetchReason;
  storedFrames: number;
  /** Frames in all; 0 until the study's metadata is known. */
  totalFrames: number;
  /** Bytes received for the study in this session. */
  bytes: number;
  lastError?: RetryableError;
}

/** Why the queue does not run: the reader paused it, a metered link, or a cache full of studies it may not evict. */
export type PauseReason = 'user' | 'metered' | 'quota';

/** What the eviction after the last stored study did. */
export interface EvictionSummary {
  evicted: number;
  freedBytes: number;
  /** Bytes the cache takes afterwards (studies and outbox). */
  remainingBytes: number;
  /** The studies it may not evict alone exceed the limit. */
  overLimit: boolean;
}

/** The whole queue as screens show it. */
export interface SyncSnapshot {
  /** Set when the queue is paused. */
  paused?: PauseReason;
  pauseOnMetered: boolean;
  /** The eviction after the last stored study, once one ran. */
  lastEviction?: EvictionSummary;
  studies: ReadonlyMap<string, StudyProgress>;
  /** Studies queued, waiting or running. */
  queueLength: number;
  /** Bytes per second over the last few seconds. */
  throughput: number;
  /** Seconds until the known frames are stored, when it can be estimated. */
  etaSeconds?: number;
}

const WINDOW_MS = 10_000;
/** Shortest time between two notifications of the screens. */
const NOTIFY_MS = 200;

/**
 * The sync queue's progress, an external store for React (`useSyncExternalStore`): per study
 * frames and bytes, and for the queue its length, throughput over the last ten seconds and an
 * estimated time left. Updates are batched: at most one notification every 200 ms.
 */
export class SyncProgressStore {
  private snapshot: SyncSnapshot = { pauseOnMetered: false, studies: new Map(), queueLength: 0, throughput: 0 };
  private readonly listeners = new Set<() => void>();
  private samples: { at: number; bytes: number; frames: number }[] = [];
  private scheduled = false;
  private notifiedAt = -Infinity;

  constructor(private readonly now: () => number = () => performance.now()) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SyncSnapshot => this.snapshot;

  /** Changes one study (created when absent). */
  updateStudy(nodeId: string, StudyInstanceUID: string, changes: Partial<StudyProgress>): void {
    const key = studyKey(nodeId, StudyInstanceUID);
    const studies = new Map(this.snapshot.studies);
    const previous = studies.get(key) ?? { nodeId, StudyInstanceUID, state: 'queued' as const, storedFrames: 0, totalFrames: 0, bytes: 0 };
    studies.set(key, { ...previous, ...changes });
    this.set({ studies });
  }

  /** Forgets a study (cancelled or deleted). */
  removeStudy(nodeId: string, StudyInstanceUID: string): void {
    const studies = new Map(this.snapshot.studies);
    studies.delete(studyKey(nodeId, StudyInstanceUID));
    this.set({ studies });
  }

  /** Counts received bytes and stored frames of a study towards its progress and the throughput. */
  addTransfer(nodeId: string, StudyInstanceUID: string, bytes: number, frames: number): void {
    const key = studyKey(nodeId, StudyInstanceUID);
    const study = this.snapshot.studies.get(key);
    this.samples.push({ at: this.now(), bytes, frames });
    if (study) this.updateStudy(nodeId, StudyInstanceUID, { bytes: study.bytes + bytes, storedFrames: Math.min(study.storedFrames + frames, study.totalFrames || Infinity) });
    else this.set({});
  }

  /** Sets queue-level fields (pause state, setting). */
  setQueue(changes: Partial<Pick<SyncSnapshot, 'paused' | 'pauseOnMetered' | 'lastEviction'>>): void {
    this.set(changes);
  }

  private set(changes: Partial<SyncSnapshot>): void {
    const next = { ...this.snapshot, ...changes };
    if ('paused' in changes && changes.paused === undefined) delete next.paused;
    this.snapshot = next;
    if (this.scheduled) return;
    this.scheduled = true;
    const notify = () => {
      this.scheduled = false;
      this.notifiedAt = this.now();
      this.snapshot = this.withRates(this.snapshot);
      for (const l of this.listeners) l();
    };
    // At most one notification per NOTIFY_MS: a stream's chunks would otherwise re-render every badge each time.
    const wait = this.notifiedAt + NOTIFY_MS - this.now();
    if (wait > 0) setTimeout(notify, wait);
    else queueMicrotask(notify);
  }

  private withRates(s: SyncSnapshot): SyncSnapshot {
    const now = this.now();
    this.samples = this.samples.filter((x) => now - x.at <= WINDOW_MS);
    const span = this.samples.length > 0 ? Math.max(1000, now - this.samples[0]!.at) / 1000 : 1;
    const bytes = this.samples.reduce((n, x) => n + x.bytes, 0);
    const frames = this.samples.reduce((n, x) => n + x.frames, 0);
    const active = [...s.studies.values()].filter((x) => x.state !== 'done' && x.state !== 'failed');
    const remaining = active.reduce((n, x) => n + Math.max(0, x.totalFrames - x.storedFrames), 0);
    const frameRate = frames / span;
    const next: SyncSnapshot = { ...s, queueLength: active.length, throughput: bytes / span };
    if (remaining > 0 && frameRate > 0 && !s.paused) next.etaSeconds = remaining / frameRate;
    else delete next.etaSeconds;
    return next;
  }
}

/** The page's one progress store. */
export const syncProgress = new SyncProgressStore();

/** The sync queue's progress, for components. */
export function useSyncProgress(): SyncSnapshot {
  return useSyncExternalStore(syncProgress.subscribe, syncProgress.getSnapshot);
}

/** One study's progress, or undefined when it is not in the queue. */
export function useStudySync(nodeId: string, StudyInstanceUID: string): StudyProgress | undefined {
  return useSyncProgress().studies.get(studyKey(nodeId, StudyInstanceUID));
}
