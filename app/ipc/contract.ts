import type { NodeInput, PublicNodeView } from '../nodes';
import type { ReaderIdentity } from '../report/reportTypes';
import type { ErrorCode, GardeErrorData } from './errors';
import type { ScreeningProgramme } from '../screening/screeningProgramme';

/**
 * The main <-> renderer contract. Every call the renderer may make is one entry of
 * {@link Contract}; the preload (Electron) and the web-mode HTTP transport both expose exactly
 * these methods and nothing else. Pixel data never travels here: it goes through the gateway.
 */

/** UI language: an explicit choice, or follow the operating system / browser. */
export type LanguageSetting = 'system' | 'fr' | 'en';

/** How the workstation is running. */
export type RunMode = 'electron' | 'web';

/** What the renderer may know about the running application. */
export interface AppInfo {
  name: string;
  version: string;
  mode: RunMode;
  platform: string;
  /** Base URL of the DICOMweb gateway as the renderer must address it. */
  gatewayBaseUrl: string;
}

/** User settings kept by main. */
export interface Settings {
  language: LanguageSetting;
  /** Who signs reports on this workstation (written in every report and audit record); absent until given. */
  reader?: ReaderIdentity;
  /** The screening programme's settings over those of `assets/screening/programme.json` (app/screening/screeningProgramme.ts). */
  screening?: Partial<ScreeningProgramme>;
}

/** A configured PACS node as the renderer sees it: never a secret. */
export interface NodeSummary {
  id: string;
  name: string;
  kind: 'dicomweb' | 'dimse' | 'folder';
  /** True for a node that cannot receive what the reader sends (a folder or CD not set to receive). */
  readOnly?: boolean;
}

/** A configured node with what Settings shows about it: never a password, token or user name. */
export interface NodeConfigEntry {
  node: PublicNodeView;
  /** Last known reachability (a Test, or the latest exchange through the gateway). */
  reachable: 'unknown' | 'yes' | 'no';
  checkedAt?: string;
  /** English reason of the last failure. */
  error?: string;
  /** False when main could not build the node's adapter (the node is configured but unused). */
  usable: boolean;
}

/** The nodes of the configuration file and where their credentials are kept. */
export interface NodeConfigList {
  nodes: NodeConfigEntry[];
  /** `vault`: the desktop app's encrypted vault; `nodes-file`: inline in the nodes file (web mode). */
  credentialStore: 'vault' | 'nodes-file';
}

/** Adds a node or replaces the node of the same id. */
export interface SaveNodeRequest {
  node: NodeInput;
  /** True when adding: an id already configured is then refused instead of replaced. */
  create?: boolean;
}

/** Checks a saved node (`id`) or a node being edited (`node`, completed with the stored secrets). */
export type TestNodeRequest = { id: string } | { node: NodeInput };

/** The outcome of a connection test: DICOMweb QIDO ping, DIMSE C-ECHO, or folder readable. */
export interface NodeTestResult {
  ok: boolean;
  /** Duration of the check, in milliseconds. */
  ms: number;
  /** Plain English sentence (logs); the UI shows the translation of `code` or a success line. */
  message: string;
  /** Why it failed, when it did. */
  code?: ErrorCode;
}

/** Asks for the local cache's encryption key; `renew` replaces it (the cache is then reset by the renderer). */
export interface CacheKeyRequest {
  renew?: boolean;
}

/**
 * The AES-256-GCM key of the renderer's local cache (32 random bytes, base64). `os-keychain`: kept
 * in the desktop vault (Electron safeStorage); `key-file`: a 0600 file in the data folder (web mode,
 * or a desktop without OS encryption), which the UI says.
 */
export interface CacheKeyResponse {
  key: string;
  protection: 'os-keychain' | 'key-file';
}

/**
 * A report version the reader signed (its objects queued for the study's node), for the audit
 * trail: who (the reader in Settings), which patient as the node identifies them, which study,
 * which node, which objects.
 */
export interface ReportSignedRecord {
  nodeId: string;
  StudyInstanceUID: string;
  PatientID?: string;
  IssuerOfPatientID?: string;
  version: number;
  SOPInstanceUIDs: string[];
}

/** Request and response types of each contract method. */
export interface Contract {
  getAppInfo: { request: void; response: AppInfo };
  listNodes: { request: void; response: NodeSummary[] };
  getSettings: { request: void; response: Settings };
  updateSettings: { request: Partial<Settings>; response: Settings };
  listNodeConfigs: { request: void; response: NodeConfigList };
  saveNode: { request: SaveNodeRequest; response: NodeConfigEntry };
  removeNode: { request: { id: string }; response: { id: string } };
  testNode: { request: TestNodeRequest; response: NodeTestResult };
  getCacheKey: { request: CacheKeyRequest | undefined; response: CacheKeyResponse };
  recordReportSigned: { request: ReportSignedRecord; response: void };
}

/** A contract method name. */
export type Method = keyof Contract;

/** The allowlist: every method of {@link Contract}, in a runtime-visible list. */
export const METHODS = [
  'getAppInfo',
  'listNodes',
  'getSettings',
  'updateSettings',
  'listNodeConfigs',
  'saveNode',
  'removeNode',
  'testNode',
  'getCacheKey',
  'recordReportSigned',
] as const satisfies readonly Method[];

/** Every method's outcome: a value or a serialisable error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: GardeErrorData };

/** What the renderer calls (`window.garde` in Electron, HTTP in web mode). */
export type GardeApi = {
  [M in Method]: (request: Contract[M]['request']) => Promise<Result<Contract[M]['response']>>;
};

/** What main implements: plain async functions that may throw a GardeError. */
export type Handlers = {
  [M in Method]: (request: Contract[M]['request']) => Promise<Contract[M]['response']>;
};

/** The Electron IPC channel carrying a method. */
export function ipcChannel(method: Method): string {
  return `garde:${method}`;
}

/** The web-mode HTTP path carrying a method (POST, JSON body). */
export function httpPath(method: Method): string {
  return `/api/${method}`;
}

/** Whether a string names a contract method. */
export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && (METHODS as readonly string[]).includes(value);
}
