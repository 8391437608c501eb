import { adaptersSR } from '@cornerstonejs/adapters';
import { metaData } from '@cornerstonejs/core';
import { wadors } from '@cornerstonejs/dicom-image-loader';
import type { Types as ToolTypes } from '@cornerstonejs/tools';
import type { DicomJsonDataset } from '../../app/dicomweb';
import { parseFrameUrl } from '../../app/dicomweb/gatewayPaths';
import { personName, verifiedBy, type ObjectUids, type ReaderIdentity, type ReportStudy } from '../../app/report';
import { dicomDate, dicomTime } from '../../app/report/dicomDateTime';
import { naturalizeDicomJson, writeDocument } from '../../app/report/writeDocument';

/** Series number of the measurement reports (beside the report SR's 9001). */
const SERIES_NUMBER = 9004;

/**
 * What the adapter asks of image metadata: Cornerstone3D's modules, plus `instance` (the naturalized
 * DICOM of the image, from the metadata the viewer loaded) and `frameNumber` (from the frame URL).
 */
const metadataProvider = {
  get(type: string, imageId: string): unknown {
    if (type === 'instance') {
      const json = wadors.metaDataManager.get(imageId) as DicomJsonDataset | undefined;
      return json ? naturalizeDicomJson(json as Record<string, unknown>) : undefined;
    }
    if (type === 'frameNumber') return parseFrameUrl(imageId.replace(/^wadors:/, ''))?.frame ?? 1;
    return metaData.get(type, imageId);
  },
};

/**
 * The study's measurements as a TID 1500 Measurement Report (PS3.16), written by
 * `@cornerstonejs/adapters` from the tools' annotations (spatial coordinates and figures as the
 * tools computed them), verified by the reader, with the report version's UIDs: Part 10 bytes;
 * undefined when no annotation is of a kind the adapter writes.
 */
export function buildMeasurementReport(
  annotations: readonly ToolTypes.Annotation[],
  signed: { uids: ObjectUids; version: number; signedAt: Date; reader: ReaderIdentity; study: ReportStudy },
): Uint8Array<ArrayBuffer> | undefined {
  const { uids, version, signedAt, reader, study } = signed;
  const toolState: Record<string, Record<string, { data: ToolTypes.Annotation[] }>> = {};
  const supported = adaptersSR.Cornerstone3D.MeasurementReport.measurementAdapterByToolType as Map<string, unknown>;
  for (const a of annotations) {
    const imageId = a.metadata?.referencedImageId;
    const tool = a.metadata?.toolName;
    if (!imageId || !tool || !supported.has(tool)) continue;
    const byTool = (toolState[imageId] ??= {});
    (byTool[tool] ??= { data: [] }).data.push(a);
  }
  if (Object.keys(toolState).length === 0) return undefined;
  const report = adaptersSR.Cornerstone3D.MeasurementReport.generateReport(toolState, metadataProvider, { PersonName: personName(reader) }) as { dataset: Record<string, unknown> };
  const dataset = {
    ...report.dataset,
    // The patient and study as the node identifies them (the adapter copies only part of them from the image).
    ...study,
    ...verifiedBy(reader, signedAt),
    SpecificCharacterSet: 'ISO_IR 192',
    SeriesInstanceUID: uids.SeriesInstanceUID,
    SOPInstanceUID: uids.SOPInstanceUID,
    SeriesNumber: SERIES_NUMBER,
    SeriesDescription: 'Measurements',
    InstanceNumber: version,
    ContentDate: dicomDate(signedAt),
    ContentTime: dicomTime(signedAt),
    Manufacturer: 'Garde',
  };
  delete (dataset as { _meta?: unknown })._meta;
  return writeDocument(dataset);
}
