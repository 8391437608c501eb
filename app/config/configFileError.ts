/** One problem in a configuration file: the field path (e.g. `nodes[1].auth.password`, `''` for the file itself) and what is wrong. */
export interface ConfigFileIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * A configuration file (nodes, hanging protocols) that is not valid JSON or does not match its
 * schema; the message names the file and each field, one per line, e.g.
 * `nodes.json: nodes[1].auth.password: required`.
 */
export class ConfigFileError extends Error {
  readonly fileName: string;
  readonly issues: readonly ConfigFileIssue[];

  constructor(fileName: string, issues: readonly ConfigFileIssue[]) {
    super(issues.map((i) => (i.path === '' ? `${fileName}: ${i.message}` : `${fileName}: ${i.path}: ${i.message}`)).join('\n'));
    this.fileName = fileName;
    this.issues = issues;
  }
}

/** Formats a path of keys and indices as `nodes[1].auth.password`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out;
}
