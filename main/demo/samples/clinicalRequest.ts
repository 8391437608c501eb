import type { ClinicalRequest } from './sampleTypes';

/**
 * Clinical request attributes of a study as a dataset fragment:
 * AdditionalPatientHistory (PS3.3 C.7.2.2 Patient Study Module),
 * RequestingPhysician / RequestedProcedureDescription /
 * ReasonForTheRequestedProcedure / RequestedProcedurePriority (C.4.11 Imaging
 * Service Request and Requested Procedure, as found in images), and
 * RequestAttributesSequence (C.7.3.1 General Series Module).
 */
export function clinicalRequestAttributes(request: ClinicalRequest, AccessionNumber: string): Record<string, unknown> {
  const RequestedProcedureID = request.RequestedProcedureID ?? `RP${AccessionNumber}`;
  const fragment: Record<string, unknown> = {
    ReasonForTheRequestedProcedure: request.ReasonForTheRequestedProcedure,
    RequestedProcedureDescription: request.RequestedProcedureDescription,
    RequestingPhysician: request.RequestingPhysician,
    RequestedProcedurePriority: request.RequestedProcedurePriority,
    RequestedProcedureID,
    RequestAttributesSequence: [
      {
        RequestedProcedureID,
        ReasonForTheRequestedProcedure: request.ReasonForTheRequestedProcedure,
        ScheduledProcedureStepID: `SPS${AccessionNumber}`,
        ScheduledProcedureStepDescription: request.RequestedProcedureDescription,
      },
    ],
  };
  if (request.AdditionalPatientHistory) fragment.AdditionalPatientHistory = request.AdditionalPatientHistory;
  if (request.InstitutionName) fragment.InstitutionName = request.InstitutionName;
  return fragment;
}
