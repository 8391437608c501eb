import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin } from '../../../main/web/hostCheck';
import { SessionAuth, newSessionToken } from '../../../main/web/sessionAuth';

describe('isAllowedHost', () => {
  it('accepts loopback names with the listening port only', () => {
    expect(isAllowedHost('127.0.0.1:8420', 8420)).toBe(true);
    expect(isAllowedHost('localhost:8420', 8420)).toBe(true);
    expect(isAllowedHost('127.0.0.1:8421', 8420)).toBe(false);
    expect(isAllowedHost('evil.example:8420', 8420)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 8420)).toBe(false);
    expect(isAllowedHost(undefined, 8420)).toBe(false);
  });
  it('accepts no Origin or its own', () => {
    expect(isAllowedOrigin(undefined, 1)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:1', 1)).toBe(true);
    expect(isAllowedOrigin('https://evil.example', 1)).toBe(false);
  });
});

describe('SessionAuth', () => {
  const token = newSessionToken();
  const auth = new SessionAuth(token, 8420);

  it('makes 256-bit tokens that differ', () => {
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newSessionToken()).not.toBe(token);
  });
  it('accepts the bearer token or the session cookie', () => {
    expect(auth.isAuthenticated(`Bearer ${token}`, undefined)).toBe(true);
    expect(auth.isAuthenticated(undefined, `a=1; garde_session_8420=${token}`)).toBe(true);
  });
  it('refuses a wrong token, a cookie of another port, or nothing', () => {
    expect(auth.isAuthenticated(`Bearer ${token}x`, undefined)).toBe(false);
    expect(auth.isAuthenticated(undefined, `garde_session_8421=${token}`)).toBe(false);
    expect(auth.isAuthenticated(undefined, undefined)).toBe(false);
  });
  it('sets an HttpOnly SameSite=Strict cookie', () => {
    expect(auth.setCookie()).toMatch(/^garde_session_8420=.+; HttpOnly; SameSite=Strict; Path=\/$/);
  });
});
