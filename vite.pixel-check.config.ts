import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from './vite.renderer.config';

/** The pixel check's test page (test/pixel/page), built like the renderer into out/pixel-check. */
export default defineConfig({
  ...rendererConfig,
  root: resolve(import.meta.dirname, 'test/pixel/page'),
  build: { ...rendererConfig.build, outDir: resolve(import.meta.dirname, 'out/pixel-check'), emptyOutDir: true },
});
