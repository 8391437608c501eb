import { readFile } from 'node:fs/promises';
import { Agent } from 'undici';
import type { TlsConfig } from '../../app/nodes';

/**
 * The HTTP client of one DICOMweb node: keep-alive connections, and its own TLS trust (a private
 * CA) and client certificate when configured. Nothing else shares it, so a client certificate is
 * only ever presented to that node.
 */
export async function createUpstreamDispatcher(tls: TlsConfig | undefined): Promise<Agent> {
  const [ca, cert, key] = await Promise.all([tls?.caFile, tls?.certFile, tls?.keyFile].map((f) => (f ? readFile(f) : undefined)));
  return new Agent({
    keepAliveTimeout: 30_000,
    connections: 16,
    connect: {
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
      rejectUnauthorized: tls?.rejectUnauthorized ?? true,
      noDelay: true,
    },
  });
}
