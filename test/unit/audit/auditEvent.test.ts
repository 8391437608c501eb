import { describe, expect, it } from 'vitest';
import { EventID, EventOutcomeIndicator, eventIdByCode, formatSyslogLine, validateAuditEvent, chainRecord, GENESIS_HASH } from '../../../app/audit';
import { sampleEvent, sha256 } from './fixtures';

describe('audit codes (PS3.15 A.5, PS3.16 CID 400)', () => {
  it('carries the DCM codes of the events Garde records', () => {
    expect(EventID.DICOMInstancesAccessed.code).toBe('110103');
    expect(EventID.Query.code).toBe('110112');
    expect(EventID.DICOMInstancesTransferred.code).toBe('110104');
    expect(EventID.UserAuthentication.code).toBe('110114');
    expect(EventID.BeginTransferringDICOMInstances.code).toBe('110102');
    expect(eventIdByCode('110112')?.displayName).toBe('Query');
    expect(eventIdByCode('999999')).toBeUndefined();
    expect(Object.values(EventOutcomeIndicator)).toEqual([0, 4, 8, 12]);
  });
});

describe('validateAuditEvent', () => {
  it('accepts a complete event and a login event without a study', () => {
    expect(validateAuditEvent(sampleEvent(1))).toEqual(sampleEvent(1));
    const login = { EventDateTime: '2026-03-01T08:00:00Z', EventID: '110114', EventActionCode: 'E', EventOutcomeIndicator: 4, localUser: 'dr.martin' };
    expect(validateAuditEvent(login)).toEqual(login);
  });

  it('accepts a UID with a leading-zero component, as older devices write them and the reference toolkits read them', () => {
    const event = { ...sampleEvent(1), StudyInstanceUID: '999.999.2.19940822.083000' };
    expect(validateAuditEvent(event)).toEqual(event);
  });

  it.each([
    [{ EventID: '123' }, /EventID: unknown EventID code/],
    [{ EventActionCode: 'X' }, /EventActionCode/],
    [{ EventOutcomeIndicator: 1 }, /EventOutcomeIndicator/],
    [{ EventDateTime: '2026-03-01 10:00' }, /EventDateTime/],
    [{ StudyInstanceUID: undefined, SeriesInstanceUID: undefined }, /StudyInstanceUID: required for this EventID/],
    [{ StudyInstanceUID: '1.2.3a' }, /StudyInstanceUID: must be a DICOM UID/],
    [{ StudyInstanceUID: '1..2' }, /StudyInstanceUID: must be a DICOM UID/],
    [{ StudyInstanceUID: `1.${'2'.repeat(63)}` }, /StudyInstanceUID: must be a DICOM UID/],
    [{ PatientID: undefined }, /PatientID: required when IssuerOfPatientID is given/],
    [{ localUser: '' }, /localUser/],
    [{ extra: 1 }, /extra/],
  ])('rejects %j', (change, expected) => {
    expect(() => validateAuditEvent({ ...sampleEvent(1), ...change })).toThrow(expected);
  });
});

describe('formatSyslogLine (RFC 5424)', () => {
  it('writes PRI, version, header fields and the record as a BOM-prefixed message', () => {
    const { record } = chainRecord({ ...sampleEvent(3), EventDateTime: '2026-03-01T10:03:00.1234567+01:00' }, GENESIS_HASH, sha256);
    const line = formatSyslogLine(record, { hostname: 'reading room 1', procId: 4242 });
    expect(line).toMatch(/^<85>1 2026-03-01T10:03:00\.123456\+01:00 reading_room_1 garde 4242 110103 - \uFEFF\{/);
    expect(JSON.parse(line.slice(line.indexOf('\uFEFF') + 1))).toEqual(record);
  });

  it('maps outcome to severity and uses "-" for empty fields', () => {
    const { record } = chainRecord({ ...sampleEvent(3), EventOutcomeIndicator: 12 }, GENESIS_HASH, sha256);
    expect(formatSyslogLine(record, { hostname: '', facility: 13 })).toMatch(/^<106>1 \S+ - garde - 110103 - /);
    expect(() => formatSyslogLine(record, { hostname: 'h', facility: 24 })).toThrow(RangeError);
  });
});
