import { init as initCore } from '@cornerstonejs/core';
import { init as initImageLoader } from '@cornerstonejs/dicom-image-loader';
import { init as initTools } from '@cornerstonejs/tools';
import { installDecodeGuard } from './decodeGuard';
import { exposeViewerDiagnostics } from '../testHooks/viewerDiagnostics';

/** Outcome of the viewer's start-up: ready with WebGL2, or why not. */
export type ViewerStatus =
  | { ok: true; renderer: string; maxTextureSize: number; max3DTextureSize: number }
  | { ok: false; code: 'WEBGL2_UNAVAILABLE' | 'INTERNAL'; message: string };

/** Probes WebGL2 on a throw-away canvas; Cornerstone3D needs it for every viewport. */
export function probeWebGl2(doc: Document = document): ViewerStatus {
  const canvas = doc.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (!gl) {
    return { ok: false, code: 'WEBGL2_UNAVAILABLE', message: 'WebGL2 is not available in this browser or on this graphics driver' };
  }
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  const status: ViewerStatus = {
    ok: true,
    renderer,
    maxTextureSize: Number(gl.getParameter(gl.MAX_TEXTURE_SIZE)),
    max3DTextureSize: Number(gl.getParameter(gl.MAX_3D_TEXTURE_SIZE)),
  };
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return status;
}

let started: Promise<ViewerStatus> | undefined;

/**
 * Initialises Cornerstone3D core, its DICOM image loader (decoding in workers) and tools, once.
 * Tools are initialised before any viewport exists, or mouse input is ignored. The test variant
 * exposes the viewer's script diagnostics (renderer/testHooks/viewerDiagnostics.ts).
 */
export function initCornerstone(): Promise<ViewerStatus> {
  started ??= (async () => {
    const probe = probeWebGl2();
    if (!probe.ok) return probe;
    try {
      await initCore();
      initImageLoader({ maxWebWorkers: Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)) });
      installDecodeGuard();
      initTools();
      if (import.meta.env.GARDE_TEST_HOOKS) exposeViewerDiagnostics();
      return probe;
    } catch (error) {
      return { ok: false, code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
    }
  })();
  return started;
}
