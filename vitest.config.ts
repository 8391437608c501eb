import { defineConfig } from 'vitest/config';

/**
 * Test projects:
 * - unit: pure code of app/ and main/ services, in Node.
 * - pacs: tests against real Orthanc processes started by test/fixtures/pacs (testbed, gateway).
 * - e2e: the built renderer served in web mode, driven in Debian Chromium with playwright-core.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'pacs',
          include: ['test/testbed/**/*.test.ts', 'test/gateway/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
