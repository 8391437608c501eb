import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { AppInfo, Handlers } from '../../app/ipc/contract';
import type { NodeConfig } from '../../app/nodes';
import { AuditLog } from '../audit';
import { fileCacheKeyStore, vaultCacheKeyStore } from '../cacheKey';
import { adapterFactories } from '../gateway/adapterFactories';
import { createGateway, type FetchHandler } from '../gateway/createGateway';
import { GatewayAudit } from '../gateway/gatewayAudit';
import { NodeRegistry } from '../gateway/nodeRegistry';
import { NodeAdmin } from '../nodes/nodeAdmin';
import { NodesStore } from '../nodes/nodesStore';
import { noVault, type SecretLookup } from '../secrets/resolveSecret';
import type { Vault } from '../secrets/vault';
import { readerAuditText } from '../../app/report/readerIdentity';
import { ReadWithholding } from '../screening/withholdReads';
import { screeningProgramme, SettingsStore } from '../settings/settingsStore';
import { createHandlers } from './createHandlers';

/** Inputs of the main-process services, the same for the desktop app and web mode. */
export interface ServicesConfig {
  appInfo: AppInfo;
  nodes: readonly NodeConfig[];
  dataDir: string;
  /** '' for garde://gateway, '/gateway' in web mode. */
  gatewayBasePath: string;
  secrets?: SecretLookup;
  /** The nodes file Settings edits; `<dataDir>/nodes.json` when absent. */
  nodesFile?: string;
  /** The desktop credential vault; when given, it is also the secret lookup unless `secrets` is. */
  vault?: Vault;
  log?: (line: string) => void;
}

/** The running services. */
export interface Services {
  handlers: Handlers;
  gateway: FetchHandler;
  registry: NodeRegistry;
  audit: AuditLog;
  close(): Promise<void>;
}

/**
 * Builds settings, the audit log (`<dataDir>/audit/audit.jsonl`), one adapter per node, the
 * gateway and the contract handlers.
 */
export async function createServices(config: ServicesConfig): Promise<Services> {
  const log = config.log ?? (() => undefined);
  const tempDir = join(config.dataDir, 'tmp');
  await mkdir(tempDir, { recursive: true, mode: 0o700 });
  const audit = await AuditLog.open(join(config.dataDir, 'audit', 'audit.jsonl'));
  const registry = await NodeRegistry.create(config.nodes, adapterFactories({ secrets: config.secrets ?? config.vault?.lookup ?? noVault, tempDir, log }), log);
  const settings = new SettingsStore(config.dataDir);
  await settings.get();
  // Every audit record names the reader of Settings, when one is given.
  const reader = () => {
    const r = settings.cached()?.reader;
    return r ? readerAuditText(r) : undefined;
  };
  const gatewayAudit = new GatewayAudit(audit, userInfo().username, reader);
  const screening = { programme: () => screeningProgramme(settings.cached()), reader: () => settings.cached()?.reader, withholding: new ReadWithholding() };
  const gateway = createGateway({ basePath: config.gatewayBasePath, registry, audit: gatewayAudit, log, screening });
  const handlers = createHandlers({
    appInfo: config.appInfo,
    nodes: () => registry.all().map((a) => ({ id: a.node.id, name: a.node.name, kind: a.node.kind, ...(a.node.kind === 'folder' && a.node.receive !== true ? { readOnly: true } : {}) })),
    settings,
    audit: { log: audit, localUser: userInfo().username, reader },
    nodeAdmin: new NodeAdmin({ store: new NodesStore(config.nodesFile ?? join(config.dataDir, 'nodes.json')), registry, vault: config.vault }),
    // Desktop: the vault (OS keychain); web mode, or no OS encryption: <dataDir>/cache.key.
    cacheKey: config.vault ? vaultCacheKeyStore(config.vault) : fileCacheKeyStore(join(config.dataDir, 'cache.key')),
  });
  return {
    handlers,
    gateway,
    registry,
    audit,
    async close() {
      await registry.close();
      await audit.close();
    },
  };
}
