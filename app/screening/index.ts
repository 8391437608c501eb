export type { Assessment, Breast, BreastRead, Density, FindingKind, ReadForm, ReadRole, ReadToWrite, ScreeningFinding, SubmittedRead } from './screeningTypes';
export { ASSESSMENTS, BREASTS, DENSITIES, FINDING_KINDS } from './screeningTypes';
export { parseScreeningProgramme, ScreeningProgrammeError, type ScreeningProgramme } from './screeningProgramme';
export { compareReads, isNormalRead, isRecalled, recallsCase, type BreastDifference } from './concordance';
export { caseStage, roleFor, visibleReads, type CaseStage } from './screeningCase';
export { professionalKey } from './readerKey';
export { buildScreeningReadSr, COMPREHENSIVE_SR, SCREENING_READ_SERIES_DESCRIPTION, SCREENING_READ_SERIES_NUMBER } from './buildScreeningReadSr';
export { isScreeningReadInstance, readScreeningRead, type StoredRead } from './readScreeningRead';
export { readToJson, type ReadJson, type ScreeningCaseAnswer, type ScreeningCaseRow } from './screeningApi';
