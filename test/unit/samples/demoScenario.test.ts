import { describe, expect, it } from 'vitest';
import { buildDemoScenario, INS_ISSUER_OID } from '../../../main/demo/samples';

const NOW = new Date(2026, 2, 14, 23, 30, 0);

describe('buildDemoScenario', () => {
  const { studies } = buildDemoScenario({ now: NOW });

  it('spreads about ten studies over both PACS with requests and urgencies', () => {
    expect(studies.length).toBe(10);
    expect(new Set(studies.map((s) => s.pacs))).toEqual(new Set(['PACS_NORD', 'PACS_SUD']));
    expect(new Set(studies.flatMap((s) => s.ModalitiesInStudy))).toEqual(new Set(['CT', 'MR', 'MG']));
    for (const s of studies) {
      expect(s.study.request?.ReasonForTheRequestedProcedure).toBeTruthy();
      expect(['STAT', 'HIGH', 'ROUTINE', 'MEDIUM', 'LOW']).toContain(s.study.request?.RequestedProcedurePriority);
    }
    expect(studies.some((s) => s.loadVia === 'c-store')).toBe(true);
  });

  it('dates tonight\'s studies within hours before now, and priors years before', () => {
    for (const s of studies.filter((x) => !x.isPrior)) {
      const when = new Date(Number(s.study.StudyDate.slice(0, 4)), Number(s.study.StudyDate.slice(4, 6)) - 1, Number(s.study.StudyDate.slice(6, 8)), Number(s.study.StudyTime.slice(0, 2)), Number(s.study.StudyTime.slice(2, 4)));
      const minutes = (NOW.getTime() - when.getTime()) / 60_000;
      expect(minutes).toBeGreaterThan(0);
      expect(minutes).toBeLessThan(6 * 60);
    }
    const mgPrior = studies.find((s) => s.key === 'mg-screening-bernard-prior')!;
    expect(mgPrior.study.StudyDate).toBe('20240314');
  });

  it('keeps the screening mammogram prior on the other PACS, linked by INS', () => {
    const current = studies.find((s) => s.key === 'mg-screening-bernard')!;
    const prior = studies.find((s) => s.key === 'mg-screening-bernard-prior')!;
    expect(current.pacs).not.toBe(prior.pacs);
    expect(current.patient.PatientID).not.toBe(prior.patient.PatientID);
    const ins = (p: typeof current.patient) => p.OtherPatientIDsSequence?.find((o) => o.IssuerOfPatientID === INS_ISSUER_OID)?.PatientID;
    expect(ins(current.patient)).toBe(ins(prior.patient));
  });

  it('is deterministic for a given now and seed', () => {
    const again = buildDemoScenario({ now: NOW });
    expect(again.studies.map((s) => [s.study.StudyInstanceUID, s.study.AccessionNumber])).toEqual(studies.map((s) => [s.study.StudyInstanceUID, s.study.AccessionNumber]));
    const small = buildDemoScenario({ now: NOW, scale: 0.25 }).studies.find((s) => s.key === 'ct-head-roux')!.generate();
    const small2 = buildDemoScenario({ now: NOW, scale: 0.25 }).studies.find((s) => s.key === 'ct-head-roux')!.generate();
    expect(small.map((i) => new Uint8Array(i.buffer))).toEqual(small2.map((i) => new Uint8Array(i.buffer)));
  }, 30_000);
});
