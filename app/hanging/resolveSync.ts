import type { Viewport } from './protocolSchema';

/** A sync group of a stage as the viewer applies it. */
export interface SyncGroupAssignment {
  group: string;
  requested: 'position' | 'index';
  /** What applies: `position` only when the frames of reference allow it. */
  mode: 'position' | 'index';
  /** Indices (in the stage) of the filled viewports of the group. */
  viewports: number[];
  reason: string;
}

/** What resolveSync needs of a viewport: its protocol entry and the FrameOfReferenceUID shown. */
export interface SyncMember {
  index: number;
  viewport: Viewport;
  filled: boolean;
  FrameOfReferenceUID?: string;
}

/**
 * Resolves the sync groups of a stage. Position sync needs one patient
 * coordinate system: every filled viewport of the group must show a series
 * with the same FrameOfReferenceUID (PS3.3 C.7.4.1.1.1); otherwise the group
 * falls back to index sync. Groups with fewer than two filled viewports are
 * left out.
 */
export function resolveSync(members: readonly SyncMember[]): SyncGroupAssignment[] {
  const groups = new Map<string, { requested: 'position' | 'index'; members: SyncMember[] }>();
  for (const member of members) {
    const sync = member.viewport.sync;
    if (!sync || !member.filled) continue;
    const entry = groups.get(sync.group) ?? { requested: sync.mode, members: [] };
    if (sync.mode === 'index') entry.requested = 'index';
    entry.members.push(member);
    groups.set(sync.group, entry);
  }
  const out: SyncGroupAssignment[] = [];
  for (const [group, { requested, members: list }] of groups) {
    if (list.length < 2) continue;
    const viewports = list.map((m) => m.index);
    if (requested === 'index') {
      out.push({ group, requested, mode: 'index', viewports, reason: 'index sync requested' });
      continue;
    }
    const frames = new Set(list.map((m) => m.FrameOfReferenceUID ?? ''));
    const [only] = frames;
    if (frames.size === 1 && only) {
      out.push({ group, requested, mode: 'position', viewports, reason: `same FrameOfReferenceUID ${only}` });
    } else {
      const missing = frames.has('') ? 'a series without FrameOfReferenceUID' : `${frames.size} different FrameOfReferenceUIDs`;
      out.push({ group, requested, mode: 'index', viewports, reason: `position sync impossible (${missing}): index sync instead` });
    }
  }
  return out;
}
