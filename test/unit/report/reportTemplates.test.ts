import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { fillReportTemplate, parseReportTemplates, pickReportTemplate } from '../../../app/report/reportTemplates';

const shipped = JSON.parse(readFileSync(new URL('../../../assets/report/templates.json', import.meta.url), 'utf8'));
const study = (over: Partial<StudySummary>): StudySummary => ({ nodeId: 'a', StudyInstanceUID: '1.2', ModalitiesInStudy: ['CT'], OtherPatientIDs: [], ...over });

describe('report templates', () => {
  it('the shipped file loads, and picks by modality and description', () => {
    const templates = parseReportTemplates(shipped);
    expect(pickReportTemplate(templates, study({ StudyDescription: 'TDM THORAX injecté' })).id).toBe('ct-chest');
    expect(pickReportTemplate(templates, study({ StudyDescription: 'Scanner cérébral' })).id).toBe('ct-head');
    expect(pickReportTemplate(templates, study({ ModalitiesInStudy: ['MR'] })).id).toBe('mr');
    expect(pickReportTemplate(templates, study({ ModalitiesInStudy: ['US'] })).id).toBe('generic');
  });

  it('prefills the indication from the clinical request', () => {
    const [generic] = parseReportTemplates(shipped);
    const filled = fillReportTemplate(generic!, 'fr', study({ ReasonForTheRequestedProcedure: 'Suspicion d’embolie', StudyDescription: 'Angio-TDM' }));
    expect(filled.sections.indication).toBe('Suspicion d’embolie');
    expect(filled.sections.technique).toBe('Angio-TDM');
    expect(filled.title).toBe('Compte rendu CT');
  });

  it('refuses at load an unknown placeholder, a missing language, a duplicate id, naming the template', () => {
    const one = structuredClone(shipped.templates[0]);
    one.sections.en.findings = 'See {{nodule}}';
    expect(() => parseReportTemplates({ templates: [one] })).toThrow(/generic: unknown placeholder \{\{nodule\}\} in sections.en.findings/);
    const noEn = structuredClone(shipped.templates[0]);
    delete noEn.sections.en;
    expect(() => parseReportTemplates({ templates: [noEn] })).toThrow(/generic: sections.en.indication must be text/);
    expect(() => parseReportTemplates({ templates: [shipped.templates[0], shipped.templates[0]] })).toThrow(/generic: id used twice/);
    expect(() => parseReportTemplates({})).toThrow(/at least one template/);
  });
});
