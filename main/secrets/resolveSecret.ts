import { isSecretRef, type Secret } from '../../app/nodes';

/** Looks up a secret kept by the vault under a key; rejects when the key is unknown. */
export type SecretLookup = (key: string) => Promise<string>;

/** A lookup for configurations without a vault: every reference is an error naming the key. */
export const noVault: SecretLookup = async (key) => {
  throw new Error(`secret "${key}" is referenced but no credential vault is available (inline it for web mode)`);
};

/** The clear value of a node secret: inline, or from the vault. Stays in main. */
export function resolveSecret(secret: Secret, lookup: SecretLookup): Promise<string> {
  return isSecretRef(secret) ? lookup(secret.secretRef) : Promise.resolve(secret);
}
