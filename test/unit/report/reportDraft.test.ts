import { describe, expect, it } from 'vitest';
import { amendReport, isKeyImage, newReportDraft, reportObjects, signReport, toggleKeyImage, uidFromUuid } from '../../../app/report';
import { readPart10Dataset } from '../../../app/dicom/part10Dataset';
import { PDF_LABELS_FR } from '../../fixtures/report/pdfLabels';
import { sampleReport } from '../../fixtures/report/sampleReport';

const sample = sampleReport();
let n = 0;
const newUid = () => `2.25.${(n += 1)}`;
const image = sample.keyImages[0]!;
const input = { study: sample.study, reader: sample.reader, measurements: [], software: sample.software };

describe('report draft', () => {
  it('marks and unmarks key images, signs, amends as a new version naming the previous SR', () => {
    let draft = newReportDraft({ templateId: 'generic', language: 'fr', title: 'CR', sections: { indication: 'x', technique: '', findings: '', conclusion: '' } }, newUid, 1);
    expect(draft.editing).toBe(true);
    draft = toggleKeyImage(draft, image, 2);
    expect(isKeyImage(draft, image)).toBe(true);
    expect(isKeyImage(toggleKeyImage(draft, image, 3), image)).toBe(false);
    expect(signReport(draft, { ...input, now: 4 })).toEqual({ refused: 'empty' });
    draft = { ...draft, sections: { ...draft.sections, conclusion: 'Normal.' } };
    const first = signReport(draft, { ...input, now: 5 });
    if (!('signed' in first)) throw new Error('refused');
    expect(first.signed.version).toBe(1);
    expect(first.signed.predecessor).toBeUndefined();
    expect(first.draft.editing).toBe(false);
    expect(toggleKeyImage(first.draft, sample.keyImages[1]!, 6)).toBe(first.draft);
    expect(signReport(first.draft, { ...input, now: 6 })).toEqual({ refused: 'notEditing' });
    const second = signReport({ ...amendReport(first.draft, 7), sections: { ...draft.sections, conclusion: 'Nodule de 4 mm.' } }, { ...input, now: 8 });
    if (!('signed' in second)) throw new Error('refused');
    expect(second.signed.version).toBe(2);
    expect(second.signed.predecessor?.SOPInstanceUID).toBe(first.signed.uids.sr.SOPInstanceUID);
    expect(second.signed.uids.sr.SeriesInstanceUID).toBe(first.signed.uids.sr.SeriesInstanceUID);
    expect(first.signed.uids.sr.SOPInstanceUID).toBe(`${draft.series.sr}.1`);
    expect(second.signed.uids.sr.SOPInstanceUID).toBe(`${draft.series.sr}.2`);
    // Signing version 1 again (after a crash before the draft was saved) gives the same instances.
    expect(signReport(draft, { ...input, now: 9 })).toMatchObject({ signed: { uids: first.signed.uids } });
    expect(second.draft.versions.map((v) => v.sections.conclusion)).toEqual(['Normal.', 'Nodule de 4 mm.']);
  });

  it('sends SR, KOS and PDF with the version’s UIDs; no KOS without key images', async () => {
    const objects = await reportObjects(sample, PDF_LABELS_FR);
    expect(objects.map((o) => readPart10Dataset(o.bytes).dataset['00080018']?.Value?.[0])).toEqual([sample.uids.sr.SOPInstanceUID, sample.uids.kos.SOPInstanceUID, sample.uids.pdf.SOPInstanceUID]);
    expect((await reportObjects({ ...sample, keyImages: [] }, PDF_LABELS_FR)).map((o) => o.SOPClassUID)).toEqual(['1.2.840.10008.5.1.4.1.1.88.22', '1.2.840.10008.5.1.4.1.1.104.1']);
  });

  it('makes 2.25 UIDs from UUIDs, with room for the version arcs within 64 characters', () => {
    const uid = `${uidFromUuid('ffffffff-ffff-4fff-bfff-ffffffffffff')}.9999`;
    expect(uid).toMatch(/^2\.25\.[1-9]\d*\.9999$/);
    expect(uid.length).toBeLessThanOrEqual(64);
    expect(() => uidFromUuid('nope')).toThrow(/Not a UUID/);
  });
});
