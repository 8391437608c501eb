import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
/** The cache database's tables (renderer/cache/schema.ts). */
const TABLES = ['patients', 'studies', 'series', 'instances', 'frames', 'syncJobs', 'outbox', 'settings', 'measurements', 'readStates', 'reports'];
const QUERY = new RegExp(`\\bdb\\.(${TABLES.join('|')}|transaction)\\b`);
/** Files that may query the database: the repositories, the schema (its upgrades) and the opener (its key check). */
const ALLOWED = /^renderer\/cache\/(\w+Repository|schema|openCache)\.ts$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('one home for the cache database', () => {
  it('only renderer/cache/*Repository.ts query Dexie tables', () => {
    const offenders = files(path.join(ROOT, 'renderer'))
      .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
      .filter((rel) => !ALLOWED.test(rel))
      .flatMap((rel) =>
        readFileSync(path.join(ROOT, rel), 'utf8')
          .split('\n')
          .flatMap((line, i) => (QUERY.test(line) ? [`${rel}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
