import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../assets/locales/en.json';
import fr from '../../../assets/locales/fr.json';
import { ERROR_CODES } from '../../../app/ipc/errors';

const root = join(import.meta.dirname, '..', '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(tsx?|ts)$/.test(name) ? [path] : [];
  });
}

function has(locale: unknown, key: string): boolean {
  const lookup = (k: string) => k.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), locale);
  return typeof lookup(key) === 'string' || typeof lookup(`${key}_one`) === 'string' || typeof lookup(`${key}_other`) === 'string';
}

/** Every literal key passed to t('...') in the renderer (keys built at run time are checked by their own tests). */
function usedKeys(): { key: string; file: string }[] {
  return files(join(root, 'renderer')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)].map((m) => ({ key: m[1]!, file: file.slice(root.length + 1) })),
  );
}

/** Every key built at run time, t(`prefix.${...}`), by the prefix it builds on. */
function templateKeys(): { prefix: string; file: string }[] {
  return files(join(root, 'renderer')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g)].map((m) => ({ prefix: m[1]!, file: file.slice(root.length + 1) })),
  );
}

/** Every error code raised in app/, main/ and renderer/ (error classes' `code`, coded base-class and error constructors). */
function raisedCodes(): { code: string; file: string }[] {
  return ['app', 'main', 'renderer'].flatMap((dir) =>
    files(join(root, dir)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:readonly code = |super\(\s*|new (?:SyncRequestError|GardeError)\(\s*(?:[^'()]*\? )?)'([A-Z][A-Z0-9_]+)'/g)].map((m) => ({ code: m[1]!, file: file.slice(root.length + 1) })),
    ),
  );
}

function subtree(locale: unknown, prefix: string): Record<string, unknown> | undefined {
  const node = prefix.split('.').reduce<unknown>((n, part) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[part] : undefined), locale);
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

describe('translation keys used by the renderer', () => {
  it('finds the keys built at run time and the raised error codes (the scans work)', () => {
    expect(templateKeys().map((k) => k.prefix)).toContain('errors');
    expect(raisedCodes().map((c) => c.code)).toEqual(expect.arrayContaining(['STORE_REFUSED', 'DECODE_REFUSED', 'DECODE_TIMEOUT']));
  });
  it('every error code raised anywhere is a known code (app/ipc/errors.ts ERROR_CODES)', () => {
    const known = new Set<string>(ERROR_CODES);
    expect(raisedCodes().filter((c) => !known.has(c.code)).map((c) => `${c.code} (${c.file})`)).toEqual([]);
  });
  it('every error code is translated in English and in French (errors.<code>)', () => {
    const missing = ERROR_CODES.flatMap((code) => [...(has(en, `errors.${code}`) ? [] : [`en: ${code}`]), ...(has(fr, `errors.${code}`) ? [] : [`fr: ${code}`])]);
    expect(missing).toEqual([]);
  });
  it('keys built at run time: their prefix exists with the same keys in English and in French', () => {
    const problems = templateKeys().flatMap(({ prefix, file }) => {
      const e = subtree(en, prefix);
      const f = subtree(fr, prefix);
      if (!e || !f) return [`${prefix} missing in ${!e ? 'en' : 'fr'} (${file})`];
      const onlyEn = Object.keys(e).filter((k) => !(k in f));
      const onlyFr = Object.keys(f).filter((k) => !(k in e));
      return [...onlyEn.map((k) => `fr lacks ${prefix}.${k}`), ...onlyFr.map((k) => `en lacks ${prefix}.${k}`)];
    });
    expect(problems).toEqual([]);
  });

  it('finds the keys (the scan works)', () => {
    expect(usedKeys().length).toBeGreaterThan(100);
  });
  it('exist in English and in French', () => {
    const missing = usedKeys().flatMap(({ key, file }) => [...(has(en, key) ? [] : [`en: ${key} (${file})`]), ...(has(fr, key) ? [] : [`fr: ${key} (${file})`])]);
    expect(missing).toEqual([]);
  });
});
