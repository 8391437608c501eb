import type { z } from 'zod';
import { ConfigFileError, formatFieldPath, type ConfigFileIssue } from '../config/configFileError';
import { HangingProtocolSchema, type HangingProtocol } from './protocolSchema';

/** One problem in a protocol file: the field path (e.g. `stages[0].viewports[1].selector`) and what is wrong. */
export type ProtocolIssue = ConfigFileIssue;

/**
 * Thrown when a hanging protocol file is not valid JSON or does not match the
 * schema; the message names the file and each field, one per line, e.g.
 * `mg.json: stages[0].rows: Too big: expected number to be <=4`.
 */
export class HangingProtocolError extends ConfigFileError {
  override readonly name = 'HangingProtocolError';
}

/** A protocol file: its name (for messages) and its content, parsed JSON or text. */
export interface ProtocolFile {
  fileName: string;
  content: unknown;
}

function describeIssue(issue: z.core.$ZodIssue): ProtocolIssue {
  if (issue.code === 'unrecognized_keys') {
    return { path: issue.keys.map((key) => formatFieldPath([...issue.path, key])).join(', '), message: issue.keys.length > 1 ? 'unknown fields' : 'unknown field' };
  }
  return { path: formatFieldPath(issue.path), message: issue.message };
}

/**
 * Validates one protocol file (a JSON text or an already parsed value).
 * @throws HangingProtocolError naming the file and the failing fields.
 */
export function parseProtocol(file: ProtocolFile): HangingProtocol {
  let value = file.content;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value.charCodeAt(0) === 0xfeff ? value.slice(1) : value) as unknown;
    } catch (error) {
      throw new HangingProtocolError(file.fileName, [{ path: '', message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
    }
  }
  const result = HangingProtocolSchema.safeParse(value);
  if (!result.success) throw new HangingProtocolError(file.fileName, result.error.issues.map(describeIssue));
  return result.data;
}

/**
 * Validates protocol files (assets/hanging/*.json) and checks that protocol
 * ids are unique across them.
 * @throws HangingProtocolError for the first file that fails.
 */
export function loadProtocols(files: readonly ProtocolFile[]): HangingProtocol[] {
  const owners = new Map<string, string>();
  return files.map((file) => {
    const protocol = parseProtocol(file);
    const owner = owners.get(protocol.id);
    if (owner !== undefined) throw new HangingProtocolError(file.fileName, [{ path: 'id', message: `duplicate protocol id "${protocol.id}" (already in ${owner})` }]);
    owners.set(protocol.id, file.fileName);
    return protocol;
  });
}
