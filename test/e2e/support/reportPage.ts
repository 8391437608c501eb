import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { MultipartParser } from '../../../app/dicomweb';
import type { OrthancInstance } from '../../fixtures/pacs';

/** The reader every report test signs as. */
export const READER = { familyName: 'LEROY', givenName: 'Anne', professionalId: '10003456789', role: 'Radiologue', institution: 'Téléradiologie Sud' };

/** Gives the reader's identity in Settings ({@link READER} unless told). */
export async function saveReader(page: Page, reader: typeof READER = READER): Promise<void> {
  await page.getByTestId('nav-settings').click();
  for (const [field, value] of Object.entries(reader)) await page.getByTestId(`node-reader-${field}`).fill(value);
  await page.getByTestId('reader-save').click();
  await page.getByTestId('reader-saved').waitFor();
}

/** Opens a study from the worklist and shows its report tab. */
export async function openStudyReport(page: Page, StudyInstanceUID: string): Promise<void> {
  await page.getByTestId('nav-worklist').click();
  const row = page.locator(`[data-testid=worklist-table] tbody tr[data-study="${StudyInstanceUID}"]`);
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.getByTestId('worklist-table').press('Enter');
  await page.locator(`[data-testid=study-viewer][data-study="${StudyInstanceUID}"] [data-testid=stack-viewport][data-state=ready]`).first().waitFor({ timeout: 60_000 });
  await page.getByTestId('tab-report').click();
}

/** Starts a report (unless started), marks the image shown as key image, writes a conclusion and signs it (confirming the dialog). */
export async function writeAndSign(page: Page, conclusion: string): Promise<void> {
  if (await page.getByTestId('report-begin').isVisible()) await page.getByTestId('report-begin').click();
  await page.getByTestId('report-conclusion').fill(conclusion);
  await page.getByTestId('stack-viewport').click();
  await page.keyboard.press('k');
  await page.getByTestId('key-image').first().waitFor();
  await page.locator('[data-testid=report-panel][data-saved=true]').waitFor();
  await page.getByTestId('report-sign').click();
  await page.getByTestId('sign-confirm').click();
  await page.locator('[data-testid=report-panel][data-version="1"]').waitFor({ timeout: 20_000 });
}

type Json = Record<string, { vr: string; Value?: unknown[] }>;

/** The series number of each kind of object Garde writes. */
const KINDS: Record<number, string> = { 9001: 'sr', 9002: 'kos', 9003: 'pdf', 9004: 'tid1500' };

/** The objects Garde wrote in a study on an Orthanc, by kind (from their series number), read with QIDO-RS. */
export async function pacsReportObjects(pacs: OrthancInstance, StudyInstanceUID: string): Promise<{ kind: string; json: Json }[]> {
  const get = async (path: string): Promise<Json[]> => (await fetch(`${pacs.dicomWebUrl}${path}`, { headers: { authorization: pacs.authorization, accept: 'application/dicom+json' } })).json() as Promise<Json[]>;
  const series = (await get(`/studies/${StudyInstanceUID}/series?includefield=00200011`)).filter((x) => KINDS[x['00200011']?.Value?.[0] as number]);
  const out: { kind: string; json: Json }[] = [];
  for (const x of series) {
    const kind = KINDS[x['00200011']!.Value![0] as number]!;
    for (const json of await get(`/studies/${StudyInstanceUID}/series/${x['0020000E']!.Value![0]}/instances`)) out.push({ kind, json });
  }
  return out;
}

/** One instance's Part 10 bytes, retrieved from an Orthanc with WADO-RS (the one part of the multipart answer). */
export async function retrievePart10(pacs: OrthancInstance, StudyInstanceUID: string, instance: Json): Promise<Uint8Array> {
  const series = instance['0020000E']!.Value![0];
  const sop = instance['00080018']!.Value![0];
  const res = await fetch(`${pacs.dicomWebUrl}/studies/${StudyInstanceUID}/series/${series}/instances/${sop}`, { headers: { authorization: pacs.authorization, accept: 'multipart/related; type="application/dicom"' } });
  if (!res.ok) throw new Error(`WADO-RS of ${sop}: HTTP ${res.status}`);
  const parser = MultipartParser.fromContentType(res.headers.get('content-type') ?? '');
  const parts = parser.push(new Uint8Array(await res.arrayBuffer()));
  parser.end();
  return parts[0]!.body;
}

/** Retrieves one instance from an Orthanc with WADO-RS and writes its Part 10 bytes to `file`. */
export async function retrieveTo(pacs: OrthancInstance, StudyInstanceUID: string, instance: Json, file: string): Promise<void> {
  writeFileSync(file, await retrievePart10(pacs, StudyInstanceUID, instance));
}

interface Probe {
  canvasPointOf(column: number, row: number): [number, number] | undefined;
}

/** Drags the length tool on the image shown, between two image points (column, row). */
export async function drawLength(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const viewport = page.getByTestId('stack-viewport').first();
  await page.getByTestId('tool-Length').click();
  const box = (await viewport.boundingBox())!;
  const at = (p: [number, number]) => viewport.evaluate((el, [x, y]) => (el as unknown as { gardeStackView: Probe }).gardeStackView.canvasPointOf(x!, y!)!, p);
  const [a, b] = [await at(from), await at(to)];
  await page.mouse.move(box.x + a[0], box.y + a[1]);
  await page.mouse.down();
  for (let s = 1; s <= 5; s += 1) await page.mouse.move(box.x + a[0] + ((b[0] - a[0]) * s) / 5, box.y + a[1] + ((b[1] - a[1]) * s) / 5);
  await page.mouse.up();
}
