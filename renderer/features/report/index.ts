export { ReportPanel } from './ReportPanel';
export { useReportDraft, type ReportDraftControl } from './useReportDraft';
export { reportStudyOf } from './signAndQueue';
