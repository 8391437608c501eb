import { DicomJsonTag, getNumber, getString, getStrings, type DicomJsonDataset } from '../../app/dicomweb/dicomJson';
import { isSeriesMetadataComplete } from '../../app/sync/seriesCompleteness';
import { CacheRecordError } from './crypto/errors';
import type { Cache } from './openCache';
import { recordAad } from './recordAad';
import { Pinned, type InstanceRecord, type PatientRecord, type SeriesRecord, type StudyRecord } from './schema';

/** Patient-level attributes (PS3.3 C.7.1.1): PatientName, PatientID, Issuer, its qualifiers, birth date, sex, other IDs. */
const PATIENT_TAGS = ['00100010', '00100020', '00100021', '00100024', '00100030', '00100040', '00101002'];
/** Study-level attributes (PS3.3 C.7.2.1) kept with the study: UID, date, time, accession, description, referring physician, ID. */
const STUDY_TAGS = ['0020000D', '00080020', '00080030', '00080050', '00081030', '00080090', '00200010'];
/** Series-level attributes (PS3.3 C.7.3.1): UID, modality, number, description, body part, laterality. */
const SERIES_TAGS = ['0020000E', '00080060', '00200011', '0008103E', '00180015', '00200060'];
const MODALITY = '00080060';

function pick(dataset: DicomJsonDataset, tags: readonly string[]): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  for (const tag of tags) if (dataset[tag]) out[tag] = dataset[tag]!;
  return out;
}

function required(dataset: DicomJsonDataset, tag: string, keyword: string): string {
  const value = getString(dataset, tag);
  if (!value) throw new RangeError(`instance metadata without ${keyword}`);
  return value;
}

/**
 * Caches the WADO-RS metadata of one study's instances (PS3.18 F.2 DICOM JSON, as the gateway
 * serves it): one sealed record per instance, plus sealed patient, study and series attributes.
 * The patient is indexed by a keyed hash of node, issuer and Patient ID. Pinned state and last
 * access of an already cached study are kept.
 */
export async function putStudyMetadata(cache: Cache, nodeId: string, instances: readonly DicomJsonDataset[]): Promise<void> {
  if (instances.length === 0) return;
  const first = instances[0]!;
  const StudyInstanceUID = required(first, DicomJsonTag.StudyInstanceUID, 'StudyInstanceUID');
  const { cipher } = cache;
  const patientKey = await cipher.indexKey(`${nodeId}|${getString(first, DicomJsonTag.IssuerOfPatientID) ?? ''}|${getString(first, DicomJsonTag.PatientID) ?? ''}`);
  const patient: PatientRecord = { patientKey, nodeId, sealed: await cipher.sealJson(pick(first, PATIENT_TAGS), recordAad.patient(patientKey)) };
  const seriesById = new Map<string, DicomJsonDataset>();
  const instanceRecords: InstanceRecord[] = [];
  for (const dataset of instances) {
    if (getString(dataset, DicomJsonTag.StudyInstanceUID) !== StudyInstanceUID) throw new RangeError('metadata of more than one study');
    const SeriesInstanceUID = required(dataset, DicomJsonTag.SeriesInstanceUID, 'SeriesInstanceUID');
    const SOPInstanceUID = required(dataset, DicomJsonTag.SOPInstanceUID, 'SOPInstanceUID');
    if (!seriesById.has(SeriesInstanceUID)) seriesById.set(SeriesInstanceUID, pick(dataset, SERIES_TAGS));
    const sealed = await cipher.sealJson(dataset, recordAad.instance(nodeId, SOPInstanceUID));
    const NumberOfFrames = Math.max(1, Math.trunc(getNumber(dataset, '00280008') ?? 1));
    instanceRecords.push({ nodeId, StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID, NumberOfFrames, bytes: sealed.byteLength, sealed });
  }
  const seriesRecords: SeriesRecord[] = [];
  for (const [SeriesInstanceUID, dataset] of seriesById) {
    const sealed = await cipher.sealJson(dataset, recordAad.series(nodeId, SeriesInstanceUID));
    seriesRecords.push({ nodeId, StudyInstanceUID, SeriesInstanceUID, Modality: getString(dataset, MODALITY) ?? '', sealed });
  }
  const studySealed = await cipher.sealJson(pick(first, STUDY_TAGS), recordAad.study(nodeId, StudyInstanceUID));
  const { db } = cache;
  await db.transaction('rw', [db.patients, db.studies, db.series, db.instances], async () => {
    const oldInstances = await db.instances.bulkGet(instanceRecords.map((r) => [nodeId, r.SOPInstanceUID] as [string, string]));
    const oldSeries = await db.series.bulkGet(seriesRecords.map((r) => [nodeId, r.SeriesInstanceUID] as [string, string]));
    const study = await db.studies.get([nodeId, StudyInstanceUID]);
    let delta = studySealed.byteLength - (study?.sealed?.byteLength ?? 0);
    instanceRecords.forEach((r, i) => (delta += r.bytes - (oldInstances[i]?.bytes ?? 0)));
    seriesRecords.forEach((r, i) => (delta += r.sealed.byteLength - (oldSeries[i]?.sealed.byteLength ?? 0)));
    await db.patients.put(patient);
    await db.instances.bulkPut(instanceRecords);
    await db.series.bulkPut(seriesRecords);
    const allSeries = await db.series.where('[nodeId+StudyInstanceUID]').equals([nodeId, StudyInstanceUID]).toArray();
    const modalities = new Set([...getStrings(first, DicomJsonTag.ModalitiesInStudy), ...allSeries.map((s) => s.Modality).filter(Boolean)]);
    const record: StudyRecord = {
      // Fields other repositories keep on the study (worklist record, series list) stay.
      ...study,
      nodeId,
      StudyInstanceUID,
      patientKey,
      StudyDate: getString(first, '00080020') ?? '',
      ModalitiesInStudy: [...modalities].sort(),
      lastAccess: study?.lastAccess ?? cache.now(),
      pinned: study?.pinned ?? Pinned.no,
      bytes: Math.max(0, (study?.bytes ?? 0) + delta),
      sealed: studySealed,
    };
    await db.studies.put(record);
  });
}

/** A study's cached instance metadata; records that do not decrypt are listed apart, the rest returned. */
export interface CachedMetadata {
  instances: DicomJsonDataset[];
  errors: CacheRecordError[];
}

async function openInstances(cache: Cache, records: readonly InstanceRecord[]): Promise<CachedMetadata> {
  const out: CachedMetadata = { instances: [], errors: [] };
  for (const r of records) {
    try {
      out.instances.push(await cache.cipher.openJson<DicomJsonDataset>(r.sealed, recordAad.instance(r.nodeId, r.SOPInstanceUID)));
    } catch {
      out.errors.push(new CacheRecordError('instances', r.SOPInstanceUID));
    }
  }
  return out;
}

/** Every cached instance's metadata of a study. */
export async function getStudyMetadata(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<CachedMetadata> {
  return openInstances(cache, await cache.db.instances.where('[nodeId+StudyInstanceUID]').equals([nodeId, StudyInstanceUID]).toArray());
}

/**
 * A series' cached metadata and whether it stands for the whole series (app/sync
 * `isSeriesMetadataComplete`, with `expected` its NumberOfSeriesRelatedInstances when known).
 */
export async function getCachedSeries(cache: Cache, location: { nodeId: string; StudyInstanceUID: string }, SeriesInstanceUID: string, expected: number | undefined): Promise<CachedMetadata & { complete: boolean }> {
  const records = await cache.db.instances.where('[nodeId+SeriesInstanceUID]').equals([location.nodeId, SeriesInstanceUID]).toArray();
  const cached = await openInstances(cache, records.filter((r) => r.StudyInstanceUID === location.StudyInstanceUID));
  return { ...cached, complete: isSeriesMetadataComplete({ instances: cached.instances.length, unreadable: cached.errors.length }, expected) };
}

/** One instance's metadata, or undefined; a record that does not decrypt throws {@link CacheRecordError}. */
export async function getInstanceMetadata(cache: Cache, nodeId: string, SOPInstanceUID: string): Promise<DicomJsonDataset | undefined> {
  const record = await cache.db.instances.get([nodeId, SOPInstanceUID]);
  if (!record) return undefined;
  const { instances, errors } = await openInstances(cache, [record]);
  if (errors[0]) throw errors[0];
  return instances[0];
}

/** The study- and patient-level attributes of a cached study (for a worklist row offline). */
export async function getStudyAttributes(cache: Cache, nodeId: string, StudyInstanceUID: string): Promise<DicomJsonDataset | undefined> {
  const study = await cache.db.studies.get([nodeId, StudyInstanceUID]);
  if (!study?.sealed) return undefined;
  const patient = await cache.db.patients.get(study.patientKey);
  try {
    const studyLevel = await cache.cipher.openJson<DicomJsonDataset>(study.sealed, recordAad.study(nodeId, StudyInstanceUID));
    const patientLevel = patient ? await cache.cipher.openJson<DicomJsonDataset>(patient.sealed, recordAad.patient(patient.patientKey)) : {};
    return { ...patientLevel, ...studyLevel, [DicomJsonTag.ModalitiesInStudy]: { vr: 'CS', Value: study.ModalitiesInStudy ?? [] } };
  } catch {
    throw new CacheRecordError('studies', undefined);
  }
}
