import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
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
}

/** Web mode with a Chromium page logged in to it; `stop` closes both. */
export interface Workstation {
  web: WebMode;
  context: BrowserContext;
  page: Page;
  /** Messages of the uncaught errors of the page so far. */
  pageErrors: string[];
  stop(): Promise<void>;
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
    context = await launchChromium({ locale: options.locale ?? 'en-US', viewport: options.viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(web.url);
    const opened = context;
    return {
      web,
      context: opened,
      page,
      pageErrors,
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
