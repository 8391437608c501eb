import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach } from 'vitest';
import type { OrthancInstance } from '../../fixtures/pacs';
import { launchChromium } from './chromium';
import { startWebMode, type WebMode } from './webMode';

/** The nodes-file entry of a DICOMweb node on a test Orthanc, with its basic credentials. */
export function dicomwebNode(id: string, name: string, pacs: OrthancInstance): Record<string, unknown> {
  return { id, name, kind: 'dicomweb', baseUrl: pacs.dicomWebUrl, auth: { type: 'basic', username: pacs.username, password: pacs.password } };
}

/** Options of {@link startWorkstation}. */
export interface WorkstationOptions {
  /** Entries of the nodes file (none: no `--nodes`); see {@link dicomwebNode}. */
  nodes?: unknown[];
  /** More arguments of web mode, e.g. `--no-demo`. */
  webArgs?: string[];
  locale?: string;
  viewport?: { width: number; height: number };
  /** Chromium flags instead of CHROMIUM_ARGS, e.g. without WebGL. */
  chromiumArgs?: string[];
  /** Called with the page before it opens the login URL: listeners that must see its first requests. */
  onPage?: (page: Page) => void;
  /** Awaited once web mode runs, before Chromium starts: e.g. a folder node's first indexing. */
  beforeOpen?: (web: WebMode) => Promise<void>;
}

/** Web mode with a Chromium page logged in to it; `stop` closes both. */
export interface Workstation {
  web: WebMode;
  context: BrowserContext;
  page: Page;
  /** Messages of the uncaught errors of the page so far. */
  pageErrors: string[];
  /** Every error of the page so far, uncaught (`pageerror: …`) or logged (`console.error: …`). */
  errors: string[];
  /** Declares errors the current test provokes on purpose (a PACS stopped, a damaged file): they do not fail it. */
  expectErrors(...patterns: RegExp[]): void;
  /** The errors since the last call that no pattern of {@link expectErrors} declared; the declarations end with it. */
  takeUnexpectedErrors(): string[];
  stop(): Promise<void>;
}

/**
 * Fails each test of the file during which the page raised or logged an error it did not declare
 * with {@link Workstation.expectErrors}: an error the reader would not see must still fail the suite.
 */
export function failOnPageErrors(workstation: () => Workstation | undefined): void {
  afterEach(() => {
    const unexpected = workstation()?.takeUnexpectedErrors() ?? [];
    if (unexpected.length > 0) throw new Error(`the page raised ${unexpected.length} unexpected error(s):\n${unexpected.join('\n')}`);
  });
}

/**
 * Starts the workstation as a reader would use it in tests: web mode on a fresh data folder with a
 * nodes file, a fresh Chromium profile, and a page opened on the login URL web mode printed.
 */
export async function startWorkstation(options: WorkstationOptions = {}): Promise<Workstation> {
  const args = [...(options.webArgs ?? [])];
  if (options.nodes) {
    const nodesFile = join(mkdtempSync(join(tmpdir(), 'garde-e2e-nodes-')), 'nodes.json');
    writeFileSync(nodesFile, JSON.stringify({ nodes: options.nodes }));
    args.push('--nodes', nodesFile);
  }
  const web = await startWebMode(args);
  let context: BrowserContext | undefined;
  try {
    await options.beforeOpen?.(web);
    context = await launchChromium({ locale: options.locale ?? 'en-US', viewport: options.viewport ?? { width: 1280, height: 800 }, args: options.chromiumArgs });
    const page = await context.newPage();
    options.onPage?.(page);
    const pageErrors: string[] = [];
    const errors: string[] = [];
    let checked = 0;
    let expected: RegExp[] = [];
    page.on('pageerror', (e) => (pageErrors.push(e.message), errors.push(`pageerror: ${e.message}`)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    await page.goto(web.url);
    const opened = context;
    return {
      web,
      context: opened,
      page,
      pageErrors,
      errors,
      expectErrors: (...patterns) => void expected.push(...patterns),
      takeUnexpectedErrors: () => {
        const fresh = errors.slice(checked);
        checked = errors.length;
        const unexpected = fresh.filter((e) => !expected.some((p) => p.test(e)));
        expected = [];
        return unexpected;
      },
      stop: async () => {
        await opened.close().catch(() => undefined);
        await web.stop();
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await web.stop();
    throw error;
  }
}
