import type { DicomwebNode, DimseNode, FolderNode, NodeConfig, Secret } from './nodeSchema';

/**
 * A secret as the Settings form sends it: the clear value typed by the user, or `null`/absent/''
 * to keep the stored one when editing (password fields are write-only).
 */
export type SecretInput = string | null | undefined;

/** DICOMweb authentication as the form sends it; the user name is write-only like the secret. */
export type DicomwebAuthInput =
  | { type: 'none' }
  | { type: 'basic'; username?: string | null; password?: SecretInput }
  | { type: 'bearer'; token?: SecretInput };

/** TLS settings as the form sends them: a blank file path keeps the stored one (paths are write-only). */
export interface TlsInput {
  caFile?: string | null;
  certFile?: string | null;
  keyFile?: string | null;
  rejectUnauthorized?: boolean;
}

/** A DICOMweb node as the form sends it. TLS settings, when absent, are kept from the stored node. */
export type DicomwebNodeInput = Omit<DicomwebNode, 'auth' | 'timeoutMs' | 'tls'> & { auth: DicomwebAuthInput; timeoutMs?: number; tls?: TlsInput };

/** A node configuration sent by the renderer to add or replace a node. */
export type NodeInput = DicomwebNodeInput | DimseNode | FolderNode;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function storedSecret(stored: NodeConfig | undefined, type: 'basic' | 'bearer'): Secret | undefined {
  if (stored?.kind !== 'dicomweb' || stored.auth.type !== type) return undefined;
  return stored.auth.type === 'basic' ? stored.auth.password : stored.auth.type === 'bearer' ? stored.auth.token : undefined;
}

/**
 * Completes a node sent by the form with what the form never shows: a blank user name, password
 * or token takes the stored value (same auth type only), and a DICOMweb node without `tls` keeps
 * the stored TLS settings. The result is not validated: pass it to the schema.
 *
 * @param input the request as received (untrusted)
 * @param stored the node currently configured under the same id, if any
 */
export function mergeNodeInput(input: unknown, stored: NodeConfig | undefined): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const node = { ...(input as Record<string, unknown>) };
  if (node.kind !== 'dicomweb') return node;
  const previous = stored?.kind === 'dicomweb' ? stored : undefined;
  if (!('tls' in node) && previous?.tls !== undefined) node.tls = previous.tls;
  else if (typeof node.tls === 'object' && node.tls !== null) node.tls = mergeTls(node.tls as Record<string, unknown>, previous?.tls);
  if (typeof node.auth !== 'object' || node.auth === null) return node;
  const auth = { ...(node.auth as Record<string, unknown>) };
  if (auth.type === 'basic') {
    if (isBlank(auth.username)) auth.username = previous?.auth.type === 'basic' ? previous.auth.username : undefined;
    if (isBlank(auth.password)) auth.password = storedSecret(previous, 'basic');
  } else if (auth.type === 'bearer') {
    if (isBlank(auth.token)) auth.token = storedSecret(previous, 'bearer');
  }
  for (const key of Object.keys(auth)) if (auth[key] === undefined || auth[key] === null) delete auth[key];
  node.auth = auth;
  return node;
}

/** TLS paths left blank take the stored ones; an empty result (all defaults) means no TLS settings. */
function mergeTls(input: Record<string, unknown>, stored: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const tls: Record<string, unknown> = { ...input };
  for (const key of ['caFile', 'certFile', 'keyFile']) {
    if (isBlank(tls[key])) tls[key] = stored?.[key];
    if (tls[key] === undefined) delete tls[key];
  }
  if (tls.rejectUnauthorized === true || tls.rejectUnauthorized === undefined) delete tls.rejectUnauthorized;
  return Object.keys(tls).length > 0 ? tls : undefined;
}
