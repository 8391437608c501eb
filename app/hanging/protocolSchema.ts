import { z } from 'zod';
import { DisplaySetRuleSchema, StudyRuleSchema } from './ruleSchema';

/** A label in both interface languages. */
export const LocalizedTextSchema = z.strictObject({ fr: z.string().min(1), en: z.string().min(1) });

/**
 * Chooses display sets for viewports: which study (`current`, or a prior by
 * `priorIndex`, 0 = most recent), whether a display set is a whole series or
 * one image (`unit: 'image'`, e.g. one mammography view per viewport), and the
 * weighted rules. A candidate failing a `required` rule is never chosen.
 */
export const SelectorSchema = z.strictObject({
  /** What the selector stands for, shown in its viewport when nothing fills it (e.g. "R CC"). */
  label: LocalizedTextSchema.optional(),
  /** A view expected once (a mammography view): more than one equally good candidate is said in the viewport. */
  unique: z.boolean().default(false),
  study: z.enum(['current', 'prior']).default('current'),
  priorIndex: z.number().int().min(0).default(0),
  unit: z.enum(['series', 'image']).default('series'),
  rules: z.array(DisplaySetRuleSchema).default([]),
});

/**
 * Keeps viewports of a stage scrolling together. `position`: by patient
 * position, which the matcher grants only when every display set of the group
 * shares one FrameOfReferenceUID (PS3.3 C.7.4.1 Frame of Reference Module),
 * else it falls back to `index` (same image number).
 */
export const SyncSchema = z.strictObject({ group: z.string().min(1), mode: z.enum(['position', 'index']) });

/**
 * One viewport: the selector that fills it, which of its ranked candidates
 * (`matchIndex`, after skipping display sets already shown earlier in the
 * stage when `distinct`), and how to display it. `alignment` puts the
 * mammography chest wall on that edge of the viewport; the matcher computes
 * the horizontal flip from PatientOrientation (PS3.3 C.7.6.1.1.1), and uses
 * `flipHorizontal` only when the orientation is unknown or no alignment is set.
 */
export const ViewportSchema = z.strictObject({
  selector: z.string().min(1),
  matchIndex: z.number().int().min(0).default(0),
  distinct: z.boolean().default(false),
  windowPreset: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a preset name in kebab-case, e.g. lung').optional(),
  flipHorizontal: z.boolean().default(false),
  alignment: z.enum(['left', 'right']).optional(),
  sync: SyncSchema.optional(),
});

/** A stage: a rows × columns grid filled row by row with its viewports. */
export const StageSchema = z.strictObject({
  id: z.string().min(1),
  name: LocalizedTextSchema,
  rows: z.number().int().min(1).max(4),
  columns: z.number().int().min(1).max(4),
  viewports: z.array(ViewportSchema).min(1),
});

/**
 * A hanging protocol: rules on the study decide whether (and how well) it
 * applies; named selectors and stages describe the layout. Protocols are data
 * (assets/hanging/*.json) checked by `loadProtocols`.
 */
export const HangingProtocolSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id in kebab-case, e.g. ct-chest'),
    name: LocalizedTextSchema,
    rules: z.array(StudyRuleSchema).default([]),
    selectors: z.record(z.string().min(1), SelectorSchema),
    stages: z.array(StageSchema).min(1),
  })
  .superRefine((protocol, context) => {
    protocol.stages.forEach((stage, s) => {
      if (protocol.stages.findIndex((other) => other.id === stage.id) !== s) context.addIssue({ code: 'custom', path: ['stages', s, 'id'], message: `duplicate stage id "${stage.id}"` });
      const cells = stage.rows * stage.columns;
      if (stage.viewports.length > cells) context.addIssue({ code: 'custom', path: ['stages', s, 'viewports'], message: `${stage.viewports.length} viewports do not fit a ${stage.rows}×${stage.columns} grid` });
      stage.viewports.forEach((viewport, v) => {
        if (!Object.hasOwn(protocol.selectors, viewport.selector)) {
          const known = Object.keys(protocol.selectors).join(', ') || 'none';
          context.addIssue({ code: 'custom', path: ['stages', s, 'viewports', v, 'selector'], message: `unknown selector "${viewport.selector}" (defined: ${known})` });
        }
      });
    });
  });

/** A validated hanging protocol, defaults applied. */
export type HangingProtocol = z.output<typeof HangingProtocolSchema>;
/** A validated selector. */
export type Selector = z.output<typeof SelectorSchema>;
/** A validated stage. */
export type Stage = z.output<typeof StageSchema>;
/** A validated viewport. */
export type Viewport = z.output<typeof ViewportSchema>;
/** A label in French and English. */
export type LocalizedText = z.output<typeof LocalizedTextSchema>;
