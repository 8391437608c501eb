import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, chainRecord, recordHash, verifyChain } from '../../../app/audit';
import { chainLines, sampleEvent, sha256 } from './fixtures';

function edit(line: string, change: (record: Record<string, unknown>) => void): string {
  const record = JSON.parse(line) as Record<string, unknown>;
  change(record);
  return canonicalJson(record);
}

describe('chainRecord', () => {
  it('links the first record to the genesis hash and hashes the record without its hash', () => {
    const { record, line } = chainRecord(sampleEvent(0), GENESIS_HASH, sha256);
    expect(record.prevHash).toBe('0'.repeat(64));
    expect(record.hash).toBe(recordHash(record, sha256));
    const { hash: _h, ...content } = record;
    expect(record.hash).toBe(sha256(canonicalJson(content)));
    expect(line).toBe(canonicalJson(record));
    expect(line).not.toContain('\n');
  });

  it('refuses a malformed prevHash or a hash function that does not return hex', () => {
    expect(() => chainRecord(sampleEvent(0), 'abc', sha256)).toThrow(/prevHash/);
    expect(() => chainRecord(sampleEvent(0), GENESIS_HASH, () => 'nope')).toThrow(/hash function/);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and an empty log', () => {
    const lines = chainLines(5);
    const result = verifyChain(lines, sha256);
    expect(result).toEqual({ ok: true, count: 5, lastHash: JSON.parse(lines[4]!).hash });
    expect(verifyChain([], sha256)).toEqual({ ok: true, count: 0, lastHash: GENESIS_HASH });
  });

  it('detects a modified field at that line', () => {
    const lines = chainLines(5);
    lines[2] = edit(lines[2]!, (r) => (r.PatientID = 'OTHER'));
    expect(verifyChain(lines, sha256)).toEqual({ ok: false, line: 3, reason: 'hash does not match the record content (record modified)' });
  });

  it('detects a modified record whose hash was recomputed, at the next line', () => {
    const lines = chainLines(5);
    lines[1] = edit(lines[1]!, (r) => {
      r.EventOutcomeIndicator = 8;
      r.hash = recordHash(r, sha256);
    });
    const result = verifyChain(lines, sha256);
    expect(result).toMatchObject({ ok: false, line: 3 });
    expect(!result.ok && result.reason).toMatch(/prevHash does not match/);
  });

  it('detects a deleted line', () => {
    const lines = chainLines(5);
    lines.splice(2, 1);
    expect(verifyChain(lines, sha256)).toMatchObject({ ok: false, line: 3 });
  });

  it('detects removal of the first line', () => {
    const result = verifyChain(chainLines(3).slice(1), sha256);
    expect(result).toMatchObject({ ok: false, line: 1 });
    expect(!result.ok && result.reason).toMatch(/genesis/);
  });

  it('detects reordered lines', () => {
    const lines = chainLines(5);
    [lines[1], lines[2]] = [lines[2]!, lines[1]!];
    expect(verifyChain(lines, sha256)).toMatchObject({ ok: false, line: 2 });
  });

  it('detects an inserted, correctly hashed record at the line after it', () => {
    const lines = chainLines(4);
    const prev = JSON.parse(lines[1]!).hash as string;
    const forged = chainRecord(sampleEvent(99), prev, sha256).line;
    lines.splice(2, 0, forged);
    expect(verifyChain(lines, sha256)).toMatchObject({ ok: false, line: 4 });
  });

  it('detects whitespace edits, blank lines and garbage', () => {
    const lines = chainLines(3);
    expect(verifyChain([lines[0]!, lines[1]!.replace('{', '{ '), lines[2]!], sha256)).toMatchObject({ ok: false, line: 2, reason: expect.stringMatching(/canonical/) });
    expect(verifyChain([lines[0]!, '', lines[1]!], sha256)).toEqual({ ok: false, line: 2, reason: 'empty line' });
    expect(verifyChain([lines[0]!, '{"a":', lines[1]!], sha256)).toEqual({ ok: false, line: 2, reason: 'not valid JSON' });
    expect(verifyChain(['[1]'], sha256)).toEqual({ ok: false, line: 1, reason: 'not a JSON object' });
    expect(verifyChain([edit(lines[0]!, (r) => delete r.hash)], sha256)).toMatchObject({ ok: false, line: 1, reason: expect.stringMatching(/hash/) });
  });

  it('reports the first broken line for any single tampering (property)', () => {
    const tamper = fc.oneof(
      fc.record({ kind: fc.constant('modify' as const), at: fc.nat(), text: fc.string({ minLength: 1 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), tamper, (count, t) => {
        const lines = chainLines(count);
        let expectedLine: number;
        if (t.kind === 'modify') {
          const at = t.at % count;
          const before = lines[at]!;
          lines[at] = edit(before, (r) => (r.EventOutcomeDescription = `${String(r.EventOutcomeDescription)}${t.text}`));
          expectedLine = at + 1;
        } else if (t.kind === 'delete') {
          const at = t.at % (count - 1);
          lines.splice(at, 1);
          expectedLine = at + 1;
        } else if (t.kind === 'swap') {
          const at = t.at % (count - 1);
          [lines[at], lines[at + 1]] = [lines[at + 1]!, lines[at]!];
          expectedLine = at + 1;
        } else {
          const at = t.at % count;
          lines.splice(at + 1, 0, lines[at]!);
          expectedLine = at + 2;
        }
        expect(verifyChain(lines, sha256)).toMatchObject({ ok: false, line: expectedLine });
      }),
      { numRuns: 200 },
    );
  });
});
