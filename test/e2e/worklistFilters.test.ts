import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateCtPhantom, generateMrSeries, type RequestedProcedurePriority, type StudyDescriptor } from '../../main/demo/samples';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

// Every worklist filter against two real PACS: the search fields (date range, default since
// yesterday; name; patient ID; accession; modality) sent as QIDO-RS to both nodes, and the row
// filters (node, urgency) applied to what they answered.

const daysAgo = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return d;
};
const iso = (d: Date) => toDicomDate(d).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');

interface Case {
  key: string;
  node: 'nord' | 'sud';
  modality: 'CT' | 'MR';
  PatientName: string;
  PatientID: string;
  daysAgo: number;
  priority?: RequestedProcedurePriority;
}

const CASES: Case[] = [
  { key: 'A', node: 'nord', modality: 'CT', PatientName: 'DUPONT^Jean', PatientID: 'WF-1', daysAgo: 0, priority: 'STAT' },
  { key: 'B', node: 'sud', modality: 'MR', PatientName: 'DURAND^Anne', PatientID: 'WF-2', daysAgo: 1 },
  { key: 'C', node: 'nord', modality: 'CT', PatientName: 'MARTIN^Paul', PatientID: 'WF-3', daysAgo: 3, priority: 'HIGH' },
  { key: 'D', node: 'sud', modality: 'MR', PatientName: 'DUPONT^Marie', PatientID: 'WF-4', daysAgo: 0, priority: 'LOW' },
];
const uidOf = (key: string) => `1.2.826.0.1.3680043.10.543.99${key.charCodeAt(0)}`;

function instancesOf(c: Case): ArrayBuffer[] {
  const patient = { PatientName: c.PatientName, PatientID: c.PatientID, PatientBirthDate: '19700101', PatientSex: 'O' as const };
  const study: StudyDescriptor = {
    StudyInstanceUID: uidOf(c.key),
    StudyDate: toDicomDate(daysAgo(c.daysAgo)),
    StudyTime: '010000',
    AccessionNumber: `WF-ACC-${c.key}`,
    StudyID: c.key,
    StudyDescription: `Filters ${c.key}`,
    ...(c.priority ? { request: { ReasonForTheRequestedProcedure: 'Test', RequestedProcedureDescription: 'Test', RequestingPhysician: 'DOC^Test', RequestedProcedurePriority: c.priority } } : {}),
  };
  const seed = `worklist-filters-${c.key}`;
  const series = c.modality === 'CT' ? generateCtPhantom({ seed, patient, study, Rows: 32, Columns: 32, slices: 1 }) : generateMrSeries({ seed, patient, study, Rows: 32, Columns: 32, slices: 1 });
  return series.instances.map((i) => i.buffer);
}

describe('worklist filters on two real PACS (web mode, Chromium)', () => {
  const pacs: Partial<Record<'nord' | 'sud', OrthancInstance>> = {};
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    for (const node of ['nord', 'sud'] as const) {
      const p = await startOrthanc({ name: `e2e-filters-${node}`, aeTitle: `E2E_WF_${node.toUpperCase()}`, username: node, password: `${node}-secret` });
      pacs[node] = p;
      await storeInstancesStow(p, CASES.filter((c) => c.node === node).flatMap(instancesOf));
    }
    const nodes = (['nord', 'sud'] as const).map((n) => dicomwebNode(`pacs-${n}`, `PACS ${n}`, pacs[n]!));
    workstation = await startWorkstation({ nodes, viewport: { width: 1600, height: 900 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await Promise.all(Object.values(pacs).map((p) => p.stop({ graceMs: 0 })));
  });

  /** The studies listed, by case key, once the search is done and the rows settled. */
  const listed = async () => {
    await page.locator('[data-testid=page-worklist][data-state=ready]').waitFor({ timeout: 30_000 });
    const uids = await page.locator('[data-testid=worklist-table] tbody tr[data-study]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-study')));
    return CASES.filter((c) => uids.includes(uidOf(c.key)))
      .map((c) => c.key)
      .join('');
  };
  const expectListed = (keys: string) => expect.poll(listed, { timeout: 30_000 }).toBe(keys);
  /** Sets search fields (empty string clears) and searches. */
  async function search(fields: Partial<Record<'from' | 'to' | 'name' | 'patient-id' | 'accession', string>> & { modality?: string }): Promise<void> {
    for (const [field, value] of Object.entries(fields)) {
      if (field === 'modality') await page.getByTestId('filter-modality').selectOption(value);
      else await page.getByTestId(`filter-${field}`).fill(value);
    }
    await page.getByTestId('filter-apply').click();
  }

  it('searches since yesterday by default', async () => {
    expect(await page.getByTestId('filter-from').inputValue()).toBe(iso(daysAgo(1)));
    expect(await page.getByTestId('filter-to').inputValue()).toBe('');
    await expectListed('ABD');
    expect(await page.locator('[data-testid=node-outcomes] li[data-ok=true]').count()).toBe(2);
  });

  it('searches a date range, both ends included', async () => {
    await search({ from: iso(daysAgo(3)) });
    await expectListed('ABCD');
    await search({ to: iso(daysAgo(2)) });
    await expectListed('C');
    await search({ from: iso(daysAgo(1)), to: iso(daysAgo(1)) });
    await expectListed('B');
    await search({ from: iso(daysAgo(3)), to: '' });
    await expectListed('ABCD');
  });

  it('searches by name prefix (any case, family then given name), patient ID and accession number', async () => {
    await search({ name: 'dupont' });
    await expectListed('AD');
    await search({ name: 'Dupont Mar' });
    await expectListed('D');
    await search({ name: '', 'patient-id': 'WF-2' });
    await expectListed('B');
    await search({ 'patient-id': '', accession: 'WF-ACC-C' });
    await expectListed('C');
    await search({ accession: '' });
    await expectListed('ABCD');
  });

  it('searches by modality', async () => {
    await search({ modality: 'MR' });
    await expectListed('BD');
    await search({ modality: 'CT' });
    await expectListed('AC');
    await search({ modality: '' });
    await expectListed('ABCD');
  });

  it('keeps the rows of one PACS, and of one urgency, without searching again', async () => {
    await page.getByTestId('filter-node').selectOption('pacs-sud');
    await expectListed('BD');
    await page.getByTestId('filter-node').selectOption('');
    await page.getByTestId('filter-urgency').selectOption('urgent');
    await expectListed('AC');
    expect(await page.locator('[data-testid=worklist-table] tbody .urgency').allTextContents()).toEqual(['Emergency', 'Urgent']);
    await page.getByTestId('filter-urgency').selectOption('ROUTINE');
    await expectListed('B');
    await page.getByTestId('filter-node').selectOption('pacs-nord');
    await expect.poll(() => page.getByTestId('worklist-none').count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: screenshotPath('worklist-filters-none') });
    await page.getByTestId('filter-node').selectOption('');
    await page.getByTestId('filter-urgency').selectOption('any');
    await expectListed('ABCD');
  });

  it('keeps the row filters through a new search', async () => {
    await page.getByTestId('filter-node').selectOption('pacs-nord');
    await search({ name: 'dupont' });
    await expectListed('A');
    await page.screenshot({ path: screenshotPath('worklist-filters-combined') });
  });
});
