/** What benchmarks and tests reach on `globalThis.gardeFrameDiagnostics` (the cache-through loader's own steps). */
export interface FrameDiagnostics {
  fetchFrame: (...args: never[]) => unknown;
  decodeFrame: (...args: never[]) => unknown;
  modalityValues: (...args: never[]) => unknown;
}

/**
 * Exposes the cache-through loader's `fetchFrame`, `decodeFrame` and `modalityValues` on
 * `globalThis.gardeFrameDiagnostics` (benchmarks time a bare fetch and decode with them; tests
 * compare shown values with a reference decoder). Test variant only (testHooksEnv.d.ts).
 */
export function exposeFrameDiagnostics(diagnostics: FrameDiagnostics): void {
  Object.defineProperty(globalThis, 'gardeFrameDiagnostics', { value: Object.freeze({ ...diagnostics }), configurable: true });
}
