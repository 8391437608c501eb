import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'lint', 'fixtures');
const eslint = new ESLint({ cwd: root });
/** The first lint loads the project's config and the TypeScript program: seconds on a busy machine. */
const LINT_TIMEOUT_MS = 60_000;

/** Lints a fixture as if it stood at the path its first line names, with the project's real config. */
async function lintFixture(name: string): Promise<string[]> {
  const text = readFileSync(join(fixtures, name), 'utf8');
  const as = /^\/\/ lint-as: (\S+)/.exec(text)?.[1];
  if (!as) throw new Error(`${name}: missing "// lint-as:" line`);
  const [result] = await eslint.lintText(text, { filePath: join(root, as) });
  return result!.messages.filter((m) => m.ruleId === 'garde/layering').map((m) => m.message);
}

const expectations: Record<string, number> = {
  'renderer-imports-main.ts': 1,
  'renderer-imports-electron.ts': 1,
  'app-imports-node.ts': 1,
  'app-imports-bare-builtin.ts': 1,
  'app-imports-ui.ts': 3,
  'app-imports-electron.ts': 1,
  'app-imports-main.ts': 1,
  'feature-deep-import.ts': 1,
  'preload-imports-more.ts': 2,
  'main-imports-renderer.ts': 1,
  'dynamic-import.ts': 1,
  'allowed.ts': 0,
};

describe('layering lint (DESIGN.md table)', () => {
  it('has an expectation for every fixture', () => {
    expect(readdirSync(fixtures).sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('%s -> %i violation(s)', async (name, count) => {
    const messages = await lintFixture(name);
    expect(messages, messages.join('\n')).toHaveLength(count);
  }, LINT_TIMEOUT_MS);

  it('fails the lint command on a breaking file', async () => {
    const text = readFileSync(join(fixtures, 'renderer-imports-main.ts'), 'utf8');
    const results = await eslint.lintText(text, { filePath: join(root, 'renderer/features/worklist/BadImport.ts') });
    expect(ESLint.getErrorResults(results)).toHaveLength(1);
  }, LINT_TIMEOUT_MS);

  it('says what is wrong in plain words', async () => {
    expect(await lintFixture('feature-deep-import.ts')).toEqual(['features are imported only through their index.ts: use renderer/features/worklist']);
  }, LINT_TIMEOUT_MS);
});
