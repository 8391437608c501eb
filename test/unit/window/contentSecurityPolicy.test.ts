import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../../main/window/contentSecurityPolicy';
import { buildSecurityHeaders } from '../../../main/window/securityHeaders';
import { decidePermission } from '../../../main/window/permissionPolicy';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
}

describe('buildContentSecurityPolicy', () => {
  const csp = directives(buildContentSecurityPolicy('garde://gateway'));

  it('runs scripts only from the app, never eval', () => {
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, framing, base and form hijacking', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('connects only to the app and the gateway', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", 'garde://gateway']);
    expect(directives(buildContentSecurityPolicy()).get('connect-src')).toEqual(["'self'"]);
  });
});

describe('security headers and permissions', () => {
  it('isolates the document cross-origin and disables sniffing', () => {
    const h = buildSecurityHeaders();
    expect(h['cross-origin-opener-policy']).toBe('same-origin');
    expect(h['cross-origin-embedder-policy']).toBe('require-corp');
    expect(h['x-content-type-options']).toBe('nosniff');
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial'])('refuses %s', (p) => {
    expect(decidePermission(p)).toBe(false);
  });
});
