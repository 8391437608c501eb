import templatesJson from '../../../assets/report/templates.json';
import { parseReportTemplates, ReportTemplateError, type ReportTemplate } from '../../../app/report';

/**
 * The report templates shipped in assets/report/templates.json, checked once when the page loads:
 * a faulty file (an unknown placeholder, a missing language) is said then, with the template's
 * name, and never at signing time.
 */
export const REPORT_TEMPLATES: { templates: ReportTemplate[] } | { error: string } = (() => {
  try {
    return { templates: parseReportTemplates(templatesJson) };
  } catch (error) {
    const message = error instanceof ReportTemplateError ? error.message : String(error);
    console.error(message);
    return { error: message };
  }
})();
