import { isDocumentModality } from '../../../app/dicom/documentSeries';
import { withPatientOfInstance, type StudySummary } from '../../../app/dicom/studySummary';
import type { DicomJsonDataset } from '../../../app/dicomweb';
import { defaultProtocols, describeStudy, matchProtocol, type HangingResult, type KeywordDataset, type StudyDescriptor } from '../../../app/hanging';
import { findPriors, type PriorCandidate } from '../../../app/sync';
import { keywordForm } from '../../viewer/keywordForm';
import { fetchSeriesList, loadSeriesImages, type SeriesSummary, type StudyLocation } from '../../viewer/loadStudyMetadata';
import { gatherPriors } from './gatherPriors';

/** At most this many priors are read for the matcher (the shipped protocols use the most recent). */
const MAX_PRIORS = 2;
/** At most this many series metadata of one study are read at once. */
const SERIES_AT_ONCE = 4;

/** The hanging protocol chosen for a study, and the studies its viewports may show. */
export interface HangingLayout {
  result: HangingResult;
  /** The current study (index -1) and the priors given to the matcher, by StudyInstanceUID, with their series. */
  studies: Map<string, { location: StudyLocation; summary: StudySummary; prior?: PriorCandidate; series?: SeriesSummary[] }>;
}

/** Every instance of a study in keyword form, from its series metadata (cache first, then the gateway), a few series at once. */
async function describeLocation(location: StudyLocation, signal?: AbortSignal): Promise<{ described?: StudyDescriptor; series: SeriesSummary[]; first?: DicomJsonDataset }> {
  // Documents (SR, KOS, PDF) are not hung: they are the report panel's.
  const series = (await fetchSeriesList(location, signal)).filter((s) => !isDocumentModality(s.Modality));
  const imagesOf = new Array<Awaited<ReturnType<typeof loadSeriesImages>>>(series.length);
  let next = 0;
  const worker = async () => {
    for (let k = next++; k < series.length; k = next++) imagesOf[k] = await loadSeriesImages(location, series[k]!.SeriesInstanceUID, signal);
  };
  await Promise.all(Array.from({ length: Math.min(SERIES_AT_ONCE, series.length) }, worker));
  const datasets: KeywordDataset[] = [];
  const seen = new Set<DicomJsonDataset>();
  for (const image of imagesOf.flat()) {
    if (seen.has(image.instance)) continue;
    seen.add(image.instance);
    datasets.push(keywordForm(image.instance));
  }
  const first = seen.values().next().value;
  return { ...(datasets.length > 0 ? { described: describeStudy(datasets) } : {}), series, ...(first ? { first } : {}) };
}

/**
 * Reads the study and its priors from every node (see gatherPriors; each prior is read from the
 * node holding it), then runs the hanging protocol matcher on them with the shipped protocols. The
 * most recent priors are read at once, up to {@link MAX_PRIORS}; one that cannot be read, or that
 * the prior rule refuses once both studies' patients are read from their metadata, is left out and
 * the next one read in its place.
 * @returns undefined when no protocol applies (e.g. a study without images).
 */
export async function loadHangingLayout(location: StudyLocation, study: StudySummary, signal?: AbortSignal): Promise<HangingLayout | undefined> {
  const [{ described: current, series, first }, candidates] = await Promise.all([describeLocation(location, signal), gatherPriors(location.gatewayBaseUrl, study, signal)]);
  if (!current) return undefined;
  const studies: HangingLayout['studies'] = new Map([[study.StudyInstanceUID, { location, summary: study, series }]]);
  const currentPatient = first ? withPatientOfInstance(study, first) : study;
  const priors: StudyDescriptor[] = [];
  for (let from = 0; from < candidates.length && priors.length < MAX_PRIORS; ) {
    const batch = candidates.slice(from, from + MAX_PRIORS - priors.length);
    from += batch.length;
    const reads = await Promise.all(batch.map((candidate) => readPrior(location.gatewayBaseUrl, currentPatient, candidate, signal)));
    for (const read of reads) {
      if (!read) continue;
      priors.push(read.described);
      studies.set(read.prior.study.StudyInstanceUID, { location: read.location, summary: read.prior.study, prior: read.prior, series: read.series });
    }
  }
  const result = matchProtocol(defaultProtocols(), { current, priors });
  return result ? { result, studies } : undefined;
}

/**
 * A prior read from its own node for the matcher, with the prior rule's decision taken again on
 * the patients as the metadata of both studies describe them (issuer and national identifiers a
 * node's search may leave out); undefined when it cannot be read, has no image, or is refused.
 */
async function readPrior(gatewayBaseUrl: string, current: StudySummary, candidate: PriorCandidate, signal?: AbortSignal): Promise<{ prior: PriorCandidate; location: StudyLocation; described: StudyDescriptor; series: SeriesSummary[] } | undefined> {
  const location = { gatewayBaseUrl, nodeId: candidate.study.nodeId, StudyInstanceUID: candidate.study.StudyInstanceUID };
  const read = await describeLocation(location, signal).catch((error: unknown) => {
    if (signal?.aborted) throw error;
    return undefined;
  });
  if (!read?.described || !read.first) return undefined;
  const [prior] = findPriors(current, [withPatientOfInstance(candidate.study, read.first)]);
  if (!prior) return undefined;
  // Studies from the node carry the date the worklist shows; the metadata's own is kept when present.
  return { prior, location, described: { ...read.described, StudyDate: read.described.StudyDate ?? prior.study.StudyDate }, series: read.series };
}
