/** One problem found in a nodes file: where (field path) and what. */
export interface NodesConfigIssue {
  /** Field path such as `nodes[1].auth.password`, or `''` for the file itself. */
  readonly path: string;
  readonly message: string;
}

/**
 * Thrown by `parseNodesFile` when a nodes file is not valid JSON or does not
 * match the schema. The message names the file and the field path, one issue
 * per line, e.g. `nodes.json: nodes[1].auth.password: required`.
 */
export class NodesConfigError extends Error {
  override readonly name = 'NodesConfigError';
  readonly fileName: string;
  readonly issues: readonly NodesConfigIssue[];

  constructor(fileName: string, issues: readonly NodesConfigIssue[]) {
    super(issues.map((issue) => formatIssue(fileName, issue)).join('\n'));
    this.fileName = fileName;
    this.issues = issues;
  }
}

function formatIssue(fileName: string, issue: NodesConfigIssue): string {
  return issue.path === '' ? `${fileName}: ${issue.message}` : `${fileName}: ${issue.path}: ${issue.message}`;
}

/** Formats a path of keys and indices as `nodes[1].auth.password`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
