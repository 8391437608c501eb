import { Dexie, type EntityTable, type Table } from 'dexie';
import type { OutboxItem } from '../../app/sync/outboxPolicy';
import { studyKey } from '../../app/sync/studyKey';

/**
 * The local cache's IndexedDB schema (Dexie). Indexed fields are UIDs, node ids, dates, modality,
 * sizes, last access and the pinned flag; everything else (patient names and IDs, DICOM JSON,
 * frame bytes) lives in `sealed`: AES-GCM ciphertext, see crypto/cacheCipher.ts.
 * Enums are stored as explicit numbers so a renamed constant never changes stored data.
 */

/** A sync job's state. */
export const JobState = { queued: 0, running: 1, done: 2, failed: 3 } as const;
/** @see JobState */
export type JobState = (typeof JobState)[keyof typeof JobState];

/** The pinned flag as an indexable number (IndexedDB cannot index booleans). */
export const Pinned = { no: 0, yes: 1 } as const;
/** @see Pinned */
export type Pinned = (typeof Pinned)[keyof typeof Pinned];

/** `iv (12 bytes) || AES-GCM ciphertext and tag`. */
export type Sealed = ArrayBuffer;

/** Patient-level attributes of one node's patient; keyed by a keyed hash, never the ID itself. */
export interface PatientRecord {
  /** HMAC of node, issuer and Patient ID (crypto/cacheCipher.ts `indexKey`). */
  patientKey: string;
  nodeId: string;
  sealed: Sealed;
}

/** One cached study. `sealed` holds its study-level DICOM JSON; absent until metadata arrives. */
export interface StudyRecord {
  nodeId: string;
  StudyInstanceUID: string;
  patientKey: string;
  StudyDate: string;
  /** Indexed from schema version 2 (multi-entry). */
  ModalitiesInStudy?: string[];
  /** Milliseconds since the epoch. */
  lastAccess: number;
  pinned: Pinned;
  /** Bytes of this study's records (sealed sizes), kept up to date by the repositories. */
  bytes: number;
  sealed?: Sealed;
  /** The study as the worklist last listed it (a StudySummary from QIDO-RS, PS3.18 10.6.3.3.1), sealed; shown offline. */
  worklist?: Sealed;
  /** The study's series as QIDO-RS served them (DICOM JSON array, PS3.18 10.6.3.3.2), sealed. */
  seriesList?: Sealed;
}

/** One cached series; `sealed` holds its series-level DICOM JSON. */
export interface SeriesRecord {
  nodeId: string;
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  Modality: string;
  sealed: Sealed;
}

/** One instance's metadata as the gateway served it (PS3.18 F.2), sealed. */
export interface InstanceRecord {
  nodeId: string;
  StudyInstanceUID: string;
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  /** NumberOfFrames (0028,0008) in clear, so the cache can count a study's frames without decrypting; absent in records of schema v1–v4 (one frame assumed). */
  NumberOfFrames?: number;
  bytes: number;
  sealed: Sealed;
}

/** One frame's bytes exactly as the PACS sent them (compressed stays compressed), sealed. */
export interface FrameRecord {
  nodeId: string;
  StudyInstanceUID: string;
  SOPInstanceUID: string;
  /** 1-based frame number (PS3.18 10.4.1.1.5). */
  frame: number;
  /** The part's content type, e.g. `application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1`. */
  contentType: string;
  bytes: number;
  sealed: Sealed;
}

/** A prefetch job for one study. */
export interface SyncJobRecord {
  id?: number;
  nodeId: string;
  StudyInstanceUID: string;
  state: JobState;
  priority: number;
  attempts: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * Something to send to a PACS (SR, KOS, PDF or any instance, as Part 10 bytes, sealed), kept until
 * acknowledged: the state machine's item (app/sync outboxPolicy, `state` one of `OUTBOX_STATE`)
 * and its payload; an acknowledged item keeps no payload.
 */
export interface OutboxRecord extends OutboxItem {
  id?: number;
  updatedAt: number;
  bytes: number;
  sealed: Sealed;
}

/**
 * The measurements drawn on one study by this reader (Cornerstone3D annotations as JSON: tool,
 * handles, figures), sealed; one record per study, deleted with the study (evict.ts).
 */
export interface MeasurementRecord {
  nodeId: string;
  StudyInstanceUID: string;
  /** Milliseconds since the epoch of the last change. */
  updatedAt: number;
  bytes: number;
  sealed: Sealed;
}

/**
 * What this reader did with a study, by UIDs only (no patient data): when they last opened it in
 * the viewer and when they last marked it as new (unread). The worklist's read state is derived
 * from it and the study's outbox items (readState.ts).
 */
export interface ReadStateRecord {
  nodeId: string;
  StudyInstanceUID: string;
  /** Milliseconds since the epoch of the last opening in the viewer. */
  openedAt?: number;
  /** Milliseconds since the epoch of the last "mark as new": openings and outbox items before it no longer count. */
  markedNewAt?: number;
  updatedAt: number;
}

/**
 * The reader's report on one study (app/report `ReportDraft`: text, key images, signed versions),
 * sealed. Kept when the study is evicted: a draft is the reader's work, not a copy of the PACS.
 */
export interface ReportRecord {
  nodeId: string;
  StudyInstanceUID: string;
  updatedAt: number;
  bytes: number;
  sealed: Sealed;
}

/** A cache setting or bookkeeping value (the key check lives here). */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Version 1 of the schema: tables and the fields each indexes (first entry: primary key). */
export const SCHEMA_V1 = {
  patients: 'patientKey, nodeId',
  studies: '[nodeId+StudyInstanceUID], StudyInstanceUID, nodeId, patientKey, StudyDate, lastAccess, pinned, bytes',
  series: '[nodeId+SeriesInstanceUID], [nodeId+StudyInstanceUID], Modality',
  instances: '[nodeId+SOPInstanceUID], [nodeId+StudyInstanceUID], [nodeId+SeriesInstanceUID], bytes',
  frames: '[nodeId+SOPInstanceUID+frame], [nodeId+StudyInstanceUID], bytes',
  syncJobs: '++id, state, [nodeId+StudyInstanceUID], priority',
  outbox: '++id, state, [nodeId+StudyInstanceUID]',
  settings: 'key',
} as const;

/** Version 2: studies are also indexed by modality (multi-entry), filled from their series. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  studies: `${SCHEMA_V1.studies}, *ModalitiesInStudy`,
} as const;

/** Version 3: the measurements of each study (one sealed record per study). */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  measurements: '[nodeId+StudyInstanceUID], updatedAt',
} as const;

/** Version 4: the reader's state of each study (opened, marked new), by UIDs. */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  readStates: '[nodeId+StudyInstanceUID], updatedAt',
} as const;

/** Version 5: same indexes; outbox rows hold one state (the machine's) and their kind. */
export const SCHEMA_V5 = SCHEMA_V4;

/** Version 6: the reader's report of each study (draft and signed versions, sealed). */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  reports: '[nodeId+StudyInstanceUID], updatedAt',
} as const;

/** The default database name. */
export const CACHE_DB_NAME = 'garde-cache';

/** The cache database at its latest schema version. */
export class CacheDb extends Dexie {
  patients!: EntityTable<PatientRecord, 'patientKey'>;
  studies!: Table<StudyRecord, [string, string]>;
  series!: Table<SeriesRecord, [string, string]>;
  instances!: Table<InstanceRecord, [string, string]>;
  frames!: Table<FrameRecord, [string, string, number]>;
  syncJobs!: EntityTable<SyncJobRecord, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  measurements!: Table<MeasurementRecord, [string, string]>;
  readStates!: Table<ReadStateRecord, [string, string]>;
  reports!: Table<ReportRecord, [string, string]>;

  constructor(name = CACHE_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // ModalitiesInStudy of studies cached by version 1, from their series' Modality.
        const series = (await tx.table('series').toArray()) as SeriesRecord[];
        const byStudy = new Map<string, Set<string>>();
        for (const s of series) {
          const key = studyKey(s.nodeId, s.StudyInstanceUID);
          if (!byStudy.has(key)) byStudy.set(key, new Set());
          if (s.Modality) byStudy.get(key)!.add(s.Modality);
        }
        await tx
          .table('studies')
          .toCollection()
          .modify((study: StudyRecord) => {
            study.ModalitiesInStudy ??= [...(byStudy.get(studyKey(study.nodeId, study.StudyInstanceUID)) ?? [])].sort();
          });
      });
    // A new table: nothing to convert (measurements were kept in memory for the session before).
    this.version(3).stores(SCHEMA_V3);
    // A new table: studies opened before it start as new (reported and sent come from the outbox).
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5).upgrade((tx) => tx.table('outbox').toCollection().modify(upgradeOutboxRow));
    this.version(6).stores(SCHEMA_V6);
  }
}

/** Version 4's cache state of an outbox row (pending 0, sending 1, sent 2, failed 3) as the machine's. */
const V4_OUTBOX_STATE: Record<number, OutboxItem['state']> = { 0: 0, 1: 1, 2: 3, 3: 4 };

/** A version-4 outbox row (cache `state` beside the machine's `policyState`) in version 5's form. */
function upgradeOutboxRow(row: Record<string, unknown>): void {
  row['state'] = (row['policyState'] as number | undefined) ?? V4_OUTBOX_STATE[row['state'] as number] ?? 0;
  delete row['policyState'];
  row['kind'] = row['kind'] === 'key-object-note' ? 'kos' : 'instance';
  row['nextAttemptAt'] ??= row['createdAt'];
}
