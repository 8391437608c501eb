import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { OrthancInstance } from '../../fixtures/pacs';

/** The reader every report test signs as. */
export const READER = { familyName: 'LEROY', givenName: 'Anne', professionalId: '10003456789', role: 'Radiologue', institution: 'Téléradiologie Sud' };

/** Gives the reader's identity in Settings. */
export async function saveReader(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  for (const [field, value] of Object.entries(READER)) await page.getByTestId(`node-reader-${field}`).fill(value);
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

/** Retrieves one instance from an Orthanc with WADO-RS and writes its Part 10 bytes to `file`. */
export async function retrieveTo(pacs: OrthancInstance, StudyInstanceUID: string, instance: Json, file: string): Promise<void> {
  const series = instance['0020000E']!.Value![0];
  const sop = instance['00080018']!.Value![0];
  const res = await fetch(`${pacs.dicomWebUrl}/studies/${StudyInstanceUID}/series/${series}/instances/${sop}`, { headers: { authorization: pacs.authorization, accept: 'multipart/related; type="application/dicom"' } });
  const body = Buffer.from(await res.arrayBuffer());
  const boundary = /boundary="?([^";]+)"?/.exec(res.headers.get('content-type') ?? '')![1]!;
  const start = body.indexOf('\r\n\r\n') + 4;
  writeFileSync(file, body.subarray(start, body.indexOf(`\r\n--${boundary}`, start)));
}
