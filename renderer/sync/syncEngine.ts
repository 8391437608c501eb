import { asRetryableError, decideRetry, PREFETCH_RETRY_POLICY, type PrefetchJob, type RandomSource } from '../../app/sync';
import { type Cache } from '../cache/openCache';
import { getSetting, putSettings } from '../cache/settingsRepository';
import { studyKey } from '../../app/sync/studyKey';
import { JobState } from '../cache/schema';
import { evictAfterPrefetch } from './evictAfterPrefetch';
import { RequestLimiter } from './gatewayFetch';
import { isMeteredLink, onLinkChange } from './meteredLink';
import { runStudy } from './runStudy';
import type { FrameStore } from './workerFrameStore';
import { dueJobs, enqueueJobs, getJob, listJobs, removeJob, requeueFailed, requeueInterrupted, updateJob, type StoredJob } from '../cache/syncJobRepository';
import { syncProgress, type PauseReason, type StudySyncState, type SyncProgressStore } from './syncProgress';

/** Setting keys in the cache's `settings` table. */
const PAUSED_SETTING = 'sync.paused';
const METERED_SETTING = 'sync.pauseOnMetered';

/** How the runner is set up. */
export interface SyncEngineOptions {
  cache: Cache;
  /** `<gateway>` as main reports it (`/gateway` in web mode). */
  gatewayBaseUrl: string;
  /** Studies fetched at once (default 2). */
  maxStudies?: number;
  /** Requests in flight in all (default 4). */
  maxRequests?: number;
  random?: RandomSource;
  progress?: SyncProgressStore;
  /** Where prefetched frames are written (the frame store worker); `putFrames` on the page's thread when absent. */
  storeFrames?: FrameStore;
}

const STATE_NAMES: Record<JobState, StudySyncState> = { [JobState.queued]: 'queued', [JobState.running]: 'running', [JobState.done]: 'done', [JobState.failed]: 'failed' };

/**
 * Runs the prefetch plan: a priority queue persisted in the cache's `syncJobs` table (a reload
 * picks it up where it was), at most `maxStudies` studies and `maxRequests` requests at once, each
 * study fetched by {@link runStudy}, failures retried with `decideRetry` and
 * {@link PREFETCH_RETRY_POLICY}. Paused by the reader, on a metered link when the setting is on,
 * or when the cache is full of studies it may not evict; the cache's limits are enforced after
 * every stored study (see {@link SyncEngine.enforceQuota}).
 */
export class SyncEngine {
  private readonly running = new Map<number, AbortController>();
  private readonly limiter: RequestLimiter;
  private readonly progress: SyncProgressStore;
  private userPaused = false;
  private pauseOnMetered = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pumping = false;
  private pumpAgain = false;
  private stopLink: (() => void) | undefined;
  /** Set when the cache is over its limit with only protected studies left (see {@link enforceQuota}). */
  private quotaFull = false;
  /** Studies completed since the queue was last empty, with their priority: tonight's run. */
  private readonly runDone = new Map<string, number>();
  private evicting: Promise<void> = Promise.resolve();

  constructor(private readonly options: SyncEngineOptions) {
    this.limiter = new RequestLimiter(options.maxRequests ?? 4);
    this.progress = options.progress ?? syncProgress;
  }

  /** Loads the persisted queue (jobs left running are queued again) and starts it. */
  async start(): Promise<void> {
    const { cache } = this.options;
    this.userPaused = (await getSetting(cache, PAUSED_SETTING)) === true;
    this.pauseOnMetered = (await getSetting(cache, METERED_SETTING)) === true;
    await requeueInterrupted(cache);
    for (const job of await listJobs(cache)) this.showJob(job);
    this.stopLink = onLinkChange(() => void this.linkChanged());
    this.publishPause();
    void this.pump();
  }

  /** Stops running (requests aborted, jobs stay queued for the next start). */
  stop(): void {
    this.stopLink?.();
    clearTimeout(this.timer);
    for (const controller of this.running.values()) controller.abort();
  }

  /** Adds planned studies to the queue (see `enqueueJobs`) and runs them. */
  async enqueue(jobs: readonly (PrefetchJob & { expectedInstances?: number })[]): Promise<number> {
    const added = await enqueueJobs(this.options.cache, jobs);
    for (const job of await listJobs(this.options.cache)) this.showJob(job);
    void this.pump();
    return added;
  }

  /** Shows the persisted queue again (after a purge removed jobs behind the runner's back). */
  async reload(): Promise<void> {
    for (const controller of this.running.values()) controller.abort();
    await this.forgetDeleted();
    for (const job of await listJobs(this.options.cache)) this.showJob(job);
  }

  /** The reader pauses the queue: requests in flight are aborted, nothing stored is lost. */
  async pause(): Promise<void> {
    this.userPaused = true;
    await putSettings(this.options.cache, { [PAUSED_SETTING]: true });
    this.publishPause();
    for (const controller of this.running.values()) controller.abort();
  }

  /** The reader resumes the queue; failed studies are tried again. */
  async resume(): Promise<void> {
    this.userPaused = false;
    this.quotaFull = false;
    await putSettings(this.options.cache, { [PAUSED_SETTING]: false });
    await requeueFailed(this.options.cache);
    for (const job of await listJobs(this.options.cache)) this.showJob(job);
    this.publishPause();
    void this.pump();
  }

  /** The "pause on metered link" setting. */
  async setPauseOnMetered(on: boolean): Promise<void> {
    this.pauseOnMetered = on;
    await putSettings(this.options.cache, { [METERED_SETTING]: on });
    await this.linkChanged();
  }

  /** Removes a study from the queue; what was stored stays (complete instances only). */
  async cancel(nodeId: string, StudyInstanceUID: string): Promise<void> {
    const jobs = await listJobs(this.options.cache);
    await removeJob(this.options.cache, nodeId, StudyInstanceUID);
    for (const job of jobs) if (job.nodeId === nodeId && job.StudyInstanceUID === StudyInstanceUID) this.running.get(job.id)?.abort();
    this.progress.removeStudy(nodeId, StudyInstanceUID);
  }

  /**
   * The cache limits changed (and the settings ran an eviction): studies whose records are gone
   * leave the progress list, and a queue stopped for a full cache runs again.
   */
  async limitsChanged(): Promise<void> {
    this.quotaFull = false;
    await this.forgetDeleted();
    this.publishPause();
    void this.pump();
  }

  /** Why the queue does not run now, if it does not. */
  pausedReason(): PauseReason | undefined {
    if (this.userPaused) return 'user';
    if (this.pauseOnMetered && isMeteredLink()) return 'metered';
    if (this.quotaFull) return 'quota';
    return undefined;
  }

  /** Removes from the progress list the studies whose job was deleted with their records. */
  private async forgetDeleted(): Promise<void> {
    const keep = new Set((await listJobs(this.options.cache)).map((j) => studyKey(j.nodeId, j.StudyInstanceUID)));
    for (const s of this.progress.getSnapshot().studies.values()) if (!keep.has(studyKey(s.nodeId, s.StudyInstanceUID))) this.progress.removeStudy(s.nodeId, s.StudyInstanceUID);
  }

  /**
   * After a study is stored: the cache's eviction with the reader's limits (evictAfterPrefetch),
   * never removing a study of the queue still to fetch (queued, waiting or running: a study never
   * evicts itself nor one being fetched beside it), nor one completed in this run of the queue with
   * a priority as urgent as the finished study's or more (tonight's worklist is not evicted for its
   * priors). Evicted studies leave the progress list (no longer offline ready). When what is left
   * still exceeds the limit, no further study starts ('quota') rather than evict those; studies
   * already running finish, and the pause ends by itself once an eviction gets under the limit
   * (a more urgent study finishing evicts less urgent ones of the run), or when the reader raises
   * the limit, unpins, or resumes. Runs one at a time.
   */
  private enforceQuota(finished: StoredJob): Promise<void> {
    const run = async () => {
      const jobs = await listJobs(this.options.cache);
      // The study just stored is never evicted, whatever happened to the run's list.
      const keep = new Set<string>([studyKey(finished.nodeId, finished.StudyInstanceUID)]);
      for (const j of jobs) {
        const id = studyKey(j.nodeId, j.StudyInstanceUID);
        if (j.state === JobState.queued || j.state === JobState.running || (j.state === JobState.done && (this.runDone.get(id) ?? Infinity) <= finished.priority)) keep.add(id);
      }
      const result = await evictAfterPrefetch(this.options.cache, keep);
      for (const e of result.evicted) {
        this.runDone.delete(studyKey(e.nodeId, e.StudyInstanceUID));
        this.progress.removeStudy(e.nodeId, e.StudyInstanceUID);
      }
      this.progress.setQueue({ lastEviction: { evicted: result.evicted.length, freedBytes: result.evicted.reduce((n, e) => n + e.bytes, 0), remainingBytes: result.remainingBytes, overLimit: result.overLimit } });
      // No new study starts while over the limit; those running finish, and a later eviction
      // (theirs, or a limit change) lets the queue go on.
      if (result.overLimit !== this.quotaFull) {
        this.quotaFull = result.overLimit;
        this.publishPause();
        if (!this.quotaFull) void this.pump();
      }
      // The run ends with the last study's eviction: a study stays in `running` until its own
      // eviction is done, so a study that finished beside this one (its eviction still to come)
      // keeps the run's list, and with it tonight's worklist studies, for that eviction.
      const othersRunning = [...this.running.keys()].some((id) => id !== finished.id);
      if (!othersRunning && !jobs.some((j) => j.state === JobState.queued)) this.runDone.clear();
    };
    this.evicting = this.evicting.then(run).catch((error: unknown) => console.warn('eviction after prefetch failed:', error instanceof Error ? error.message : error));
    return this.evicting;
  }

  private publishPause(): void {
    this.progress.setQueue({ paused: this.pausedReason(), pauseOnMetered: this.pauseOnMetered });
  }

  private async linkChanged(): Promise<void> {
    this.publishPause();
    const reason = this.pausedReason();
    if (reason) {
      // A full cache lets running studies finish (see enforceQuota); a metered link stops them.
      if (reason !== 'quota') for (const controller of this.running.values()) controller.abort();
      return;
    }
    if (navigator.onLine) await requeueFailed(this.options.cache);
    void this.pump();
  }

  private showJob(job: StoredJob): void {
    const waiting = job.state === JobState.queued && (job.nextAttemptAt ?? 0) > Date.now();
    this.progress.updateStudy(job.nodeId, job.StudyInstanceUID, {
      state: waiting ? 'waiting' : STATE_NAMES[job.state],
      reason: job.reason,
      storedFrames: job.storedFrames ?? 0,
      totalFrames: job.totalFrames ?? 0,
      lastError: job.lastError,
    });
  }

  /** Starts due jobs up to the study limit; schedules the next backoff wake-up. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      this.pumpAgain = false;
      clearTimeout(this.timer);
      if (this.pausedReason()) return;
      const now = Date.now();
      const due = (await dueJobs(this.options.cache, now)).filter((j) => !this.running.has(j.id));
      for (const job of due.slice(0, Math.max(0, (this.options.maxStudies ?? 2) - this.running.size))) void this.run(job);
      const later = (await listJobs(this.options.cache)).filter((j) => j.state === JobState.queued && (j.nextAttemptAt ?? 0) > now);
      if (later.length > 0) this.timer = setTimeout(() => void this.pump(), Math.max(50, Math.min(...later.map((j) => j.nextAttemptAt!)) - now));
    } finally {
      this.pumping = false;
      if (this.pumpAgain) void this.pump();
    }
  }

  private async run(job: StoredJob): Promise<void> {
    const { cache } = this.options;
    const controller = new AbortController();
    this.running.set(job.id, controller);
    let stored = 0;
    const { nodeId, StudyInstanceUID } = job;
    try {
      if (!(await updateJob(cache, job.id, { state: JobState.running }))) return;
      this.progress.updateStudy(nodeId, StudyInstanceUID, { state: 'running' });
      const result = await runStudy({
        cache,
        gatewayBaseUrl: this.options.gatewayBaseUrl,
        nodeId,
        StudyInstanceUID,
        signal: controller.signal,
        limiter: this.limiter,
        storeFrames: this.options.storeFrames,
        progress: {
          onTotal: (totalFrames, storedFrames) => this.progress.updateStudy(nodeId, StudyInstanceUID, storedFrames === undefined ? { totalFrames } : { totalFrames, storedFrames }),
          onFrames: (n) => ((stored += n), this.progress.addTransfer(nodeId, StudyInstanceUID, 0, n)),
          onBytes: (n) => this.progress.addTransfer(nodeId, StudyInstanceUID, n, 0),
        },
      });
      await updateJob(cache, job.id, { state: JobState.done, attempts: 0, ...result, lastError: undefined });
      this.progress.updateStudy(nodeId, StudyInstanceUID, { state: 'done', ...result, lastError: undefined });
      this.runDone.set(studyKey(nodeId, StudyInstanceUID), job.priority);
      await this.enforceQuota(job);
    } catch (error) {
      await this.failed(job, error, controller.signal.aborted, stored > 0);
    } finally {
      this.running.delete(job.id);
      void this.pump();
    }
  }

  /** After a failed run: queued again (paused or cancelled), retried after a backoff, or failed. */
  private async failed(job: StoredJob, error: unknown, aborted: boolean, madeProgress: boolean): Promise<void> {
    const { cache } = this.options;
    const current = await getJob(cache, job.id);
    if (!current) return; // Cancelled.
    const shown = this.progress.getSnapshot().studies.get(studyKey(job.nodeId, job.StudyInstanceUID));
    const counts = { storedFrames: shown?.storedFrames, totalFrames: shown?.totalFrames };
    if (aborted) {
      await updateJob(cache, job.id, { state: JobState.queued, ...counts });
      this.progress.updateStudy(job.nodeId, job.StudyInstanceUID, { state: 'queued' });
      return;
    }
    const lastError = asRetryableError(error);
    // A run that stored frames starts the count again: only runs making no progress use up attempts.
    const attempts = madeProgress ? 1 : current.attempts + 1;
    const decision = decideRetry(PREFETCH_RETRY_POLICY, attempts, lastError, this.options.random ?? Math.random);
    if (decision.action === 'retry') {
      await updateJob(cache, job.id, { state: JobState.queued, attempts, nextAttemptAt: Date.now() + decision.delayMs, lastError, ...counts });
      this.progress.updateStudy(job.nodeId, job.StudyInstanceUID, { state: 'waiting', lastError });
    } else {
      await updateJob(cache, job.id, { state: JobState.failed, attempts, lastError, ...counts });
      this.progress.updateStudy(job.nodeId, job.StudyInstanceUID, { state: 'failed', lastError });
    }
  }
}
