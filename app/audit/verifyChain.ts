import { GENESIS_HASH, checkRecordLine, type HashFn } from './hashChain';

/** Result of verifying an audit log. */
export type ChainVerification =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; line: number; reason: string };

/** A broken record: 1-based line number and reason. */
export type ChainBreak = { ok: false; line: number; reason: string };

/**
 * Incremental chain verifier, for logs read line by line (streamed files).
 * Feed lines in order with `next`; it returns the break at the first broken
 * line (and keeps returning it), or `undefined` while the chain holds.
 */
export class ChainVerifier {
  private expectedPrev = GENESIS_HASH;
  private count = 0;
  private broken: ChainBreak | undefined;

  constructor(private readonly hashFn: HashFn) {}

  /** Checks the next line (without its terminator). */
  next(line: string): ChainBreak | undefined {
    if (this.broken) return this.broken;
    const lineNumber = this.count + 1;
    const check = checkRecordLine(line, this.hashFn);
    if (!check.ok) return this.fail(lineNumber, check.reason);
    if (check.record.prevHash !== this.expectedPrev) {
      return this.fail(
        lineNumber,
        lineNumber === 1
          ? 'first record does not start the chain (prevHash is not the genesis hash; records removed from the start?)'
          : 'prevHash does not match the previous record (record deleted, inserted or reordered)',
      );
    }
    this.expectedPrev = check.record.hash;
    this.count = lineNumber;
    return undefined;
  }

  /** Marks line `count + 1` as broken for a reason found outside the record (e.g. bad encoding). */
  fail(line: number, reason: string): ChainBreak {
    this.broken ??= { ok: false, line, reason };
    return this.broken;
  }

  /** The verification result for the lines fed so far. */
  result(): ChainVerification {
    return this.broken ?? { ok: true, count: this.count, lastHash: this.expectedPrev };
  }

  /** Number of intact records so far. */
  get verifiedCount(): number {
    return this.count;
  }
}

/**
 * Verifies a hash-chained audit log given as lines (without line terminators).
 *
 * Each line must pass {@link checkRecordLine}, and its `prevHash` must equal
 * the previous record's `hash` (the first record's must be {@link GENESIS_HASH}).
 * A modified line fails its own hash; a deleted, inserted or reordered line
 * breaks the link of the line at or after the change.
 *
 * Removing records from the end of the log cannot be seen from the log alone;
 * compare `lastHash` with a copy kept elsewhere (e.g. the syslog export).
 *
 * @returns `{ ok: true, count, lastHash }` or the first broken record's 1-based line number and reason.
 */
export function verifyChain(lines: Iterable<string>, hashFn: HashFn): ChainVerification {
  const verifier = new ChainVerifier(hashFn);
  for (const line of lines) {
    if (verifier.next(line)) break;
  }
  return verifier.result();
}
