import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameKey, missingFrames, resumePlan, type ResumeBatch, type SeriesFetchJob } from '../../../app/sync';

const job = (instances: SeriesFetchJob['instances']): SeriesFetchJob => ({ nodeId: 'pacs-nord', StudyInstanceUID: '1.2', SeriesInstanceUID: '1.2.3', instances });
const framesOf = (batches: ResumeBatch[]) => batches.flatMap((b) => (b.kind === 'frames' ? b.frames.flatMap((f) => f.frameNumbers.map((n) => frameKey(f.SOPInstanceUID, n))) : []));

describe('resumePlan', () => {
  it('asks the whole series when nothing is stored, nothing when everything is', () => {
    const series = job([{ SOPInstanceUID: 'a' }, { SOPInstanceUID: 'b', NumberOfFrames: 3 }]);
    expect(resumePlan(series, new Set())).toEqual([{ kind: 'series', nodeId: 'pacs-nord', StudyInstanceUID: '1.2', SeriesInstanceUID: '1.2.3' }]);
    expect(resumePlan(series, new Set(['a/1', 'b/1', 'b/2', 'b/3']))).toEqual([]);
  });

  it('asks only the missing frames after a crash, in batches', () => {
    const series = job([{ SOPInstanceUID: 'a' }, { SOPInstanceUID: 'b', NumberOfFrames: 4 }, { SOPInstanceUID: 'c' }]);
    const batches = resumePlan(series, new Set(['a/1', 'b/2']), { batchSize: 2 });
    expect(batches.map((b) => (b.kind === 'frames' ? b.frames : b.kind))).toEqual([
      [{ SOPInstanceUID: 'b', frameNumbers: [1, 3] }],
      [
        { SOPInstanceUID: 'b', frameNumbers: [4] },
        { SOPInstanceUID: 'c', frameNumbers: [1] },
      ],
    ]);
  });

  it('fetches exactly the missing frames, each once, never more than batchSize per batch', () => {
    const instancesArb = fc.uniqueArray(fc.record({ SOPInstanceUID: fc.nat({ max: 50 }).map(String), NumberOfFrames: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }) }), { selector: (i) => i.SOPInstanceUID, maxLength: 10 });
    fc.assert(
      fc.property(instancesArb, fc.array(fc.boolean(), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (instances, presence, batchSize) => {
        const all = instances.flatMap((i) => Array.from({ length: i.NumberOfFrames || 1 }, (_, k) => frameKey(i.SOPInstanceUID, k + 1)));
        const present = new Set(all.filter((_, k) => presence[k] === true));
        const batches = resumePlan(job(instances), present, { batchSize });
        const missing = all.filter((k) => !present.has(k));
        if (present.size === 0 && all.length > 0) expect(batches.map((b) => b.kind)).toEqual(['series']);
        else {
          expect(framesOf(batches)).toEqual(missing);
          for (const b of batches) if (b.kind === 'frames') expect(b.frames.reduce((n, f) => n + f.frameNumbers.length, 0)).toBeLessThanOrEqual(batchSize);
        }
      }),
    );
  });

  it('lists every missing frame per instance, the whole series too, once a series retrieve was tried', () => {
    const series = job([{ SOPInstanceUID: 'a' }, { SOPInstanceUID: 'b', NumberOfFrames: 3 }]);
    expect(missingFrames(series, new Set())).toEqual([
      { SOPInstanceUID: 'a', frameNumbers: [1] },
      { SOPInstanceUID: 'b', frameNumbers: [1, 2, 3] },
    ]);
    expect(missingFrames(series, new Set(['a/1', 'b/2']))).toEqual([{ SOPInstanceUID: 'b', frameNumbers: [1, 3] }]);
    expect(missingFrames(series, new Set(['a/1', 'b/1', 'b/2', 'b/3']))).toEqual([]);
  });
});
