import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in the package.json of the application folder. */
export function readAppVersion(appDir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
