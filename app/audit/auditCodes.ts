/**
 * Coded values of DICOM audit messages, PS3.15 A.5 (Audit Trail Message
 * Format Profile) and PS3.16 CID 400 (Audit Event ID), code scheme "DCM".
 */

/** A coded Event ID (PS3.15 A.5.1, EventID element). */
export interface AuditEventCode {
  readonly code: string;
  readonly codeSystemName: 'DCM';
  readonly displayName: string;
}

function dcm(code: string, displayName: string): AuditEventCode {
  return { code, codeSystemName: 'DCM', displayName };
}

/** Event IDs used by Garde (PS3.15 A.5.3 message definitions, PS3.16 CID 400). */
export const EventID = {
  /** 110100, PS3.15 A.5.3.1: application start/stop. */
  ApplicationActivity: dcm('110100', 'Application Activity'),
  /** 110102, PS3.15 A.5.3.2: a retrieve or send was started. */
  BeginTransferringDICOMInstances: dcm('110102', 'Begin Transferring DICOM Instances'),
  /** 110103, PS3.15 A.5.3.3: instances were viewed, created, modified or deleted. */
  DICOMInstancesAccessed: dcm('110103', 'DICOM Instances Accessed'),
  /** 110104, PS3.15 A.5.3.4: instances were transferred (retrieve, STOW, C-STORE). */
  DICOMInstancesTransferred: dcm('110104', 'DICOM Instances Transferred'),
  /** 110106, PS3.15 A.5.3.6: data exported out of the workstation's control. */
  Export: dcm('110106', 'Export'),
  /** 110107, PS3.15 A.5.3.7: data imported (folder, DICOMDIR). */
  Import: dcm('110107', 'Import'),
  /** 110112, PS3.15 A.5.3.10: a query (QIDO-RS, C-FIND) was issued. */
  Query: dcm('110112', 'Query'),
  /** 110113, PS3.15 A.5.3.11: a security-relevant anomaly. */
  SecurityAlert: dcm('110113', 'Security Alert'),
  /** 110114, PS3.15 A.5.3.12: login, logout or failed authentication. */
  UserAuthentication: dcm('110114', 'User Authentication'),
} as const;

/** Keyword of a known Event ID. */
export type EventIDKeyword = keyof typeof EventID;

/** Every known Event ID code value (e.g. `'110103'`). */
export const EVENT_ID_CODES: readonly string[] = Object.values(EventID).map((c) => c.code);

/** Finds the Event ID entry for a code value, or `undefined`. */
export function eventIdByCode(code: string): AuditEventCode | undefined {
  return Object.values(EventID).find((c) => c.code === code);
}

/**
 * EventActionCode, PS3.15 A.5.1: C create, R read/view/print/query,
 * U update, D delete, E execute.
 */
export const EventActionCode = { Create: 'C', Read: 'R', Update: 'U', Delete: 'D', Execute: 'E' } as const;
export type EventActionCode = (typeof EventActionCode)[keyof typeof EventActionCode];

/**
 * EventOutcomeIndicator, PS3.15 A.5.1 (RFC 3881): 0 success, 4 minor failure
 * (action restarted), 8 serious failure (action terminated), 12 major failure
 * (action made unavailable).
 */
export const EventOutcomeIndicator = { Success: 0, MinorFailure: 4, SeriousFailure: 8, MajorFailure: 12 } as const;
export type EventOutcomeIndicator = (typeof EventOutcomeIndicator)[keyof typeof EventOutcomeIndicator];
