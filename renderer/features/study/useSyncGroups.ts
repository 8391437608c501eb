import { useEffect, useMemo } from 'react';
import { resolveSync, type SyncGroupAssignment } from '../../../app/hanging';
import type { StackView } from '../../viewer/createStackView';
import { linkStacks } from './linkStacks';
import type { SyncRequest } from './readerLayout';

/** One cell as scroll sync sees it. */
export interface SyncCandidate {
  index: number;
  sync?: SyncRequest;
  /** Set once the cell shows its stack. */
  view?: StackView;
  FrameOfReferenceUID?: string;
}

/**
 * The sync groups of the cells on screen, with the mode resolveSync grants each (position only
 * within one FrameOfReferenceUID, index otherwise), and, while `enabled`, their stacks linked
 * (see linkStacks). Cells of a group scroll together; a group of one cell is no group.
 */
export function useSyncGroups(candidates: readonly SyncCandidate[], enabled: boolean): SyncGroupAssignment[] {
  const key = candidates.map((c) => [c.index, c.sync?.group, c.sync?.mode, c.FrameOfReferenceUID, c.view?.viewportId].join(':')).join('|');
  const groups = useMemo(
    () =>
      resolveSync(
        candidates.map((c) => ({
          index: c.index,
          viewport: { selector: 'cell', matchIndex: 0, distinct: false, flipHorizontal: false, ...(c.sync ? { sync: c.sync } : {}) },
          filled: !!c.view,
          ...(c.FrameOfReferenceUID ? { FrameOfReferenceUID: c.FrameOfReferenceUID } : {}),
        })),
      ),
    // The key holds everything the groups depend on.
    [key],
  );
  useEffect(() => {
    if (!enabled) return;
    const views = new Map(candidates.flatMap((c) => (c.view ? [[c.index, c.view] as const] : [])));
    const unlinks = groups.map((g) => linkStacks(g.viewports.flatMap((i) => views.get(i) ?? []), g.mode));
    return () => {
      for (const unlink of unlinks) unlink();
    };
    // Linked again only when the groups or the switch change.
  }, [groups, enabled]);
  return groups;
}
