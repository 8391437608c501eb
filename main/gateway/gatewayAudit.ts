import { EventActionCode, EventID, EventOutcomeIndicator } from '../../app/audit';
import type { DicomwebResource } from '../../app/dicomweb/parseDicomwebPath';
import { learnPatientIdentities, type PatientRef } from './learnPatientIdentities';

/** Where gateway audit records go (main/audit's AuditLog in the app). */
export interface AuditSink {
  append(event: Record<string, unknown>): Promise<unknown>;
}

/** What one gateway exchange was, for the audit trail. */
export interface AuditedExchange {
  nodeId: string;
  resource: DicomwebResource | { kind: 'federated-search' } | undefined;
  status: number;
  detail?: string;
}

const SAME_RECORD_WINDOW_MS = 60_000;

/**
 * Audit of the gateway in PS3.15 A.5 terms: a Query (110112) per search, DICOM Instances
 * Transferred (110104) per retrieve (read) or store (create), User Authentication (110114) per
 * refused credential. Frame requests of one series within a minute make one record, not one per
 * frame. The patient (PatientID + IssuerOfPatientID) is taken from the answers that passed through
 * the gateway for that study.
 */
export class GatewayAudit {
  private readonly patients = new Map<string, PatientRef>();
  private readonly recent = new Map<string, number>();

  constructor(
    private readonly sink: AuditSink,
    private readonly localUser: string,
    private readonly readerIdentity: () => string | undefined = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Learns Study -> Patient links from a DICOM JSON answer (QIDO or metadata). */
  learn(json: unknown): void {
    for (const [study, patient] of learnPatientIdentities(json)) {
      this.patients.delete(study);
      this.patients.set(study, patient);
      if (this.patients.size > 50_000) this.patients.delete(this.patients.keys().next().value!);
    }
  }

  /** Appends the record of one exchange (or nothing, for a repeat within the window). */
  async record(exchange: AuditedExchange): Promise<void> {
    const event = this.eventOf(exchange);
    if (!event) return;
    const outcome = exchange.status < 400 ? EventOutcomeIndicator.Success : exchange.status < 500 ? EventOutcomeIndicator.MinorFailure : EventOutcomeIndicator.SeriousFailure;
    const study = event.StudyInstanceUID as string | undefined;
    const key = `${exchange.nodeId}|${event.EventID}|${event.EventActionCode}|${study}|${event.SeriesInstanceUID}|${outcome}`;
    if (exchange.resource?.kind === 'frames' || exchange.resource?.kind === 'bulkdata') {
      const last = this.recent.get(key);
      if (last !== undefined && this.now() - last < SAME_RECORD_WINDOW_MS) return;
      this.recent.set(key, this.now());
      if (this.recent.size > 10_000) this.recent.clear();
    }
    const patient = study ? this.patients.get(study) : undefined;
    const reader = this.readerIdentity();
    await this.sink.append({
      ...event,
      EventOutcomeIndicator: outcome,
      localUser: this.localUser,
      ...(reader ? { readerIdentity: reader } : {}),
      nodeId: exchange.nodeId,
      ...(patient ? { PatientID: patient.PatientID, ...(patient.IssuerOfPatientID ? { IssuerOfPatientID: patient.IssuerOfPatientID } : {}) } : {}),
      ...(exchange.detail ? { EventOutcomeDescription: exchange.detail } : {}),
    });
  }

  private eventOf(exchange: AuditedExchange): Record<string, unknown> | undefined {
    const r = exchange.resource;
    if (exchange.status === 401) return { EventID: EventID.UserAuthentication.code, EventActionCode: EventActionCode.Execute };
    if (!r) return undefined;
    if (r.kind === 'search' || r.kind === 'federated-search') return { EventID: EventID.Query.code, EventActionCode: EventActionCode.Execute };
    if (r.kind === 'store') {
      // A store whose study is unknown (rejected before any instance was read) is still recorded, as an Import attempt.
      return r.StudyInstanceUID
        ? { EventID: EventID.DICOMInstancesTransferred.code, EventActionCode: EventActionCode.Create, StudyInstanceUID: r.StudyInstanceUID }
        : { EventID: EventID.Import.code, EventActionCode: EventActionCode.Create };
    }
    if (r.kind === 'bulkdata') return undefined;
    return {
      EventID: EventID.DICOMInstancesTransferred.code,
      EventActionCode: EventActionCode.Read,
      StudyInstanceUID: r.StudyInstanceUID,
      ...(r.SeriesInstanceUID ? { SeriesInstanceUID: r.SeriesInstanceUID } : {}),
    };
  }
}
