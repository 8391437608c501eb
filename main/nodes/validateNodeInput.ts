import { GardeError, type FieldIssue } from '../../app/ipc/errors';
import { NodesConfigError, parseNodesFile, type NodeConfig } from '../../app/nodes';

/**
 * Validates one node (already completed with stored secrets) in its place in the node list, with
 * the nodes file's own schema and rules (`parseNodesFile`: fields, AE titles, URLs, duplicate ids).
 *
 * @param index where the node goes: its current index when replacing, `others.length` when adding
 * @throws GardeError NODES_CONFIG_INVALID whose issues have paths relative to the node (`auth.password`)
 */
export function validateNodeInput(candidate: unknown, others: readonly NodeConfig[], index: number): NodeConfig {
  const list: unknown[] = [...others];
  list.splice(index, index < others.length ? 1 : 0, candidate);
  try {
    return parseNodesFile(JSON.stringify({ nodes: list }), 'node').nodes[index]!;
  } catch (error) {
    if (!(error instanceof NodesConfigError)) throw error;
    const issues = error.issues.map((i) => relativeIssue(i, index));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    throw new GardeError('NODES_CONFIG_INVALID', `Invalid node: ${summary}`, false, issues);
  }
}

function relativeIssue(issue: FieldIssue, index: number): FieldIssue {
  const prefix = `nodes[${index}]`;
  const paths = issue.path.split(', ').map((p) => (p === prefix ? '' : p.startsWith(`${prefix}.`) ? p.slice(prefix.length + 1) : p));
  return { path: paths.join(', '), message: issue.message };
}
