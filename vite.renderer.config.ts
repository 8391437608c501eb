import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The build mode of the renderer's test variant (`vite build -c vite.renderer.config.ts --mode
 * test-hooks`): the same renderer with the test hooks of renderer/testHooks (`gardeSync`,
 * `gardeFrameDiagnostics`, `gardeViewerDiagnostics`, `gardeStackView`), built into
 * out/renderer-test. Every other build sets `import.meta.env.GARDE_TEST_HOOKS` to false, so the
 * hooks are dropped from the bundle (test/e2e/productionBundle.test.ts checks it).
 */
export const TEST_HOOKS_MODE = 'test-hooks';

/** Where the test variant goes, apart from `npm start`'s and `npm run web`'s out/renderer. */
export const TEST_RENDERER_DIR = resolve(import.meta.dirname, 'out/renderer-test');

/**
 * Renderer build, shared by web mode (`npm run build:renderer`) and electron-vite; the test
 * variant with `testHooks`. Cornerstone3D needs its codecs and shared registries pre-bundled once
 * (see TESTBED.md).
 */
export function rendererConfigOf(testHooks: boolean): UserConfig {
  return {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    publicDir: false,
    plugins: [react()],
    define: { 'import.meta.env.GARDE_TEST_HOOKS': JSON.stringify(testHooks) },
    build: {
      outDir: testHooks ? TEST_RENDERER_DIR : resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 8000,
      sourcemap: false,
    },
    worker: { format: 'es' },
    optimizeDeps: {
      exclude: ['@cornerstonejs/dicom-image-loader'],
      include: [
        'dicom-parser',
        'pako',
        'comlink',
        '@cornerstonejs/core',
        '@cornerstonejs/metadata',
        '@cornerstonejs/utils',
        'dcmjs',
        '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
        '@cornerstonejs/codec-charls/decodewasmjs',
        '@cornerstonejs/codec-openjpeg/decodewasmjs',
        '@cornerstonejs/codec-openjph/wasmjs',
      ],
    },
  };
}

/** The production renderer (no test hooks). */
export const rendererConfig: UserConfig = rendererConfigOf(false);

export default defineConfig(({ mode }) => rendererConfigOf(mode === TEST_HOOKS_MODE));
