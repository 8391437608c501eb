import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random session token (256 bits, base64url). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The web-mode session: a request is authenticated by `Authorization: Bearer <token>` or by the
 * session cookie that the login URL (`/?token=<token>`) sets. The cookie name carries the port,
 * since cookies are shared by every port of 127.0.0.1.
 */
export class SessionAuth {
  readonly cookieName: string;
  private readonly token: Buffer;

  constructor(token: string, port: number) {
    this.token = Buffer.from(token);
    this.cookieName = `garde_session_${port}`;
  }

  /** Whether a candidate token equals the session token (constant time). */
  matches(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const c = Buffer.from(candidate);
    return c.length === this.token.length && timingSafeEqual(c, this.token);
  }

  /** Whether request headers carry the token (bearer or cookie). */
  isAuthenticated(authorization: string | undefined, cookieHeader: string | undefined): boolean {
    const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
    if (this.matches(bearer)) return true;
    return this.matches(readCookie(cookieHeader, this.cookieName));
  }

  /** The Set-Cookie value that opens the session in a browser. */
  setCookie(): string {
    return `${this.cookieName}=${this.token.toString()}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
