import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPersonName, toDicomDate } from '../../app/dicom/formatPersonName';
import type { RequestedProcedurePriority } from '../../main/demo/samples';
import { buildNodesFile, loadDemoScenario, startRegion, type LoadedScenario, type Region } from '../fixtures/pacs';
import { nodeIdOf } from './pages/syncPageHelpers';
import { screenshotPath } from './support/chromium';
import { failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

type ScenarioStudy = LoadedScenario['studies'][number];

/** Worklist order: most urgent first, then the longest waiting first. */
const URGENCY: RequestedProcedurePriority[] = ['STAT', 'HIGH', 'MEDIUM', 'ROUTINE', 'LOW'];
/** Each urgency as the French worklist names it. */
const URGENCY_FR: Record<RequestedProcedurePriority, string> = { STAT: 'Urgence vitale', HIGH: 'Urgent', MEDIUM: 'Semi-urgent', ROUTINE: 'Programmé', LOW: 'Non urgent' };
const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

/** What a worklist row shows, column by column. */
interface Row {
  study: string | null;
  urgency: string;
  name: string;
  patientId: string;
  identityFlags: number;
  birthDate: string;
  date: string;
  modality: string;
  description: string;
  node: string;
}

describe('worklist across two real PACS (web mode, Chromium)', () => {
  let region: Region;
  let scenario: LoadedScenario;
  let workstation: Workstation;
  let page: Page;
  let nodes: Array<Record<string, unknown>>;
  /** The studies the default search (since yesterday) finds on both PACS, in worklist order. */
  let listed: ScenarioStudy[];
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    region = await startRegion();
    scenario = await loadDemoScenario(region, { scale: 0.1 });
    const yesterday = new Date(scenario.now);
    yesterday.setDate(yesterday.getDate() - 1);
    const rank = (s: ScenarioStudy) => URGENCY.indexOf(s.study.request?.RequestedProcedurePriority ?? 'ROUTINE');
    listed = scenario.studies
      .filter((s) => s.study.StudyDate >= toDicomDate(yesterday))
      .sort((a, b) => rank(a) - rank(b) || `${a.study.StudyDate}${a.study.StudyTime}`.localeCompare(`${b.study.StudyDate}${b.study.StudyTime}`));
    nodes = buildNodesFile([region.nord, region.sud]).nodes.filter((n) => n.kind === 'dicomweb');
    workstation = await startWorkstation({ nodes, locale: 'fr-FR', viewport: { width: 1500, height: 900 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await region?.stop();
  });

  const rows = () => page.locator('[data-testid=worklist-table] tbody tr');
  const nodeName = (s: ScenarioStudy) => nodes.find((n) => n.id === nodeIdOf({ id: s.pacs }))!.name as string;
  /** The row a study of the scenario should show. */
  const rowOf = (s: ScenarioStudy): Row => ({
    study: s.study.StudyInstanceUID,
    urgency: URGENCY_FR[s.study.request?.RequestedProcedurePriority ?? 'ROUTINE'],
    name: formatPersonName(s.patient.PatientName),
    patientId: `${s.patient.PatientID}${s.patient.IssuerOfPatientID ?? ''}`,
    identityFlags: 0,
    birthDate: iso(s.patient.PatientBirthDate!),
    date: `${iso(s.study.StudyDate)} à ${s.study.StudyTime.slice(0, 2)}:${s.study.StudyTime.slice(2, 4)}`,
    modality: s.ModalitiesInStudy.join(', '),
    description: s.study.StudyDescription ?? '',
    node: nodeName(s),
  });
  const shownRows = () =>
    rows().evaluateAll((trs) =>
      trs.map((tr): Row => {
        const cell = (i: number) => tr.children[i]!.textContent!.trim();
        return { study: tr.getAttribute('data-study'), urgency: cell(0), name: cell(1), patientId: cell(2), identityFlags: tr.children[2]!.querySelectorAll('.identity-flag').length, birthDate: cell(3), date: cell(4), modality: cell(5), description: cell(6), node: cell(7) };
      }),
    );
  const chips = () => page.locator('[data-testid=node-outcomes] li').evaluateAll((lis) => lis.map((li) => ({ node: li.getAttribute('data-node'), ok: li.getAttribute('data-ok'), text: li.textContent ?? '' })));
  const studiesOf = (pacs: ScenarioStudy['pacs']) => listed.filter((s) => s.pacs === pacs);

  it('lists tonight’s studies of both PACS, most urgent first', async () => {
    // The demo night: eight studies tonight, and the two priors years ago that a search since yesterday leaves out.
    expect(listed.map((s) => s.key).sort()).toEqual(scenario.studies.filter((s) => !s.isPrior).map((s) => s.key).sort());
    expect(listed).toHaveLength(8);
    await page.locator('[data-testid=page-worklist][data-state=ready]').waitFor({ timeout: 60_000 });
    expect(await shownRows()).toEqual(listed.map(rowOf));
    const outcomes = await chips();
    expect(outcomes.map(({ node, ok }) => ({ node, ok }))).toEqual([
      { node: 'pacs-nord', ok: 'true' },
      { node: 'pacs-sud', ok: 'true' },
    ]);
    for (const [i, pacs] of (['PACS_NORD', 'PACS_SUD'] as const).entries()) {
      const count = studiesOf(pacs).length;
      expect(outcomes[i]!.text).toMatch(new RegExp(`^${nodeName(studiesOf(pacs)[0]!)} ${count} examens? \\(\\d+ ms\\)$`));
    }
    await page.screenshot({ path: screenshotPath('worklist-two-pacs-fr') });
  });

  it('shows the clinical request of the selected study and moves with the arrow keys', async () => {
    await rows().first().click();
    expect(await rows().first().getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('[data-testid=clinical-request] [data-field=question]').textContent()).toBe(listed[0]!.study.request!.ReasonForTheRequestedProcedure);
    await page.locator('[data-testid=worklist-table]').press('ArrowDown');
    expect(await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('aria-selected')))).toEqual(listed.map((_, i) => String(i === 1)));
    expect(await rows().nth(1).getAttribute('data-study')).toBe(listed[1]!.study.StudyInstanceUID);
    expect(await page.locator('[data-testid=clinical-request] [data-field=question]').textContent()).toBe(listed[1]!.study.request!.ReasonForTheRequestedProcedure);
  });

  it('keeps patients of different PACS apart: same PatientID, different issuers, separate rows', async () => {
    const issuersById = new Map<string, Set<string>>();
    for (const s of listed) issuersById.set(s.patient.PatientID, (issuersById.get(s.patient.PatientID) ?? new Set()).add(s.patient.IssuerOfPatientID ?? ''));
    // The demo scenario holds two different people sharing PatientID 100200 on the two PACS.
    const shared = [...issuersById.entries()].filter(([, issuers]) => issuers.size > 1).map(([id]) => id);
    expect(shared).toEqual(['100200']);
    const sharing = listed.filter((s) => s.patient.PatientID === shared[0]);
    expect(sharing.map((s) => s.pacs)).toEqual(['PACS_NORD', 'PACS_SUD']);
    const shown = (await shownRows()).filter((r) => sharing.some((s) => s.study.StudyInstanceUID === r.study));
    expect(shown.map(({ study, name, patientId, identityFlags }) => ({ study, name, patientId, identityFlags }))).toEqual(
      sharing.map(rowOf).map(({ study, name, patientId, identityFlags }) => ({ study, name, patientId, identityFlags })),
    );
    expect(new Set(shown.map((r) => r.patientId)).size).toBe(2);
  });

  it('with one PACS stopped: the other’s studies, and the stopped one’s error', async () => {
    await region.sud.stop();
    await page.getByRole('button', { name: 'Actualiser' }).click();
    await page.locator('[data-testid=node-outcomes] li[data-ok=false]').waitFor({ timeout: 30_000 });
    const outcomes = await chips();
    expect(outcomes.map(({ node, ok }) => ({ node, ok }))).toEqual([
      { node: 'pacs-nord', ok: 'true' },
      { node: 'pacs-sud', ok: 'false' },
    ]);
    expect(outcomes[1]!.text).toContain('indisponible');
    // Nothing of PACS Sud was opened or prefetched: no cached study of it to list.
    expect(await page.locator('[data-testid=node-outcomes] li[data-node=pacs-sud] [data-testid=offline-count]').getAttribute('data-count')).toBe('0');
    expect(await shownRows()).toEqual(studiesOf('PACS_NORD').map(rowOf));
    await page.screenshot({ path: screenshotPath('worklist-one-pacs-down-fr') });
  });
});
