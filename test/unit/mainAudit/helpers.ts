import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEvent } from '../../../app/audit';

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'garde-audit-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function event(n: number): AuditEvent {
  return {
    EventDateTime: '2026-03-01T10:00:00.000Z',
    EventID: '110104',
    EventActionCode: 'R',
    EventOutcomeIndicator: 0,
    localUser: 'reader',
    nodeId: 'orthanc-a',
    StudyInstanceUID: `1.2.3.${n}`,
    SeriesInstanceUID: `1.2.3.${n}.1`,
    PatientID: 'PAT-1',
    IssuerOfPatientID: 'HOSP',
    EventOutcomeDescription: `retrieved series ${n}`,
  };
}
