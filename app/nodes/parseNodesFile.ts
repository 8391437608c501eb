import type { z } from 'zod';
import { formatFieldPath } from '../config/configFileError';
import { NodesConfigError, type NodesConfigIssue } from './NodesConfigError';
import { NODE_KINDS, NodesConfigSchema, type NodesConfig } from './nodeSchema';
import { parseJsonText } from './parseJsonText';

/**
 * Parses and validates the text of a nodes file (`{ "nodes": [ ... ] }`).
 *
 * @param text the file's content
 * @param fileName the name shown in error messages
 * @returns the validated configuration, defaults applied
 * @throws NodesConfigError naming the file and each failing field path:
 *   invalid JSON (with line, column and position), schema violations, unknown
 *   `kind`, unknown fields, and duplicate node ids.
 */
export function parseNodesFile(text: string, fileName: string): NodesConfig {
  const parsed = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) throw new NodesConfigError(fileName, [{ path: '', message: parsed.message }]);

  const result = NodesConfigSchema.safeParse(parsed.value);
  if (!result.success) {
    throw new NodesConfigError(fileName, result.error.issues.map((issue) => describeIssue(issue, parsed.value)));
  }

  const duplicates = duplicateIdIssues(result.data);
  if (duplicates.length > 0) throw new NodesConfigError(fileName, duplicates);
  return result.data;
}

function duplicateIdIssues(config: NodesConfig): NodesConfigIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: NodesConfigIssue[] = [];
  config.nodes.forEach((node, index) => {
    const first = firstIndex.get(node.id);
    if (first === undefined) firstIndex.set(node.id, index);
    else issues.push({ path: `nodes[${index}].id`, message: `duplicate id "${node.id}" (already used by nodes[${first}])` });
  });
  return issues;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): NodesConfigIssue {
  const value = valueAt(input, issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => formatFieldPath([...issue.path, key]));
    return { path: keys.join(', '), message: issue.keys.length > 1 ? 'unknown fields' : 'unknown field' };
  }
  const path = formatFieldPath(issue.path);
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return { path, message: 'required' };
  }
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] === 'kind') {
    return { path, message: `unknown kind ${JSON.stringify(value)} (expected one of: ${NODE_KINDS.join(', ')})` };
  }
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] === 'type') {
    return { path, message: `unknown auth type ${JSON.stringify(value)} (expected one of: none, basic, bearer)` };
  }
  return { path, message: issue.message };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
