import { describe, expect, it } from 'vitest';
import en from '../../../assets/locales/en.json';
import fr from '../../../assets/locales/fr.json';
import { ERROR_CODES } from '../../../app/ipc/errors';
import { resolveLanguage } from '../../../renderer/i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('locale files', () => {
  it('French and English have the same keys', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });
  it('every error code has a translation', () => {
    for (const code of ERROR_CODES) {
      expect(en.errors).toHaveProperty(code);
      expect(fr.errors).toHaveProperty(code);
    }
  });
  it('no string is empty or left untranslated by accident', () => {
    const flat = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as object).flatMap(flat));
    expect(flat(fr).every((s) => s.trim().length > 0)).toBe(true);
    expect(fr.worklist.title).not.toBe(en.worklist.title);
  });
});

describe('resolveLanguage', () => {
  it('follows an explicit choice', () => {
    expect(resolveLanguage('fr', ['en-US'])).toBe('fr');
    expect(resolveLanguage('en', ['fr-FR'])).toBe('en');
  });
  it('follows the system: any French locale gives French, unknown gives English', () => {
    expect(resolveLanguage('system', ['fr-CA', 'en'])).toBe('fr');
    expect(resolveLanguage('system', ['de-DE', 'en-GB'])).toBe('en');
    expect(resolveLanguage('system', ['de-DE'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });
});
