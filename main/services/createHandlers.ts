import type { AppInfo, Handlers, NodeSummary } from '../../app/ipc/contract';
import { EventActionCode, EventID, EventOutcomeIndicator } from '../../app/audit';
import { GardeError } from '../../app/ipc/errors';
import type { CacheKeyStore } from '../cacheKey';
import type { AuditSink } from '../gateway/gatewayAudit';
import type { NodeAdmin } from '../nodes/nodeAdmin';
import type { SettingsStore } from '../settings/settingsStore';

/** What the contract handlers need from the composition root. */
export interface HandlerDeps {
  appInfo: AppInfo;
  nodes: () => NodeSummary[];
  settings: SettingsStore;
  nodeAdmin: NodeAdmin;
  /** The local cache's key store (vault or key file); getCacheKey fails without it. */
  cacheKey?: CacheKeyStore;
  /** The audit log, the OS user and the reader of Settings, for records the renderer reports (a report signed). */
  audit?: { log: AuditSink; localUser: string; reader: () => string | undefined };
}

/**
 * The implementation of every contract method, shared by Electron IPC and web mode.
 * Each handler is a named function so stack traces and logs say which call failed.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    async getAppInfo() {
      return deps.appInfo;
    },
    async listNodes() {
      return deps.nodes();
    },
    async getSettings() {
      return deps.settings.get();
    },
    async updateSettings(patch) {
      return deps.settings.update(patch);
    },
    async listNodeConfigs() {
      return deps.nodeAdmin.list();
    },
    async saveNode(request) {
      return deps.nodeAdmin.save(request);
    },
    async removeNode(request) {
      return deps.nodeAdmin.remove(request);
    },
    async testNode(request) {
      return deps.nodeAdmin.test(request);
    },
    async getCacheKey(request) {
      if (!deps.cacheKey) throw new GardeError('INTERNAL', 'no cache key store is configured');
      return deps.cacheKey.get({ renew: request?.renew === true });
    },
    async recordReportSigned(request) {
      if (!deps.audit) throw new GardeError('INTERNAL', 'no audit log is configured');
      const reader = deps.audit.reader();
      if (!reader) throw new GardeError('SETTINGS_INVALID', 'a report is signed only by a reader given in Settings');
      // PS3.15 A.5.3.3 DICOM Instances Accessed, action Create: the report's objects were made.
      await deps.audit.log.append({
        EventID: EventID.DICOMInstancesAccessed.code,
        EventActionCode: EventActionCode.Create,
        EventOutcomeIndicator: EventOutcomeIndicator.Success,
        EventOutcomeDescription: `report version ${request.version} signed: ${request.SOPInstanceUIDs.join(', ')}`,
        localUser: deps.audit.localUser,
        readerIdentity: reader,
        nodeId: request.nodeId,
        StudyInstanceUID: request.StudyInstanceUID,
        ...(request.PatientID ? { PatientID: request.PatientID, ...(request.IssuerOfPatientID ? { IssuerOfPatientID: request.IssuerOfPatientID } : {}) } : {}),
      });
    },
  };
}
