/**
 * DNS-rebinding protection: a request is served only when its Host header names the loopback
 * address and the port the server listens on.
 */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  return allowed.includes(hostHeader.toLowerCase());
}

/** Whether an Origin header (when present) is this server's own origin. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`].includes(originHeader.toLowerCase());
}
