import { RenderingEngine } from '@cornerstonejs/core';

let sharedEngine: RenderingEngine | undefined;

/**
 * The page's one rendering engine: every viewport is enabled on it (Cornerstone3D renders them all
 * through one offscreen WebGL context). One engine per viewport fails on software GL (shaders stop
 * compiling with several contexts) and wastes GPU memory elsewhere. Created on first use (its WebGL
 * context takes 0.1–0.2 s on software GL: warmUpViewer creates it before a study is opened).
 * Cornerstone must have been initialised (initCornerstone).
 */
export function sharedRenderingEngine(): RenderingEngine {
  if (!sharedEngine || sharedEngine.hasBeenDestroyed) sharedEngine = new RenderingEngine('garde-engine');
  return sharedEngine;
}
