import type { BrowserContext, Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { buildTestPages, serveTestPages } from '../pages/serveTestPages';
import { launchChromium } from './chromium';

/** The cache harness page (test/e2e/pages/cacheHarness.ts) open in a fresh Chromium profile. */
export interface CacheHarness {
  page: Page;
  /** Every error of the page so far, uncaught (`pageerror: …`) or logged (`console.error: …`). */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Builds and serves the test pages and opens the cache harness, ready (`window.cacheHarness`). Each
 * test of the file fails when the page raised or logged an error during it.
 */
export async function openCacheHarness(): Promise<CacheHarness> {
  buildTestPages();
  const pages = await serveTestPages();
  let context: BrowserContext | undefined;
  try {
    context = await launchChromium();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    // The browser's own request for a favicon the test server does not have is not the page's error.
    page.on('console', (m) => void (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(`console.error: ${m.text()}`)));
    await page.goto(`${pages.origin}/cacheHarness.html`);
    await page.waitForFunction(() => document.title === 'cache-harness-ready');
    const opened = context;
    return {
      page,
      errors,
      close: async () => {
        await opened.close().catch(() => undefined);
        await pages.close();
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await pages.close();
    throw error;
  }
}

/** Fails each test of the file during which the harness page raised or logged an error. */
export function failOnHarnessErrors(harness: () => CacheHarness | undefined): void {
  let seen = 0;
  afterEach(() => {
    const errors = harness()?.errors ?? [];
    const fresh = errors.slice(seen);
    seen = errors.length;
    if (fresh.length > 0) throw new Error(`the harness page raised ${fresh.length} error(s):\n${fresh.join('\n')}`);
  });
}
