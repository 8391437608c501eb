import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../assets/locales/en.json';
import fr from '../../../assets/locales/fr.json';

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

describe('translation keys used by the renderer', () => {
  it('finds the keys (the scan works)', () => {
    expect(usedKeys().length).toBeGreaterThan(100);
  });
  it('exist in English and in French', () => {
    const missing = usedKeys().flatMap(({ key, file }) => [...(has(en, key) ? [] : [`en: ${key} (${file})`]), ...(has(fr, key) ? [] : [`fr: ${key} (${file})`])]);
    expect(missing).toEqual([]);
  });
});
