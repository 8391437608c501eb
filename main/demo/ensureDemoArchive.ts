import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FolderNode } from '../../app/nodes';
import { buildDemoScenario } from './samples/demoScenario';
import { buildScreeningBatch } from './samples/screeningBatch';

/** Id of the built-in demo node. */
export const DEMO_NODE_ID = 'demo';
const COMPLETE_MARKER = '.complete';

/**
 * The built-in demo archive: a night on call (the testbed's demo scenario, half size) and a batch
 * of screening mammograms to double-read, written once
 * as DICOM Part 10 files under `<dataDir>/demo`, served as a folder node so the workstation shows
 * studies before any PACS is configured; it receives what a reader sends (under `demo/received`). Written into a temporary folder then
 * renamed, so an interrupted first start never leaves half an archive.
 */
export async function ensureDemoArchive(dataDir: string, now: () => Date = () => new Date()): Promise<FolderNode> {
  const path = join(dataDir, 'demo');
  if (!existsSync(join(path, COMPLETE_MARKER))) {
    const staging = `${path}.${process.pid}.partial`;
    await rm(staging, { recursive: true, force: true });
    const scenario = buildDemoScenario({ now: now(), seed: 'garde-demo', scale: 0.5 });
    const batch = buildScreeningBatch({ now: now(), seed: 'garde-demo', scale: 0.5 });
    for (const instances of [...scenario.studies.map((s) => s.generate()), ...batch]) {
      for (const instance of instances) {
        const dir = join(staging, instance.StudyInstanceUID, instance.SeriesInstanceUID);
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, `${instance.SOPInstanceUID}.dcm`), new Uint8Array(instance.buffer));
      }
    }
    await writeFile(join(staging, COMPLETE_MARKER), `${now().toISOString()}\n`);
    await rm(path, { recursive: true, force: true });
    await rename(staging, path);
  }
  // The demo receives what a reader sends (reports, key images), so the whole night can be tried.
  return { id: DEMO_NODE_ID, name: 'Démo / Demo', kind: 'folder', path, receive: true };
}
