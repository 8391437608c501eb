import { compareWorklist, PRIORITY_ORDER, type StudySummary } from '../dicom/studySummary';
import type { LinkStrength } from '../identity';
import { priorFinder } from './findPriors';
import { studyKeyUid } from './studyKey';

/** Why a study is prefetched. */
export type PrefetchReason = 'worklist' | 'prior';

/** One study to fetch into the cache. Lower `priority` runs sooner; the array order is the queue. */
export interface PrefetchJob {
  nodeId: string;
  StudyInstanceUID: string;
  reason: PrefetchReason;
  /** For a prior: the StudyInstanceUID of the worklist study it is a prior of. */
  forStudy?: string;
  /** For a prior: how its patient was linked to the worklist study's patient. */
  identity?: Exclude<LinkStrength, 'conflict'>;
  priority: number;
}

/**
 * Priority tiers; a job's priority is `tier * 10 + urgency`, urgency being the index of the
 * (worklist) study's RequestedProcedurePriority in {@link PRIORITY_ORDER} (PS3.3 C.4.11; ROUTINE
 * when absent).
 */
export const PREFETCH_TIER = { worklist: 0, prior: 1, morePriors: 2 } as const;

/** Default number of priors fetched first for each worklist study. */
export const DEFAULT_PRIORS_PER_STUDY = 2;

/** What the planner works from. */
export interface PrefetchInput {
  /** Studies to read, from every node. */
  worklist: readonly StudySummary[];
  /** Federated search results on every node (e.g. by patient): where priors are found. */
  searchResults: readonly StudySummary[];
  /** Study keys (`studyKey(nodeId, StudyInstanceUID)`) of studies already complete in the cache (on any node). */
  cached: ReadonlySet<string>;
  /** Priors fetched in the prior tier for each worklist study (default 2). */
  priorsPerStudy?: number;
  /** Whether older priors beyond `priorsPerStudy` are planned last (default true). */
  morePriors?: boolean;
}

function urgency(study: StudySummary): number {
  return PRIORITY_ORDER.indexOf(study.RequestedProcedurePriority ?? 'ROUTINE');
}

/**
 * Plans the prefetch queue: worklist studies by urgency (STAT > HIGH > MEDIUM > ROUTINE > LOW,
 * PS3.3 C.4.11 RequestedProcedurePriority) then the longest waiting; then for each of them, in
 * that order, its most recent priors found on any node (same patient by
 * `isSamePatientForPriors`, `priorsPerStudy` each); then their older priors. A study appears
 * once (by StudyInstanceUID, which is unique across nodes, PS3.5 9), at its most urgent place;
 * studies complete in the cache are left out.
 */
export function planPrefetch(input: PrefetchInput): PrefetchJob[] {
  const perStudy = Math.max(0, Math.floor(input.priorsPerStudy ?? DEFAULT_PRIORS_PER_STUDY));
  const cachedUids = new Set([...input.cached].map(studyKeyUid));
  const byUid = new Map<string, StudySummary>();
  for (const s of [...input.worklist].sort(compareWorklist)) if (!byUid.has(s.StudyInstanceUID)) byUid.set(s.StudyInstanceUID, s);
  const worklist = [...byUid.values()];
  const priorsOf = priorFinder([...input.worklist, ...input.searchResults]);
  const planned: PrefetchJob[] = worklist.map((s) => ({ nodeId: s.nodeId, StudyInstanceUID: s.StudyInstanceUID, reason: 'worklist', priority: PREFETCH_TIER.worklist * 10 + urgency(s) }));
  const later: PrefetchJob[] = [];
  for (const current of worklist) {
    priorsOf(current).forEach(({ study, decision }, index) => {
      const tier = index < perStudy ? PREFETCH_TIER.prior : PREFETCH_TIER.morePriors;
      const job: PrefetchJob = { nodeId: study.nodeId, StudyInstanceUID: study.StudyInstanceUID, reason: 'prior', forStudy: current.StudyInstanceUID, identity: decision.strength, priority: tier * 10 + urgency(current) };
      if (tier === PREFETCH_TIER.prior) planned.push(job);
      else if (input.morePriors ?? true) later.push(job);
    });
  }
  const seen = new Set<string>();
  const jobs: PrefetchJob[] = [];
  for (const job of [...planned, ...later].sort((a, b) => a.priority - b.priority)) {
    if (seen.has(job.StudyInstanceUID)) continue;
    seen.add(job.StudyInstanceUID);
    if (cachedUids.has(job.StudyInstanceUID)) continue;
    jobs.push(job);
  }
  return jobs;
}
