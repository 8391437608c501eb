import { ConfigFileError, type ConfigFileIssue } from '../config/configFileError';

/** One problem found in a nodes file: where (field path) and what. */
export type NodesConfigIssue = ConfigFileIssue;

/**
 * Thrown by `parseNodesFile` when a nodes file is not valid JSON or does not
 * match the schema. The message names the file and the field path, one issue
 * per line, e.g. `nodes.json: nodes[1].auth.password: required`.
 */
export class NodesConfigError extends ConfigFileError {
  override readonly name = 'NodesConfigError';
}
