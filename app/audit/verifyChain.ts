import { GENESIS_HASH, checkRecordLine, type HashFn } from './hashChain';

/** Result of verifying an audit log. */
export type ChainVerification =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; line: number; reason: string };

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
  let expectedPrev = GENESIS_HASH;
  let lineNumber = 0;
  for (const line of lines) {
    lineNumber++;
    const check = checkRecordLine(line, hashFn);
    if (!check.ok) return { ok: false, line: lineNumber, reason: check.reason };
    if (check.record.prevHash !== expectedPrev) {
      const reason =
        lineNumber === 1
          ? 'first record does not start the chain (prevHash is not the genesis hash; records removed from the start?)'
          : 'prevHash does not match the previous record (record deleted, inserted or reordered)';
      return { ok: false, line: lineNumber, reason };
    }
    expectedPrev = check.record.hash;
  }
  return { ok: true, count: lineNumber, lastHash: expectedPrev };
}
