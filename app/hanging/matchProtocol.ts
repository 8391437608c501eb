import { studyValues } from './displaySets';
import { evaluateRules, formatOutcome } from './evaluateRules';
import { fillStage, type StageAssignment } from './fillStage';
import type { HangingInput } from './hangingInput';
import type { HangingProtocol } from './protocolSchema';

/** How one protocol fared against the study. */
export interface ProtocolCandidate {
  id: string;
  score: number;
  /** Viewports of the first stage that could be filled. */
  filled: number;
  /** Why it was rejected: a required rule failed or its first stage stays empty. */
  rejected?: string;
  reasons: string[];
}

/** The chosen protocol, its stages filled, and the ranking that chose it. */
export interface HangingResult {
  protocol: HangingProtocol;
  score: number;
  reasons: string[];
  stages: StageAssignment[];
  /** Every protocol considered, best first (rejected ones last). */
  ranking: ProtocolCandidate[];
}

function compareCandidates(a: ProtocolCandidate, b: ProtocolCandidate): number {
  const rejected = Number(a.rejected !== undefined) - Number(b.rejected !== undefined);
  return rejected || b.score - a.score || b.filled - a.filled || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Chooses the hanging protocol for a study and fills its stages. A protocol
 * applies when all its required study rules hold and its first stage fills at
 * least one viewport; the highest score wins, then the most filled first-stage
 * viewports, then the smaller id, so the choice is deterministic and does not
 * depend on the order of `protocols` or of the input's series and images.
 * @returns undefined when no protocol applies (e.g. a study without series).
 */
export function matchProtocol(protocols: readonly HangingProtocol[], input: HangingInput): HangingResult | undefined {
  const priors = input.priors ?? [];
  const evaluated = protocols.map((protocol) => {
    const rules = evaluateRules(protocol.rules, (attribute) => studyValues(input.current, priors, attribute));
    const reasons = rules.outcomes.map(formatOutcome);
    const candidate: ProtocolCandidate = { id: protocol.id, score: rules.score, filled: 0, reasons };
    if (rules.rejected) return { protocol, candidate: { ...candidate, rejected: 'a required study rule failed' }, stages: [] };
    const stages = protocol.stages.map((stage) => fillStage(protocol, stage, input));
    candidate.filled = stages[0]?.filled ?? 0;
    if (candidate.filled === 0) candidate.rejected = 'no viewport of the first stage can be filled';
    return { protocol, candidate, stages };
  });
  evaluated.sort((a, b) => compareCandidates(a.candidate, b.candidate));
  const best = evaluated[0];
  if (!best || best.candidate.rejected !== undefined) return undefined;
  return {
    protocol: best.protocol,
    score: best.candidate.score,
    reasons: best.candidate.reasons,
    stages: best.stages,
    ranking: evaluated.map((e) => e.candidate),
  };
}
