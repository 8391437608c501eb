import type { StudySummary } from '../dicom/studySummary';
import type { ReportLanguage, ReportSections } from './reportTypes';

/** The placeholders a template may use, and the study attribute each is filled from. */
export const PLACEHOLDERS = {
  /** The clinical request: ReasonForTheRequestedProcedure, else AdditionalPatientHistory. */
  request: (s: StudySummary) => s.ReasonForTheRequestedProcedure ?? s.AdditionalPatientHistory ?? '',
  studyDescription: (s: StudySummary) => s.StudyDescription ?? s.RequestedProcedureDescription ?? '',
  modality: (s: StudySummary) => s.ModalitiesInStudy.join(', '),
  requestingPhysician: (s: StudySummary) => (s.RequestingPhysician ?? '').split('^').filter(Boolean).join(' '),
} as const satisfies Record<string, (s: StudySummary) => string>;

/** A report template (assets/report/templates.json): which studies it fits and its text per language. */
export interface ReportTemplate {
  id: string;
  /** Modalities it fits (empty: any). */
  modalities: string[];
  /** Words of the study description it fits, lower case (empty: any). */
  keywords: string[];
  title: Record<ReportLanguage, string>;
  sections: Record<ReportLanguage, ReportSections>;
}

/** A template file that cannot be used: the template and what is wrong, said at load time. */
export class ReportTemplateError extends Error {
  constructor(
    readonly templateId: string,
    message: string,
  ) {
    super(`Report template ${templateId}: ${message}`);
    this.name = 'ReportTemplateError';
  }
}

const LANGUAGES: readonly ReportLanguage[] = ['fr', 'en'];
const SECTION_KEYS: readonly (keyof ReportSections)[] = ['indication', 'technique', 'findings', 'conclusion'];
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

function strings(value: unknown, id: string, what: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new ReportTemplateError(id, `${what} must be a list of strings`);
  return value;
}

function text(value: unknown, id: string, what: string): string {
  if (typeof value !== 'string') throw new ReportTemplateError(id, `${what} must be text`);
  for (const [, name] of value.matchAll(PLACEHOLDER)) {
    if (!(name! in PLACEHOLDERS)) throw new ReportTemplateError(id, `unknown placeholder {{${name}}} in ${what} (known: ${Object.keys(PLACEHOLDERS).join(', ')})`);
  }
  return value;
}

/**
 * The templates of a template file, checked whole: every template has an id, a title and the four
 * sections in French and English, and uses only known {@link PLACEHOLDERS}.
 * @throws ReportTemplateError naming the template and the fault
 */
export function parseReportTemplates(json: unknown): ReportTemplate[] {
  const list = (json as { templates?: unknown } | null)?.templates;
  if (!Array.isArray(list) || list.length === 0) throw new ReportTemplateError('(file)', 'expected { "templates": [ ... ] } with at least one template');
  const seen = new Set<string>();
  return list.map((raw: Record<string, unknown>, index) => {
    const id = typeof raw?.id === 'string' && raw.id ? raw.id : `#${index + 1}`;
    if (seen.has(id)) throw new ReportTemplateError(id, 'id used twice');
    seen.add(id);
    const title = raw.title as Record<string, unknown> | undefined;
    const sections = raw.sections as Record<string, Record<string, unknown>> | undefined;
    const byLanguage = <T>(make: (l: ReportLanguage) => T) => Object.fromEntries(LANGUAGES.map((l) => [l, make(l)])) as Record<ReportLanguage, T>;
    return {
      id,
      modalities: strings(raw.modalities, id, 'modalities'),
      keywords: strings(raw.keywords, id, 'keywords').map((k) => k.toLowerCase()),
      title: byLanguage((l) => text(title?.[l], id, `title.${l}`)),
      sections: byLanguage((l) => Object.fromEntries(SECTION_KEYS.map((k) => [k, text(sections?.[l]?.[k], id, `sections.${l}.${k}`)])) as unknown as ReportSections),
    };
  });
}

/** How well a template fits a study: modality and description words; -1 when its modalities exclude the study. */
function fit(template: ReportTemplate, study: StudySummary): number {
  const modality = template.modalities.length === 0 ? 0 : template.modalities.some((m) => study.ModalitiesInStudy.includes(m)) ? 2 : -1;
  if (modality < 0) return -1;
  const description = (study.StudyDescription ?? study.RequestedProcedureDescription ?? '').toLowerCase();
  return modality + template.keywords.filter((k) => description.includes(k)).length * 3;
}

/** The template that fits the study best (modality, then description words); the first generic one otherwise. */
export function pickReportTemplate(templates: readonly ReportTemplate[], study: StudySummary): ReportTemplate {
  let best = templates[0]!;
  let score = -Infinity;
  for (const t of templates) {
    const s = fit(t, study);
    if (s > score) [best, score] = [t, s];
  }
  return best;
}

/** A template's title and sections in `language`, placeholders filled from the study. */
export function fillReportTemplate(template: ReportTemplate, language: ReportLanguage, study: StudySummary): { title: string; sections: ReportSections } {
  const fill = (value: string) => value.replace(PLACEHOLDER, (_, name: keyof typeof PLACEHOLDERS) => PLACEHOLDERS[name](study)).trim();
  const sections = template.sections[language];
  return { title: fill(template.title[language]), sections: { indication: fill(sections.indication), technique: fill(sections.technique), findings: fill(sections.findings), conclusion: fill(sections.conclusion) } };
}
