import type { Secret, SecretRef } from './nodeSchema';

/** Whether a secret is a vault reference (`{ "secretRef": "..." }`) rather than an inline value. */
export function isSecretRef(secret: Secret): secret is SecretRef {
  return typeof secret === 'object' && secret !== null && typeof secret.secretRef === 'string';
}
