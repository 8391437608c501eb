/**
 * The parts of a Person Name (PS3.5 6.2.1, components family^given^middle^prefix^suffix) that
 * identity comparison uses, folded for comparison: case, accents, ligatures, spaces, hyphens and
 * apostrophes removed. Middle name, prefix and suffix are left out (often missing on one side).
 */
export interface FoldedPersonName {
  family: string;
  given: string;
}

const LIGATURES: Readonly<Record<string, string>> = { Œ: 'OE', Æ: 'AE', Ø: 'O', Đ: 'D', Ł: 'L', ẞ: 'SS' };

/** Upper case, no diacritics, no ligatures, letters and digits only. */
export function foldNameComponent(component: string): string {
  return component
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[ŒÆØĐŁẞ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Folds a PatientName (0010,0010) value: its alphabetic group (before the first `=`, PS3.5
 * 6.2.1.2) split on `^`. Undefined when the family and given components are both empty.
 */
export function foldPersonName(value: string | undefined): FoldedPersonName | undefined {
  if (value === undefined) return undefined;
  const [family = '', given = ''] = value.split('=')[0]!.split('^');
  const folded = { family: foldNameComponent(family), given: foldNameComponent(given) };
  return folded.family === '' && folded.given === '' ? undefined : folded;
}

/** How two folded names compare. */
export type NameComparison = 'same' | 'variant' | 'different' | 'unknown';

/**
 * `same`: family and given equal; `variant`: one of them equal, or the two swapped (a married
 * name, a typo, components in the wrong order); `different`: neither equal; `unknown`: a name
 * is missing.
 */
export function compareFoldedNames(a: FoldedPersonName | undefined, b: FoldedPersonName | undefined): NameComparison {
  if (!a || !b) return 'unknown';
  const family = a.family === b.family;
  const given = a.given === b.given;
  if (family && given) return 'same';
  if (family || given) return 'variant';
  if (a.family === b.given && a.given === b.family) return 'variant';
  return 'different';
}

/** The folded name as one line, `FAMILY^GIVEN`, for evidence shown to the reader. */
export function foldedNameText(name: FoldedPersonName): string {
  return `${name.family}^${name.given}`;
}
