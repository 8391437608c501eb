import { createHash } from 'node:crypto';
import { GENESIS_HASH, chainRecord, type AuditEvent, type HashFn } from '../../../app/audit';

export const sha256: HashFn = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

export function sampleEvent(n: number): AuditEvent {
  return {
    EventDateTime: `2026-03-01T10:${String(n % 60).padStart(2, '0')}:00.000+01:00`,
    EventID: '110103',
    EventActionCode: 'R',
    EventOutcomeIndicator: 0,
    localUser: 'dr.martin',
    readerIdentity: 'oidc|martin',
    nodeId: 'orthanc-a',
    StudyInstanceUID: `1.2.826.0.1.3680043.2.1125.${n + 1}`,
    PatientID: `P${n}`,
    IssuerOfPatientID: 'HOSP-A',
    EventOutcomeDescription: `opened study ${n} — é ü 漢字`,
  };
}

/** Builds `count` chained log lines. */
export function chainLines(count: number): string[] {
  const lines: string[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < count; i++) {
    const { record, line } = chainRecord(sampleEvent(i), prev, sha256);
    lines.push(line);
    prev = record.hash;
  }
  return lines;
}
