import { buildContentSecurityPolicy } from './contentSecurityPolicy';

/**
 * Response headers of every renderer document and asset, in the desktop app and web mode:
 * CSP, no MIME sniffing, no referrer, and cross-origin isolation (which also gives the viewer
 * SharedArrayBuffer).
 */
export function buildSecurityHeaders(gatewayOrigin?: string): Record<string, string> {
  return {
    'content-security-policy': buildContentSecurityPolicy(gatewayOrigin),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  };
}
