import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfigOf } from './vite.renderer.config';

const rendererConfig = rendererConfigOf(true);

/** The pixel check's test page (test/pixel/page), built like the renderer's test variant into out/pixel-check. */
export default defineConfig({
  ...rendererConfig,
  root: resolve(import.meta.dirname, 'test/pixel/page'),
  build: { ...rendererConfig.build, outDir: resolve(import.meta.dirname, 'out/pixel-check'), emptyOutDir: true },
});
