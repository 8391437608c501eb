import { readFile } from 'node:fs/promises';
import { GardeError } from '../../app/ipc/errors';
import { writeFileAtomic } from '../paths/writeFileAtomic';
import type { SecretLookup } from './resolveSecret';

/** Encrypts and decrypts one secret (Electron safeStorage in the desktop app, a stub in tests). */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(cipherText: Buffer): string;
}

/** The vault file: base64 ciphertexts by key (`<node id>/password`). */
interface VaultFile {
  version: 1;
  secrets: Record<string, string>;
}

/**
 * The credential vault: secrets encrypted one by one with a {@link SecretCipher} and kept as base64
 * in a JSON file (`<dataDir>/vault.json`, mode 0600), rewritten atomically on every change.
 * Clear values never leave main. A file that is not a vault, or a secret that cannot be decrypted
 * (another user, another machine, a changed OS keyring), is a VAULT_INVALID error naming the file;
 * the vault then refuses to write so the file is never overwritten by accident.
 */
export class Vault {
  private entries: Map<string, string> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly cipher: SecretCipher,
  ) {}

  /** The clear secret under `key`; VAULT_INVALID when unknown or undecryptable. */
  async get(key: string): Promise<string> {
    const entries = await this.load();
    const stored = entries.get(key);
    if (stored === undefined) throw new GardeError('VAULT_INVALID', `secret "${key}" is not in the vault ${this.file}`);
    try {
      return this.cipher.decrypt(Buffer.from(stored, 'base64'));
    } catch (error) {
      throw new GardeError(
        'VAULT_INVALID',
        `secret "${key}" in ${this.file} cannot be decrypted (written by another user or machine?): ${(error as Error).message}`,
      );
    }
  }

  /** Whether a secret is stored under `key`. */
  async has(key: string): Promise<boolean> {
    return (await this.load()).has(key);
  }

  /** Encrypts and stores a secret under `key`, replacing any previous one. */
  set(key: string, value: string): Promise<void> {
    return this.change((entries) => entries.set(key, this.cipher.encrypt(value).toString('base64')));
  }

  /** Forgets the secret under `key` (nothing happens when there is none). */
  delete(key: string): Promise<void> {
    return this.change((entries) => entries.delete(key));
  }

  /** The vault as a {@link SecretLookup} for node adapters. */
  readonly lookup: SecretLookup = (key) => this.get(key);

  private change(apply: (entries: Map<string, string>) => unknown): Promise<void> {
    const run = this.queue.then(async () => {
      const entries = new Map(await this.load());
      apply(entries);
      const file: VaultFile = { version: 1, secrets: Object.fromEntries(entries) };
      await writeFileAtomic(this.file, `${JSON.stringify(file, null, 2)}\n`, 0o600);
      this.entries = entries;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<Map<string, string>> {
    if (this.entries) return this.entries;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return (this.entries = new Map());
      throw new GardeError('VAULT_INVALID', `cannot read the vault ${this.file}: ${(error as Error).message}`);
    }
    this.entries = parseVaultFile(text, this.file);
    return this.entries;
  }
}

function parseVaultFile(text: string, file: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GardeError('VAULT_INVALID', `the vault ${file} is corrupt (not JSON: ${(error as Error).message})`);
  }
  const candidate = parsed as Partial<VaultFile> | null;
  const secrets = candidate?.secrets;
  if (candidate?.version !== 1 || typeof secrets !== 'object' || secrets === null || Array.isArray(secrets)) {
    throw new GardeError('VAULT_INVALID', `the vault ${file} is corrupt (expected { "version": 1, "secrets": { ... } })`);
  }
  for (const [key, value] of Object.entries(secrets)) {
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
      throw new GardeError('VAULT_INVALID', `the vault ${file} is corrupt (secret "${key}" is not base64)`);
    }
  }
  return new Map(Object.entries(secrets as Record<string, string>));
}
