/**
 * The Content-Security-Policy of the renderer, sent as a response header by the app protocol
 * (Electron) and the web-mode server. Scripts only from the app itself; WebAssembly allowed
 * for the DICOM codecs ('wasm-unsafe-eval', not 'unsafe-eval'); workers from the app or blobs
 * (the image loader's decode workers); no plugins, no framing, no base or form hijack.
 * @param gatewayOrigin - origin of the DICOMweb gateway when it is not the app's own origin.
 */
export function buildContentSecurityPolicy(gatewayOrigin?: string): string {
  const connect = ["'self'", ...(gatewayOrigin ? [gatewayOrigin] : [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
