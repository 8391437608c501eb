import { z } from 'zod';
import { EVENT_ID_CODES } from './auditCodes';
import { isUid } from '../dicomweb/parseDicomwebPath';

const UidSchema = z.string().refine(isUid, { message: 'must be a DICOM UID (PS3.5 9.1)' });

/** Event IDs whose message definition names a study as participant object (PS3.15 A.5.3.2-A.5.3.4). */
const STUDY_EVENTS = new Set(['110102', '110103', '110104']);

/**
 * One audited event, in PS3.15 A.5 terms.
 *
 * - `EventDateTime`: ISO 8601 date-time with offset (A.5.1 EventDateTime).
 * - `EventID`: code value from {@link EventID} (DCM scheme).
 * - `EventActionCode`, `EventOutcomeIndicator`: A.5.1 values.
 * - `EventOutcomeDescription`: free-text detail (A.5.1).
 * - `localUser`: the operating-system account (ActiveParticipant UserID).
 * - `readerIdentity`: the authenticated reader, when known (ActiveParticipant, requestor).
 * - `nodeId`: the PACS node involved (ActiveParticipant, network access point).
 * - Participant objects: `StudyInstanceUID`, `SeriesInstanceUID`, `PatientID`
 *   with `IssuerOfPatientID` (A.5.2 participant object identification).
 */
export const AuditEventSchema = z
  .strictObject({
    EventDateTime: z.iso.datetime({ offset: true }),
    EventID: z.string().refine((code) => EVENT_ID_CODES.includes(code), { message: 'unknown EventID code' }),
    EventActionCode: z.enum(['C', 'R', 'U', 'D', 'E']),
    EventOutcomeIndicator: z.union([z.literal(0), z.literal(4), z.literal(8), z.literal(12)]),
    EventOutcomeDescription: z.string().optional(),
    localUser: z.string().min(1),
    readerIdentity: z.string().min(1).optional(),
    nodeId: z.string().min(1).optional(),
    StudyInstanceUID: UidSchema.optional(),
    SeriesInstanceUID: UidSchema.optional(),
    PatientID: z.string().optional(),
    IssuerOfPatientID: z.string().optional(),
  })
  .superRefine((event, ctx) => {
    if (STUDY_EVENTS.has(event.EventID) && event.StudyInstanceUID === undefined) {
      ctx.addIssue({ code: 'custom', path: ['StudyInstanceUID'], message: 'required for this EventID (PS3.15 A.5.3)' });
    }
    if (event.SeriesInstanceUID !== undefined && event.StudyInstanceUID === undefined) {
      ctx.addIssue({ code: 'custom', path: ['StudyInstanceUID'], message: 'required when SeriesInstanceUID is given' });
    }
    if (event.IssuerOfPatientID !== undefined && event.PatientID === undefined) {
      ctx.addIssue({ code: 'custom', path: ['PatientID'], message: 'required when IssuerOfPatientID is given' });
    }
  });

/** An audited event before chaining. */
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** A chained audit record: the event plus the hash links, one JSON line in the log. */
export type AuditRecord = AuditEvent & {
  /** Hex hash of the previous record (its `hash`), or {@link GENESIS_HASH} for the first record. */
  prevHash: string;
  /** Hex hash of the canonical serialisation of this record without `hash`. */
  hash: string;
};

/**
 * Validates an event.
 * @throws Error listing the failing fields, e.g. `StudyInstanceUID: required for this EventID`.
 */
export function validateAuditEvent(event: unknown): AuditEvent {
  const result = AuditEventSchema.safeParse(event);
  if (result.success) return result.data;
  const detail = result.error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`).join('; ');
  throw new Error(`invalid audit event: ${detail}`);
}
