import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StudySummary } from '../../../app/dicom/studySummary';
import { compareIdentities, identityFacts, INS_ISSUER_OID, isSamePatientForPriors, linkPatients, nationalIdentifiers } from '../../../app/identity';
import { insWithKey } from '../../../main/demo/samples';

/** Small value pools so that collisions (shared IDs, names, dates) happen often. */
const summaryArb: fc.Arbitrary<StudySummary> = fc.record({
  nodeId: fc.constantFrom('pacs-nord', 'pacs-sud', 'cd'),
  StudyInstanceUID: fc.nat({ max: 1_000_000 }).map((n) => `1.2.3.${n}`),
  PatientID: fc.option(fc.constantFrom('100200', '12345', 'N1', 'S1'), { nil: undefined }),
  IssuerOfPatientID: fc.option(fc.constantFrom('CHU-NORD', 'CH-SUD', INS_ISSUER_OID), { nil: undefined }),
  PatientName: fc.option(fc.constantFrom('MARTIN^Élodie', 'martin^elodie^Anne', 'MARTIN^Paul', 'DURAND^Élodie', 'Élodie^MARTIN', 'LE FÈVRE^Hélène', 'LEFEVRE^Helene'), { nil: undefined }),
  PatientBirthDate: fc.option(fc.constantFrom('19790412', '1979.04.12', '19520917'), { nil: undefined }),
  PatientSex: fc.option(fc.constantFrom('M', 'F', 'O', 'f'), { nil: undefined }),
  ModalitiesInStudy: fc.constant(['CT']),
  OtherPatientIDs: fc.array(
    fc.record({
      PatientID: fc.constantFrom(insWithKey('2790475056123'), insWithKey('1520913055321'), '2790475056123XX'),
      IssuerOfPatientID: fc.constantFrom(INS_ISSUER_OID, 'OTHER'),
    }),
    { maxLength: 2 },
  ),
});

const insValues = (s: StudySummary) => nationalIdentifiers(s).filter((id) => id.IssuerOfPatientID === INS_ISSUER_OID).map((id) => id.PatientID);

describe('identity links (properties)', () => {
  it('are symmetric', () => {
    fc.assert(
      fc.property(summaryArb, summaryArb, (a, b) => {
        expect(compareIdentities(identityFacts(a), identityFacts(b))?.strength).toBe(compareIdentities(identityFacts(b), identityFacts(a))?.strength);
        const forward = isSamePatientForPriors(a, b);
        const backward = isSamePatientForPriors(b, a);
        expect(forward.prior).toBe(backward.prior);
        expect('banner' in forward ? forward.banner : undefined).toBe('banner' in backward ? backward.banner : undefined);
      }),
    );
  });

  it('never link two records with different INS values', () => {
    fc.assert(
      fc.property(fc.array(summaryArb, { maxLength: 12 }), (summaries) => {
        const { records, links } = linkPatients(summaries);
        for (const link of links) {
          const [a, b] = [records[link.a]!.facts.nationalIds, records[link.b]!.facts.nationalIds].map((ids) => ids.filter((id) => id.IssuerOfPatientID === INS_ISSUER_OID).map((id) => id.PatientID));
          if (a!.length > 0 && b!.length > 0 && !a!.some((v) => b!.includes(v))) expect(link.strength).toBe('conflict');
        }
      }),
    );
    fc.assert(
      fc.property(summaryArb, summaryArb, (a, b) => {
        const [insA, insB] = [insValues(a), insValues(b)];
        if (insA.length > 0 && insB.length > 0 && !insA.some((v) => insB.includes(v))) expect(isSamePatientForPriors(a, b).prior).toBe(false);
      }),
    );
  });

  it('never link as probable (nor show as prior) records with different birth dates', () => {
    fc.assert(
      fc.property(summaryArb, summaryArb, (a, b) => {
        const [da, db] = [identityFacts(a).birthDate, identityFacts(b).birthDate];
        if (da === undefined || db === undefined || da === db) return;
        expect(compareIdentities(identityFacts(a), identityFacts(b))?.strength ?? 'none').not.toMatch(/^(probable|same|certain)$/);
        expect(isSamePatientForPriors(a, b).prior).toBe(false);
      }),
    );
  });

  it('never merge: every study keeps its own record, groups partition the records', () => {
    fc.assert(
      fc.property(fc.array(summaryArb, { maxLength: 12 }), (summaries) => {
        const { records, links, groups } = linkPatients(summaries);
        expect(records.reduce((n, r) => n + r.studies.length, 0)).toBe(summaries.length);
        for (const record of records) for (const ref of record.studies) {
          const source = summaries.find((s) => s.nodeId === ref.nodeId && s.StudyInstanceUID === ref.StudyInstanceUID && s.PatientName === record.patient.PatientName);
          expect(source).toBeDefined();
        }
        expect(groups.flatMap((g) => g.records).sort((x, y) => x - y)).toEqual(records.map((_, i) => i));
        expect(groups.flatMap((g) => g.links).sort((x, y) => x - y)).toEqual(links.map((_, i) => i));
        for (const link of links) expect(link.evidence.length).toBeGreaterThan(0);
      }),
    );
  });

  it('find every pair that a comparison of all pairs would link', () => {
    fc.assert(
      fc.property(fc.array(summaryArb, { maxLength: 12 }), (summaries) => {
        const { records, links } = linkPatients(summaries);
        const expected: string[] = [];
        for (let a = 0; a < records.length; a += 1)
          for (let b = a + 1; b < records.length; b += 1) {
            const verdict = compareIdentities(records[a]!.facts, records[b]!.facts);
            if (verdict) expected.push(`${a},${b},${verdict.strength}`);
          }
        expect(links.map((l) => `${l.a},${l.b},${l.strength}`)).toEqual(expected);
      }),
    );
  });
});
