import { compareDisplaySets, displaySetValues, listDisplaySets, type DisplaySet } from './displaySets';
import { evaluateRules, formatOutcome, type RuleOutcome } from './evaluateRules';
import type { HangingInput } from './hangingInput';
import type { Selector } from './protocolSchema';

/** A display set that meets every required rule of a selector, with its score. */
export interface RankedCandidate {
  set: DisplaySet;
  score: number;
  outcomes: RuleOutcome[];
}

/** The ranked candidates of a selector, or why there are none. */
export interface SelectorRanking {
  ranked: RankedCandidate[];
  /** Set when `ranked` is empty: why nothing can fill the selector's viewports. */
  emptyReason?: string;
}

function studyLabel(selector: Selector): string {
  return selector.study === 'current' ? 'the current study' : `prior #${selector.priorIndex}`;
}

/**
 * Ranks the display sets of the selector's study: candidates failing a
 * required rule are dropped; the rest are sorted by score (highest first),
 * ties in reading order (compareDisplaySets), so the result never depends on
 * the order of the input.
 */
export function rankCandidates(selector: Selector, input: HangingInput): SelectorRanking {
  const priors = input.priors ?? [];
  const study = selector.study === 'current' ? input.current : priors[selector.priorIndex];
  if (!study) return { ranked: [], emptyReason: `no ${studyLabel(selector)} (${priors.length} prior(s) given)` };
  const studyIndex = selector.study === 'current' ? -1 : selector.priorIndex;
  const sets = listDisplaySets(study, studyIndex, selector.unit);
  if (sets.length === 0) return { ranked: [], emptyReason: `${studyLabel(selector)} has no ${selector.unit === 'image' ? 'image' : 'series'}` };
  const ranked: RankedCandidate[] = [];
  const failures = new Map<string, number>();
  for (const set of sets) {
    const result = evaluateRules(selector.rules, (attribute) => displaySetValues(set, attribute));
    if (!result.rejected) {
      ranked.push({ set, score: result.score, outcomes: result.outcomes });
      continue;
    }
    for (const outcome of result.outcomes) {
      if (outcome.required && !outcome.passed) {
        const line = `${outcome.attribute} ${outcome.test}`;
        failures.set(line, (failures.get(line) ?? 0) + 1);
      }
    }
  }
  ranked.sort((a, b) => b.score - a.score || compareDisplaySets(a.set, b.set));
  if (ranked.length > 0) return { ranked };
  const why = [...failures].map(([line, count]) => `${line} failed for ${count}`).join('; ');
  return { ranked, emptyReason: `none of the ${sets.length} display set(s) of ${studyLabel(selector)} meets the required rules (${why})` };
}

/** The explanation lines of a chosen candidate. */
export function explainCandidate(candidate: RankedCandidate): string[] {
  return candidate.outcomes.map(formatOutcome);
}
