/**
 * The additional authenticated data of each kind of record: its table and its whole key, so a
 * sealed value copied into another record (another frame, instance, study or node) fails to open.
 */
export const recordAad = {
  patient: (patientKey: string) => `patients|${patientKey}`,
  study: (nodeId: string, StudyInstanceUID: string) => `studies|${nodeId}|${StudyInstanceUID}`,
  studyWorklist: (nodeId: string, StudyInstanceUID: string) => `studies.worklist|${nodeId}|${StudyInstanceUID}`,
  studySeriesList: (nodeId: string, StudyInstanceUID: string) => `studies.seriesList|${nodeId}|${StudyInstanceUID}`,
  series: (nodeId: string, SeriesInstanceUID: string) => `series|${nodeId}|${SeriesInstanceUID}`,
  instance: (nodeId: string, SOPInstanceUID: string) => `instances|${nodeId}|${SOPInstanceUID}`,
  frame: (nodeId: string, SOPInstanceUID: string, frame: number) => `frames|${nodeId}|${SOPInstanceUID}|${frame}`,
  measurements: (nodeId: string, StudyInstanceUID: string) => `measurements|${nodeId}|${StudyInstanceUID}`,
  report: (nodeId: string, StudyInstanceUID: string) => `reports|${nodeId}|${StudyInstanceUID}`,
  outbox: (nodeId: string, SOPInstanceUID: string) => `outbox|${nodeId}|${SOPInstanceUID}`,
} as const;
