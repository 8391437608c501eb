import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodeConfig } from '../../../app/nodes';
import { parseNodesFile } from '../../../app/nodes';
import { AuditLog } from '../../../main/audit';
import { adapterFactories } from '../../../main/gateway/adapterFactories';
import { createGateway, type FetchHandler } from '../../../main/gateway/createGateway';
import { GatewayAudit } from '../../../main/gateway/gatewayAudit';
import { NodeRegistry } from '../../../main/gateway/nodeRegistry';
import { noVault } from '../../../main/secrets/resolveSecret';
import type { ScreeningServiceOptions } from '../../../main/screening/screeningService';

/** The gateway as main builds it (real adapters, real audit log), called with Fetch Requests. */
export interface GatewayUnderTest {
  handler: FetchHandler;
  registry: NodeRegistry;
  auditPath: string;
  /** GET (or another method) on a gateway path such as `/nodes/pacs-nord/dicom-web/studies`. */
  call(path: string, init?: RequestInit): Promise<Response>;
  auditRecords(): Record<string, unknown>[];
  close(): Promise<void>;
}

export const GATEWAY_ORIGIN = 'http://127.0.0.1:8420';

/** Builds a gateway over node configurations (validated by the real schema). */
export async function gatewayUnderTest(nodes: unknown[], options: { searchTimeoutMs?: number; requestTimeoutMs?: number; screening?: ScreeningServiceOptions } = {}): Promise<GatewayUnderTest> {
  const config = parseNodesFile(JSON.stringify({ nodes }), 'nodes.json');
  const dir = mkdtempSync(join(tmpdir(), 'garde-gw-'));
  const auditPath = join(dir, 'audit.jsonl');
  const log = await AuditLog.open(auditPath);
  const registry = await NodeRegistry.create(config.nodes as NodeConfig[], adapterFactories({ secrets: noVault, tempDir: dir }));
  const handler = createGateway({ basePath: '/gateway', registry, audit: new GatewayAudit(log, 'tester', () => 'Dr Test'), ...options });
  return {
    handler,
    registry,
    auditPath,
    call: (path, init) => handler(new Request(`${GATEWAY_ORIGIN}/gateway${path}`, init)),
    auditRecords: () =>
      readFileSync(auditPath, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    async close() {
      await registry.close();
      await log.close();
    },
  };
}
