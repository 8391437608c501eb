import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openRequestQuery, parseOpenLink } from '../../../app/dicom/parseOpenLink';

describe('parseOpenLink', () => {
  it.each([
    ['garde://open?StudyInstanceUID=1.2.840.113619.2.55', { StudyInstanceUID: '1.2.840.113619.2.55' }],
    ['garde://open/?StudyInstanceUID=1.2.3&PatientID=N0040004', { StudyInstanceUID: '1.2.3', PatientID: 'N0040004' }],
    ['garde://open?requestType=STUDY&studyUID=1.2.3&patientID=X%5EY', { StudyInstanceUID: '1.2.3', PatientID: 'X^Y' }],
    ['http://127.0.0.1:8420/open?AccessionNumber=N24004', { AccessionNumber: 'N24004' }],
    ['garde://app/open?StudyInstanceUID=1.2.3', { StudyInstanceUID: '1.2.3' }],
    // A leading-zero component, as older devices write UIDs: the PACS knows the study by it.
    ['garde://open?StudyInstanceUID=999.999.2.19940822.083000', { StudyInstanceUID: '999.999.2.19940822.083000' }],
    // A referring portal launching a reformat of one series.
    ['http://127.0.0.1:8420/open?StudyInstanceUID=1.2.3&SeriesInstanceUID=1.2.3.4&view=mpr', { StudyInstanceUID: '1.2.3', SeriesInstanceUID: '1.2.3.4', view: 'mpr' }],
    ['garde://open?studyUID=1.2.3&seriesUID=1.2.3.4&view=3D', { StudyInstanceUID: '1.2.3', SeriesInstanceUID: '1.2.3.4', view: '3d' }],
    ['garde://open?StudyInstanceUID=1.2.3&SeriesInstanceUID=1.2.3.4&view=stack', { StudyInstanceUID: '1.2.3', SeriesInstanceUID: '1.2.3.4' }],
  ])('%s', (link, expected) => {
    expect(parseOpenLink(link)).toEqual(expected);
  });

  it.each([
    'garde://open',
    'garde://open?StudyInstanceUID=',
    'garde://open?StudyInstanceUID=1.2.abc',
    'garde://open?StudyInstanceUID=1..2',
    'garde://open?requestType=PATIENT&patientID=1',
    'garde://open?StudyInstanceUID=1.2.3&SeriesInstanceUID=1.2.3.4&view=cine',
    'garde://open?StudyInstanceUID=1.2.3&view=mpr',
    'garde://open?PatientID=P1&SeriesInstanceUID=1.2.3.4&view=mpr',
    'garde://open?StudyInstanceUID=1.2.3&SeriesInstanceUID=1.2/3&view=mpr',
    'garde://settings?StudyInstanceUID=1.2.3',
    'http://127.0.0.1:8420/studies?StudyInstanceUID=1.2.3',
    'not a link',
  ])('refuses %s', (link) => {
    expect(parseOpenLink(link)).toBeUndefined();
  });

  it('round-trips through the in-app /open query for any valid request', () => {
    const uid = fc.array(fc.integer({ min: 0, max: 99999 }), { minLength: 2, maxLength: 8 }).map((parts) => parts.join('.'));
    fc.assert(
      fc.property(uid, fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ''), (StudyInstanceUID, PatientID) => {
        const request = { StudyInstanceUID, PatientID };
        expect(parseOpenLink(`http://127.0.0.1:1/open?${openRequestQuery(request)}`)).toEqual(request);
        const reformat = { StudyInstanceUID, SeriesInstanceUID: `${StudyInstanceUID}.1`, view: 'mpr' as const };
        expect(parseOpenLink(`http://127.0.0.1:1/open?${openRequestQuery(reformat)}`)).toEqual(reformat);
      }),
    );
  });
});
