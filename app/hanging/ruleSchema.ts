import { z } from 'zod';

/**
 * Study-level attributes a protocol's match rules may test: the General Study
 * Module (PS3.3 C.7.2.1) StudyDescription, the query/retrieve key
 * ModalitiesInStudy (PS3.4 C.6.1.1.3), the BodyPartExamined values of the
 * study's series (C.7.3.1), and two computed values: `numberOfPriors` (prior
 * studies given to the matcher) and `PriorModalitiesInStudy` (modalities of
 * the most recent prior).
 */
export const STUDY_ATTRIBUTES = ['ModalitiesInStudy', 'BodyPartExamined', 'StudyDescription', 'numberOfPriors', 'PriorModalitiesInStudy'] as const;

/**
 * Attributes a series selector may test on a display set (a whole series, or
 * one image of it): General Series (PS3.3 C.7.3.1) Modality, BodyPartExamined,
 * SeriesDescription, SeriesNumber; General Image (C.7.6.1) ImageType and
 * PatientOrientation; Mammography Image (C.8.11.7) ImageLaterality,
 * ViewPosition, `ViewCode` (the first ViewCodeSequence item) and
 * `ViewModifierCode` (its ViewModifierCodeSequence items); DX
 * Positioning (C.8.11.5) ViewPosition for CR/DX; `numberOfImages` (computed).
 * For a whole series an image attribute has a value only when every image
 * shares it.
 */
export const DISPLAY_SET_ATTRIBUTES = [
  'Modality',
  'BodyPartExamined',
  'SeriesDescription',
  'SeriesNumber',
  'ImageType',
  'ImageLaterality',
  'ViewPosition',
  'ViewCode',
  'ViewModifierCode',
  'PatientOrientation',
  'numberOfImages',
] as const;

/** A study-level attribute name. */
export type StudyAttribute = (typeof STUDY_ATTRIBUTES)[number];
/** A display-set attribute name. */
export type DisplaySetAttribute = (typeof DISPLAY_SET_ATTRIBUTES)[number];

const OPERATORS = ['equals', 'oneOf', 'matches', 'min', 'max', 'exists', 'code'] as const;
const scalar = z.union([z.string(), z.number()]);

/** A coded concept (PS3.3 8.8 Code Sequence Macro): CodeValue and CodingSchemeDesignator. */
export const CodeSchema = z.strictObject({ CodeValue: z.string().min(1), CodingSchemeDesignator: z.string().min(1) });

function ruleSchema<A extends readonly [string, ...string[]]>(attributes: A) {
  return z
    .strictObject({
      attribute: z.enum(attributes),
      /** Any value equals this one (strings are compared trimmed, case-sensitive). */
      equals: scalar.optional(),
      /** Any value equals one of these. */
      oneOf: z.array(scalar).min(1).optional(),
      /** Any value matches this regular expression (JavaScript syntax). */
      matches: z.string().min(1).optional(),
      /** Flags of `matches`; default `i` (case-insensitive). */
      flags: z.string().regex(/^[imsu]*$/, 'only the flags i, m, s and u are allowed').optional(),
      /** A numeric value is at least `min` (and at most `max` when both are given). */
      min: z.number().optional(),
      max: z.number().optional(),
      /** The attribute has (true) or lacks (false) a value. */
      exists: z.boolean().optional(),
      /** A coded value equals this concept (legacy SRT equivalents of SCT view codes are accepted). */
      code: CodeSchema.optional(),
      /** Inverts the test (e.g. a T2 selector that must not match FLAIR). */
      negate: z.boolean().default(false),
      /** Score added when the rule holds. */
      weight: z.number().min(0).default(1),
      /** When the rule fails, the candidate is rejected rather than scored lower. */
      required: z.boolean().default(false),
    })
    .superRefine((rule, context) => {
      const present = OPERATORS.filter((op) => rule[op] !== undefined);
      const exclusive = present.filter((op) => op !== 'min' && op !== 'max');
      const ranged = present.includes('min') || present.includes('max');
      if (exclusive.length + (ranged ? 1 : 0) !== 1) {
        context.addIssue({ code: 'custom', path: ['attribute'], message: `a rule needs exactly one test among ${OPERATORS.join(', ')} (min and max may go together); found ${present.length === 0 ? 'none' : present.join(', ')}` });
      }
      if (rule.flags !== undefined && rule.matches === undefined) context.addIssue({ code: 'custom', path: ['flags'], message: 'flags apply only to matches' });
      if (rule.matches !== undefined) {
        try {
          new RegExp(rule.matches, rule.flags ?? 'i');
        } catch (error) {
          context.addIssue({ code: 'custom', path: ['matches'], message: `invalid regular expression: ${error instanceof Error ? error.message : String(error)}` });
        }
      }
    });
}

/** A protocol-level rule on the study (see STUDY_ATTRIBUTES). */
export const StudyRuleSchema = ruleSchema(STUDY_ATTRIBUTES);
/** A selector rule on a display set (see DISPLAY_SET_ATTRIBUTES). */
export const DisplaySetRuleSchema = ruleSchema(DISPLAY_SET_ATTRIBUTES);

/** A validated protocol-level rule. */
export type StudyRule = z.output<typeof StudyRuleSchema>;
/** A validated display-set rule. */
export type DisplaySetRule = z.output<typeof DisplaySetRuleSchema>;
/** Any validated rule. */
export type MatchRule = StudyRule | DisplaySetRule;
