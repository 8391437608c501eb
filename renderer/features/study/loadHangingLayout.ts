import type { StudySummary } from '../../../app/dicom/studySummary';
import type { DicomJsonDataset } from '../../../app/dicomweb';
import { defaultProtocols, describeStudy, matchProtocol, type HangingResult, type KeywordDataset, type StudyDescriptor } from '../../../app/hanging';
import { keywordForm } from '../../viewer/keywordForm';
import { fetchSeriesList, loadSeriesImages, type SeriesSummary, type StudyLocation } from '../../viewer/loadStudyMetadata';
import { findPriors, type PriorStudy } from './findPriors';

/** At most this many priors are read for the matcher (the shipped protocols use the most recent). */
const MAX_PRIORS = 2;

/** The hanging protocol chosen for a study, and the studies its viewports may show. */
export interface HangingLayout {
  result: HangingResult;
  /** The current study (index -1) and the priors given to the matcher, by StudyInstanceUID, with their series. */
  studies: Map<string, { location: StudyLocation; summary: StudySummary; prior?: PriorStudy; series?: SeriesSummary[] }>;
}

/** Every instance of a study in keyword form, from its series metadata (cache first, then the gateway). */
async function describeLocation(location: StudyLocation, signal?: AbortSignal): Promise<{ described?: StudyDescriptor; series: SeriesSummary[] }> {
  const series = await fetchSeriesList(location, signal);
  const datasets: KeywordDataset[] = [];
  for (const s of series) {
    const images = await loadSeriesImages(location, s.SeriesInstanceUID, signal);
    const seen = new Set<DicomJsonDataset>();
    for (const image of images) {
      if (seen.has(image.instance)) continue;
      seen.add(image.instance);
      datasets.push(keywordForm(image.instance));
    }
  }
  return { ...(datasets.length > 0 ? { described: describeStudy(datasets) } : {}), series };
}

/**
 * Reads the study and its priors on the same node (see findPriors), then runs the hanging
 * protocol matcher on them with the shipped protocols. A prior that cannot be read is left out.
 * @returns undefined when no protocol applies (e.g. a study without images).
 */
export async function loadHangingLayout(location: StudyLocation, study: StudySummary, signal?: AbortSignal): Promise<HangingLayout | undefined> {
  const { described: current, series } = await describeLocation(location, signal);
  if (!current) return undefined;
  const studies: HangingLayout['studies'] = new Map([[study.StudyInstanceUID, { location, summary: study, series }]]);
  const priors: StudyDescriptor[] = [];
  const candidates = await findPriors(location.gatewayBaseUrl, study, signal);
  for (const prior of candidates) {
    if (priors.length >= MAX_PRIORS) break;
    const priorLocation = { ...location, StudyInstanceUID: prior.summary.StudyInstanceUID };
    const read = await describeLocation(priorLocation, signal).catch((error: unknown) => {
      if (signal?.aborted) throw error;
      return undefined;
    });
    const described = read?.described;
    if (!described) continue;
    // Studies from the node carry the date the worklist shows; the metadata's own is kept when present.
    priors.push({ ...described, StudyDate: described.StudyDate ?? prior.summary.StudyDate });
    studies.set(prior.summary.StudyInstanceUID, { location: priorLocation, summary: prior.summary, prior, series: read.series });
  }
  const result = matchProtocol(defaultProtocols(), { current, priors });
  return result ? { result, studies } : undefined;
}
