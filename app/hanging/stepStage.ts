import type { StageAssignment } from './fillStage';

/**
 * The stage to show after `index` when moving by `direction` (+1 next, -1
 * previous), skipping stages with no filled viewport; stays at `index` at
 * either end.
 */
export function stepStage(stages: readonly StageAssignment[], index: number, direction: 1 | -1): number {
  for (let i = index + direction; i >= 0 && i < stages.length; i += direction) {
    if ((stages[i]?.filled ?? 0) > 0) return i;
  }
  return index;
}
