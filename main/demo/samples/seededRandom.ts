/**
 * Hashes a string to 128 bits (four rounds of 32-bit FNV-1a with distinct
 * offsets, then mixed). Deterministic, not cryptographic.
 */
export function hash128(text: string): bigint {
  let result = 0n;
  for (let round = 0; round < 4; round += 1) {
    let h = (0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
    result = (result << 32n) | BigInt(h >>> 0);
  }
  return result;
}

/** A seeded pseudo-random generator returning floats in [0, 1) (mulberry32). */
export type Random = () => number;

/** Creates a deterministic PRNG from a string or number seed. */
export function createRandom(seed: string | number): Random {
  let state = Number(hash128(String(seed)) & 0xffffffffn) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [min, max] from a PRNG. */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
