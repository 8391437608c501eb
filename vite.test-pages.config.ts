import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfigOf } from './vite.renderer.config';

const rendererConfig = rendererConfigOf(true);

/** Test pages (test/e2e/pages) built like the renderer's test variant into out/test-pages, served by the e2e tests. */
export default defineConfig({
  ...rendererConfig,
  root: resolve(import.meta.dirname, 'test/e2e/pages'),
  build: {
    ...rendererConfig.build,
    outDir: resolve(import.meta.dirname, 'out/test-pages'),
    emptyOutDir: true,
    rollupOptions: { input: { cacheHarness: resolve(import.meta.dirname, 'test/e2e/pages/cacheHarness.html') } },
  },
});
