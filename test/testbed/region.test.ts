import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNodesFile } from '../../app/nodes';
import {
  buildNodesFile,
  findStudiesDcmjsDimse,
  findStudiesFindscu,
  isProcessAlive,
  loadDemoScenario,
  qido,
  runDcmtk,
  startRegion,
  stopChild,
  waitForListening,
  type LoadedScenario,
  type Region,
} from '../fixtures/pacs';

const NOW = new Date(2026, 2, 14, 23, 30, 0);

function uidsOf(scenario: LoadedScenario, pacs: 'PACS_NORD' | 'PACS_SUD'): string[] {
  return scenario.studies.filter((s) => s.pacs === pacs).map((s) => s.study.StudyInstanceUID).sort();
}

describe('two regional PACS with the demo scenario', () => {
  let region: Region;
  let scenario: LoadedScenario;

  beforeAll(async () => {
    region = await startRegion();
    scenario = await loadDemoScenario(region, { now: NOW, scale: 0.25 });
  });

  afterAll(async () => {
    await region?.stop();
  });

  it('gives each PACS its own AE title, credentials and issuer', () => {
    expect(region.nord.aeTitle).not.toBe(region.sud.aeTitle);
    expect(region.nord.username).not.toBe(region.sud.username);
    expect(region.nord.password).not.toBe(region.sud.password);
    expect(region.nord.issuerOfPatientID).not.toBe(region.sud.issuerOfPatientID);
  });

  it('refuses requests without the right credentials', async () => {
    const anonymous = await fetch(`${region.nord.dicomWebUrl}/studies`);
    expect(anonymous.status).toBe(401);
    const wrong = await fetch(`${region.nord.dicomWebUrl}/studies`, { headers: { authorization: region.sud.authorization } });
    expect(wrong.status).toBe(401);
  });

  it('QIDO-RS returns the scenario studies of each PACS', async () => {
    for (const pacs of [region.nord, region.sud]) {
      const found = (await qido(pacs, '/studies')).map((s) => String(s['0020000D']?.Value?.[0])).sort();
      expect(found).toEqual(uidsOf(scenario, pacs.id));
    }
  });

  it('QIDO-RS keeps the clinical request and the issuer of each study', async () => {
    const study = scenario.studies.find((s) => s.key === 'ct-abdomen-nguyen');
    const [result] = await qido(region.nord, `/studies?StudyInstanceUID=${study?.study.StudyInstanceUID}&includefield=00400275&includefield=00100021&includefield=00321060`);
    expect(result?.['00100021']?.Value?.[0]).toBe('CHU-NORD');
    expect(result?.['00321060']?.Value?.[0]).toBe(study?.study.request?.RequestedProcedureDescription);
  });

  it('C-FIND with dcmtk findscu returns the studies of each PACS', async () => {
    for (const pacs of [region.nord, region.sud]) {
      expect((await findStudiesFindscu(pacs, region.workstation.aeTitle)).sort()).toEqual(uidsOf(scenario, pacs.id));
    }
  });

  it('C-FIND with dcmjs-dimse finds the two different people sharing PatientID 100200', async () => {
    const nord = await findStudiesDcmjsDimse(region.nord, region.workstation.aeTitle, { PatientID: '100200' });
    const sud = await findStudiesDcmjsDimse(region.sud, region.workstation.aeTitle, { PatientID: '100200' });
    expect(nord.map((r) => r.IssuerOfPatientID)).toEqual(['CHU-NORD']);
    expect(sud.map((r) => r.IssuerOfPatientID)).toEqual(['CH-SUD']);
    expect(JSON.stringify(nord[0]?.PatientName)).not.toBe(JSON.stringify(sud[0]?.PatientName));
    const all = await findStudiesDcmjsDimse(region.sud, region.workstation.aeTitle);
    expect(all.map((r) => String(r.StudyInstanceUID)).sort()).toEqual(uidsOf(scenario, 'PACS_SUD'));
  });

  it('C-FIND refuses an unknown calling AE and a wrong called AE', async () => {
    await expect(findStudiesFindscu(region.nord, 'INTRUDER')).rejects.toThrow();
    await expect(findStudiesFindscu({ ...region.nord, aeTitle: 'NOT_NORD' }, region.workstation.aeTitle)).rejects.toThrow();
  });

  it('C-MOVE moves a study from PACS_NORD to PACS_SUD (Orthanc REST and dcmtk movescu)', async () => {
    const [first, second] = scenario.studies.filter((s) => s.pacs === 'PACS_NORD');
    const response = await fetch(`${region.sud.httpUrl}/modalities/PACS_NORD/move`, {
      method: 'POST',
      headers: { authorization: region.sud.authorization },
      body: JSON.stringify({ Level: 'Study', Resources: [{ StudyInstanceUID: first?.study.StudyInstanceUID }], Synchronous: true }),
    });
    expect(response.status).toBe(200);
    const moved = await runDcmtk('movescu', [
      '-S', '-aet', region.workstation.aeTitle, '-aec', region.nord.aeTitle, '-aem', region.sud.aeTitle,
      '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${second?.study.StudyInstanceUID}`,
      region.nord.host, String(region.nord.dimsePort),
    ]);
    expect(moved.code, moved.stderr).toBe(0);
    const onSud = (await qido(region.sud, '/studies')).map((s) => String(s['0020000D']?.Value?.[0]));
    expect(onSud).toContain(first?.study.StudyInstanceUID);
    expect(onSud).toContain(second?.study.StudyInstanceUID);
    const series = await qido(region.sud, `/studies/${second?.study.StudyInstanceUID}/instances`);
    expect(series).toHaveLength(second?.instanceCount ?? -1);
  });

  it('C-MOVE delivers a study to the workstation AE (dcmtk storescp standing in for Garde)', async () => {
    const target = scenario.studies.find((s) => s.pacs === 'PACS_SUD')!;
    const dir = await mkdtemp(join(tmpdir(), 'garde-scp-'));
    const scp = spawn('storescp', ['-aet', region.workstation.aeTitle, '-od', dir, String(region.workstation.port)], { env: { ...process.env, TCP_NODELAY: '1' }, stdio: 'ignore' });
    try {
      await waitForListening(region.workstation.port);
      const moved = await runDcmtk('movescu', [
        '-S', '-aet', region.workstation.aeTitle, '-aec', region.sud.aeTitle, '-aem', region.workstation.aeTitle,
        '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${target.study.StudyInstanceUID}`,
        region.sud.host, String(region.sud.dimsePort),
      ]);
      expect(moved.code, moved.stderr).toBe(0);
      expect(await readdir(dir)).toHaveLength(target.instanceCount);
    } finally {
      await stopChild(scp, 2000);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('C-GET with dcmtk getscu retrieves a study as the workstation AE', async () => {
    const target = scenario.studies.find((s) => s.pacs === 'PACS_NORD' && s.ModalitiesInStudy.includes('MG'))!;
    const dir = await mkdtemp(join(tmpdir(), 'garde-getscu-'));
    try {
      const got = await runDcmtk('getscu', [
        '-S', '-aet', region.workstation.aeTitle, '-aec', region.nord.aeTitle, '-od', dir,
        '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${target.study.StudyInstanceUID}`,
        region.nord.host, String(region.nord.dimsePort),
      ]);
      expect(got.code, got.stderr).toBe(0);
      expect(await readdir(dir)).toHaveLength(target.instanceCount);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes a nodes file the app accepts', () => {
    const config = parseNodesFile(JSON.stringify(buildNodesFile([region.nord, region.sud])), 'nodes.json');
    expect(config.nodes.map((n) => `${n.id}:${n.kind}`)).toEqual(['pacs-nord:dicomweb', 'pacs-nord-dimse:dimse', 'pacs-sud:dicomweb', 'pacs-sud-dimse:dimse']);
  });
});

describe('stopping a region', () => {
  it('leaves no Orthanc process behind', async () => {
    const region = await startRegion();
    const pids = [region.nord.pid, region.sud.pid];
    expect(pids.every(isProcessAlive)).toBe(true);
    await region.stop();
    expect(pids.filter(isProcessAlive)).toEqual([]);
    const ps = await runDcmtk('ps', ['-o', 'pid=,stat=', '-p', pids.join(',')]);
    expect(ps.stdout.trim()).toBe('');
  });
});
