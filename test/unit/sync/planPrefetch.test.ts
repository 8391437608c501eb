import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITY_ORDER, type Priority, type StudySummary } from '../../../app/dicom/studySummary';
import { isSamePatientForPriors } from '../../../app/identity';
import { samePatientIdDifferentPeople, samePersonOnBothPacs, type PatientDescriptor } from '../../../main/demo/samples';
import { findPriors, planPrefetch, priorFinder, studyKey } from '../../../app/sync';

function study(nodeId: string, uid: string, patient: PatientDescriptor, StudyDate: string, RequestedProcedurePriority?: Priority): StudySummary {
  return {
    nodeId,
    StudyInstanceUID: uid,
    PatientName: patient.PatientName,
    PatientID: patient.PatientID,
    IssuerOfPatientID: patient.IssuerOfPatientID,
    PatientBirthDate: patient.PatientBirthDate,
    PatientSex: patient.PatientSex,
    StudyDate,
    StudyTime: '020000',
    ModalitiesInStudy: ['CT'],
    OtherPatientIDs: (patient.OtherPatientIDsSequence ?? []).map(({ PatientID, IssuerOfPatientID }) => ({ PatientID, IssuerOfPatientID })),
    ...(RequestedProcedurePriority ? { RequestedProcedurePriority } : {}),
  };
}

const martin = samePersonOnBothPacs();
const people = samePatientIdDifferentPeople();
const probableMartin: PatientDescriptor = { ...martin.nord, PatientID: 'CD-7', IssuerOfPatientID: undefined, OtherPatientIDsSequence: [] };

const worklist = [
  study('pacs-nord', '1.1', people.nord, '20260301', 'ROUTINE'),
  study('pacs-nord', '1.2', martin.nord, '20260302', 'STAT'),
  study('pacs-sud', '1.3', people.sud, '20260228', 'ROUTINE'),
];
const searchResults = [
  study('pacs-sud', '2.1', martin.sud, '20250101'),
  study('pacs-nord', '2.2', martin.nord, '20240101'),
  study('cd', '2.3', probableMartin, '20250601'),
  study('pacs-nord', '2.4', martin.nord, '20200101'),
  study('pacs-nord', '2.5', martin.nord, '20270101'),
  study('pacs-sud', '2.6', people.sud, '20190101'),
  study('pacs-nord', '2.7', { ...people.nord, PatientBirthDate: '19880204' }, '20230101'),
  study('pacs-sud', '1.2', martin.sud, '20260302'),
];

describe('planPrefetch', () => {
  it('orders worklist by urgency then age, then priors most recent first, then the rest', () => {
    const jobs = planPrefetch({ worklist, searchResults, cached: new Set() });
    expect(jobs.map((j) => [j.reason, j.StudyInstanceUID, j.forStudy, j.identity, j.priority])).toEqual([
      ['worklist', '1.2', undefined, undefined, 0],
      ['worklist', '1.3', undefined, undefined, 3],
      ['worklist', '1.1', undefined, undefined, 3],
      ['prior', '2.3', '1.2', 'probable', 10],
      ['prior', '2.1', '1.2', 'certain', 10],
      ['prior', '2.6', '1.3', 'same', 13],
      ['prior', '2.2', '1.2', 'same', 20],
      ['prior', '2.4', '1.2', 'same', 20],
    ]);
  });

  it('never takes a later study, a conflicting identity or the same patient ID of someone else as a prior', () => {
    const uids = planPrefetch({ worklist, searchResults, cached: new Set() }).map((j) => j.StudyInstanceUID);
    expect(uids).not.toContain('2.5');
    expect(uids).not.toContain('2.7');
    expect(uids.filter((u) => u === '1.2')).toHaveLength(1);
  });

  it('honours the number of priors per study and can leave older priors out', () => {
    const jobs = planPrefetch({ worklist, searchResults, cached: new Set(), priorsPerStudy: 1, morePriors: false });
    expect(jobs.filter((j) => j.reason === 'prior').map((j) => j.StudyInstanceUID)).toEqual(['2.3', '2.6']);
  });

  it('skips studies complete in the cache on any node, but still plans their priors', () => {
    const jobs = planPrefetch({ worklist, searchResults, cached: new Set([studyKey('pacs-sud', '1.2'), studyKey('cd', '2.3')]) });
    expect(jobs.map((j) => j.StudyInstanceUID)).toEqual(['1.3', '1.1', '2.1', '2.6', '2.2', '2.4']);
  });

  it('keeps a study needed as worklist and as prior once, as worklist', () => {
    const earlier = study('pacs-sud', '3.1', martin.sud, '20260101', 'LOW');
    const jobs = planPrefetch({ worklist: [...worklist, earlier], searchResults, cached: new Set() });
    expect(jobs.filter((j) => j.StudyInstanceUID === '3.1')).toEqual([{ nodeId: 'pacs-sud', StudyInstanceUID: '3.1', reason: 'worklist', priority: 4 }]);
  });
});

const patients = [martin.nord, martin.sud, probableMartin, people.nord, people.sud];
/** A catalogue of 31 studies (one patient, date and urgency per UID), found on one or more nodes. */
const catalogueArb = fc.array(
  fc.record({ patient: fc.constantFrom(...patients), date: fc.integer({ min: 2015, max: 2026 }).map((y) => `${y}0101`), priority: fc.option(fc.constantFrom(...PRIORITY_ORDER), { nil: undefined }) }),
  { minLength: 31, maxLength: 31 },
);
const entriesArb = (maxLength: number) => fc.array(fc.record({ node: fc.constantFrom('pacs-nord', 'pacs-sud', 'cd'), n: fc.nat({ max: 30 }) }), { maxLength });

describe('planPrefetch (properties)', () => {
  it('plans each study once, in non-decreasing priority, never a cached one, every uncached worklist study, only true priors', () => {
    fc.assert(
      fc.property(catalogueArb, entriesArb(8), entriesArb(16), fc.array(fc.nat({ max: 30 }), { maxLength: 5 }), fc.nat({ max: 3 }), (catalogue, wlEntries, foundEntries, cachedNumbers, perStudy) => {
        const toStudy = ({ node, n }: { node: string; n: number }) => study(node, `9.${n}`, catalogue[n]!.patient, catalogue[n]!.date, catalogue[n]!.priority);
        const [wl, found] = [wlEntries.map(toStudy), foundEntries.map(toStudy)];
        const cached = new Set(cachedNumbers.map((n) => studyKey('pacs-nord', `9.${n}`)));
        const jobs = planPrefetch({ worklist: wl, searchResults: found, cached, priorsPerStudy: perStudy });
        const uids = jobs.map((j) => j.StudyInstanceUID);
        expect(new Set(uids).size).toBe(uids.length);
        for (let i = 1; i < jobs.length; i += 1) expect(jobs[i]!.priority).toBeGreaterThanOrEqual(jobs[i - 1]!.priority);
        for (const j of jobs) expect(cachedNumbers.map((n) => `9.${n}`)).not.toContain(j.StudyInstanceUID);
        for (const s of wl) if (![...cached].some((k) => k.endsWith(`/${s.StudyInstanceUID}`))) expect(jobs.find((j) => j.StudyInstanceUID === s.StudyInstanceUID)?.reason).toBe('worklist');
        for (const j of jobs.filter((x) => x.reason === 'prior')) {
          const current = wl.find((s) => s.StudyInstanceUID === j.forStudy)!;
          const prior = [...wl, ...found].find((s) => s.StudyInstanceUID === j.StudyInstanceUID && s.nodeId === j.nodeId)!;
          expect(isSamePatientForPriors(current, prior).prior).toBe(true);
        }
      }),
    );
  });
});

describe('priorFinder (property)', () => {
  it('gives the same priors as comparing the current study with every study', () => {
    fc.assert(
      fc.property(catalogueArb, entriesArb(24), (catalogue, entries) => {
        const studies = entries.map(({ node, n }) => study(node, `9.${n}`, catalogue[n]!.patient, catalogue[n]!.date, catalogue[n]!.priority));
        const find = priorFinder(studies);
        for (const current of studies) expect(find(current)).toEqual(findPriors(current, studies));
      }),
    );
  });
});
