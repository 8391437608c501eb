import { ASSESSMENTS, type Assessment } from './screeningTypes';

/**
 * The screening programme a station reads for: data in `assets/screening/programme.json`,
 * overridable in the settings. `independent`: every examination is read twice blind, a discordant
 * case goes to arbitration (European guidelines, UK NHSBSP). `second-read-of-normals`: the French
 * programme's "deuxième lecture" of the examinations the first reader found normal.
 */
export interface ScreeningProgramme {
  workflow: 'independent' | 'second-read-of-normals';
  /** Whether a second reader may see the first read before giving their own (default: no). */
  showFirstReadBeforeSubmission: boolean;
  /** Assessments that mean recall (a breast assessed so is recalled whatever the recall box says). */
  recallAssessments: Assessment[];
  /** After a discordance, a consensus of both readers may replace arbitration by a third. */
  consensus: boolean;
}

export class ScreeningProgrammeError extends Error {
  override name = 'ScreeningProgrammeError';
}

const WORKFLOWS = ['independent', 'second-read-of-normals'] as const;

/** Reads and checks programme settings (`override` over `base`); throws {@link ScreeningProgrammeError} naming the field. */
export function parseScreeningProgramme(base: unknown, override: unknown = {}): ScreeningProgramme {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(base)) throw new ScreeningProgrammeError('screening programme: not a JSON object');
  if (!isObject(override)) throw new ScreeningProgrammeError('screening programme override: not a JSON object');
  const merged = { ...base, ...override };
  const { workflow, showFirstReadBeforeSubmission = false, recallAssessments, consensus = false } = merged;
  if (!WORKFLOWS.includes(workflow as ScreeningProgramme['workflow'])) throw new ScreeningProgrammeError(`screening programme: workflow must be ${WORKFLOWS.join(' or ')}, not ${JSON.stringify(workflow)}`);
  if (typeof showFirstReadBeforeSubmission !== 'boolean') throw new ScreeningProgrammeError('screening programme: showFirstReadBeforeSubmission must be true or false');
  if (typeof consensus !== 'boolean') throw new ScreeningProgrammeError('screening programme: consensus must be true or false');
  if (!Array.isArray(recallAssessments) || recallAssessments.length === 0 || !recallAssessments.every((a) => ASSESSMENTS.includes(a as Assessment))) {
    throw new ScreeningProgrammeError('screening programme: recallAssessments must list BI-RADS categories 0–6');
  }
  return { workflow: workflow as ScreeningProgramme['workflow'], showFirstReadBeforeSubmission, recallAssessments: [...new Set(recallAssessments as Assessment[])].sort(), consensus };
}
