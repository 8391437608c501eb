import { hash128 } from './seededRandom';

/**
 * Deterministic UID under the 2.25 root (PS3.5 B.2: a UUID as one decimal
 * integer), derived from a seed and labels: same inputs, same UID; at most 44
 * characters.
 */
export function makeUid(seed: string, ...labels: Array<string | number>): string {
  const value = hash128([seed, ...labels].join('|'));
  // Force the UUID version-4 / variant bits so the value is a valid UUID.
  const uuid = (value & ~(0xfn << 76n) & ~(0x3n << 62n)) | (0x4n << 76n) | (0x2n << 62n);
  return `2.25.${uuid.toString(10)}`;
}
