import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; installed by scripts/install-system-deps.sh. */
export const CHROMIUM = process.env.GARDE_CHROMIUM ?? '/usr/bin/chromium';

/** Flags measured to give WebGL2 (SwiftShader) headless with no network chatter (TESTBED.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

/**
 * A fresh Chromium profile with the given UI locale (and flags, default {@link CHROMIUM_ARGS}).
 * Close it with `context.close()`: the profile folder is removed then.
 */
export async function launchChromium(options: { locale?: string; viewport?: { width: number; height: number }; args?: string[]; bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run \`npm run setup:system\``);
  const profile = mkdtempSync(join(tmpdir(), 'garde-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...(options.args ?? CHROMIUM_ARGS), `--lang=${options.locale ?? 'en-US'}`],
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...(options.bypassCSP ? { bypassCSP: true } : {}),
  });
  // Removed once the browser has exited and written its last files; a folder still busy is left to the run's temporary folder.
  const close = context.close.bind(context);
  context.close = async (...args: Parameters<BrowserContext['close']>) => {
    await close(...args);
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  };
  return context;
}

/** Where screenshots for a human to look at are written. */
export function screenshotPath(name: string): string {
  return join(import.meta.dirname, '..', '..', '..', 'test-output', 'e2e', `${name}.png`);
}
