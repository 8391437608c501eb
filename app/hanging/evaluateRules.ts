import type { CodedConcept } from './hangingInput';
import type { MatchRule } from './ruleSchema';

/** The values of one attribute: strings, numbers or coded concepts; empty when absent. */
export type AttributeValues = ReadonlyArray<string | number | CodedConcept>;

/** Why a rule held or failed: the explanation shown beside a match. */
export interface RuleOutcome {
  attribute: string;
  /** The test in words, e.g. `matches /T1/i`, `not equals "L"`. */
  test: string;
  /** The values seen, joined with `\`, or `(none)`. */
  seen: string;
  passed: boolean;
  required: boolean;
  /** Score added: the rule's weight when it passed, else 0. */
  score: number;
}

/** Result of a rule list: rejected when a required rule failed. */
export interface RulesOutcome {
  score: number;
  rejected: boolean;
  outcomes: RuleOutcome[];
}

/**
 * Legacy SNOMED-RT (SRT) codes of the mammography views and their SNOMED CT
 * (SCT) equivalents (PS3.16 CID 4014 View for Mammography), so a rule on
 * SCT 399162004 also accepts older images coded SRT R-10242.
 */
const LEGACY_VIEW_CODES: Readonly<Record<string, string>> = {
  'SRT:R-10242': 'SCT:399162004',
  'SRT:R-10226': 'SCT:399368009',
  'SRT:R-10224': 'SCT:399260004',
  'SRT:R-10228': 'SCT:399352003',
};

function codeKey(code: CodedConcept): string {
  const key = `${code.CodingSchemeDesignator.trim()}:${code.CodeValue.trim()}`;
  return LEGACY_VIEW_CODES[key] ?? key;
}

function isCode(value: string | number | CodedConcept): value is CodedConcept {
  return typeof value === 'object';
}

function plain(value: string | number | CodedConcept): string | number {
  return isCode(value) ? value.CodeValue.trim() : typeof value === 'string' ? value.trim() : value;
}

function sameScalar(value: string | number | CodedConcept, expected: string | number): boolean {
  const v = plain(value);
  return typeof v === typeof expected ? v === expected : String(v) === String(expected);
}

function numeric(value: string | number | CodedConcept): number {
  const v = plain(value);
  return typeof v === 'number' ? v : v === '' ? NaN : Number(v);
}

function holds(rule: MatchRule, values: AttributeValues): boolean {
  if (rule.exists !== undefined) return values.length > 0 === rule.exists;
  if (rule.equals !== undefined) return values.some((v) => sameScalar(v, rule.equals!));
  if (rule.oneOf !== undefined) return values.some((v) => rule.oneOf!.some((o) => sameScalar(v, o)));
  if (rule.matches !== undefined) {
    const pattern = new RegExp(rule.matches, rule.flags ?? 'i');
    return values.some((v) => pattern.test(String(plain(v))));
  }
  if (rule.code !== undefined) {
    const wanted = codeKey(rule.code);
    return values.some((v) => isCode(v) && codeKey(v) === wanted);
  }
  const min = rule.min ?? -Infinity;
  const max = rule.max ?? Infinity;
  return values.some((v) => {
    const n = numeric(v);
    return n >= min && n <= max;
  });
}

/** The test of a rule in words. */
export function describeTest(rule: MatchRule): string {
  let test: string;
  if (rule.exists !== undefined) test = rule.exists ? 'exists' : 'is absent';
  else if (rule.equals !== undefined) test = `equals ${JSON.stringify(rule.equals)}`;
  else if (rule.oneOf !== undefined) test = `is one of ${rule.oneOf.map((v) => JSON.stringify(v)).join(', ')}`;
  else if (rule.matches !== undefined) test = `matches /${rule.matches}/${rule.flags ?? 'i'}`;
  else if (rule.code !== undefined) test = `is code (${rule.code.CodeValue}, ${rule.code.CodingSchemeDesignator})`;
  else test = rule.max === undefined ? `>= ${rule.min}` : rule.min === undefined ? `<= ${rule.max}` : `in [${rule.min}, ${rule.max}]`;
  return rule.negate ? `not ${test}` : test;
}

function describeValues(values: AttributeValues): string {
  if (values.length === 0) return '(none)';
  return values.map((v) => (isCode(v) ? `(${v.CodeValue}, ${v.CodingSchemeDesignator})` : String(v))).join('\\');
}

/**
 * Evaluates weighted rules against attribute values: each rule that holds
 * adds its weight; a failing `required` rule rejects the candidate. An absent
 * attribute fails every test except `exists: false` (and its negations hold).
 */
export function evaluateRules(rules: readonly MatchRule[], valuesOf: (attribute: string) => AttributeValues): RulesOutcome {
  let score = 0;
  let rejected = false;
  const outcomes = rules.map((rule): RuleOutcome => {
    const values = valuesOf(rule.attribute);
    const passed = holds(rule, values) !== rule.negate;
    const gained = passed ? rule.weight : 0;
    score += gained;
    if (!passed && rule.required) rejected = true;
    return { attribute: rule.attribute, test: describeTest(rule), seen: describeValues(values), passed, required: rule.required, score: gained };
  });
  return { score, rejected, outcomes };
}

/** One line per outcome, e.g. `+10 ImageLaterality equals "R" (seen R)`, `required ✗ ...`. */
export function formatOutcome(outcome: RuleOutcome): string {
  const mark = outcome.passed ? `+${outcome.score}` : outcome.required ? 'REQUIRED, failed:' : 'failed:';
  return `${mark} ${outcome.attribute} ${outcome.test} (seen ${outcome.seen})`;
}
