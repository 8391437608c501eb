import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { readFile } from 'node:fs/promises';
import type { TlsConfig } from '../../app/nodes';

/** Connections kept to one node at once; more requests wait their turn. */
export const MAX_NODE_CONNECTIONS = 16;

/**
 * The HTTP clients of one DICOMweb node: keep-alive connections, and its own TLS trust (a private
 * CA) and client certificate when configured. Nothing else shares them, so a client certificate is
 * only ever presented to that node.
 */
export interface UpstreamAgents {
  http: HttpAgent;
  https: HttpsAgent;
  /** Closes every connection. */
  close(): void;
}

/** Builds a node's agents (see {@link UpstreamAgents}). */
export async function createUpstreamAgents(tls: TlsConfig | undefined): Promise<UpstreamAgents> {
  const [ca, cert, key] = await Promise.all([tls?.caFile, tls?.certFile, tls?.keyFile].map((f) => (f ? readFile(f) : undefined)));
  const common = { keepAlive: true, maxSockets: MAX_NODE_CONNECTIONS, scheduling: 'lifo' as const };
  const http = new HttpAgent(common);
  const https = new HttpsAgent({
    ...common,
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
    rejectUnauthorized: tls?.rejectUnauthorized ?? true,
  });
  return {
    http,
    https,
    close: () => {
      http.destroy();
      https.destroy();
    },
  };
}
