import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault, type SecretCipher } from '../../../main/secrets/vault';

/** A keyed stand-in for safeStorage: decrypting with another key fails, as with another user's keyring. */
function cipher(key: string): SecretCipher {
  return {
    encrypt: (plain) => Buffer.from(`${key}:${Buffer.from(plain).toString('hex')}`),
    decrypt: (data) => {
      const [k, hex] = data.toString().split(':');
      if (k !== key) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(hex!, 'hex').toString();
    },
  };
}

const vaultFile = () => join(mkdtempSync(join(tmpdir(), 'garde-vault-')), 'vault.json');

describe('Vault', () => {
  it('sets, gets, replaces and deletes secrets; the file holds only ciphertexts, mode 0600', async () => {
    const file = vaultFile();
    const vault = new Vault(file, cipher('k1'));
    await vault.set('pacs-nord/password', 'pw-1');
    await vault.set('pacs-sud/token', 'tok-2');
    await vault.set('pacs-nord/password', 'pw-3');
    expect(await vault.get('pacs-nord/password')).toBe('pw-3');
    expect(await vault.lookup('pacs-sud/token')).toBe('tok-2');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('pw-3');
    expect(text).not.toContain('tok-2');
    expect(Object.keys(JSON.parse(text).secrets).sort()).toEqual(['pacs-nord/password', 'pacs-sud/token']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await vault.delete('pacs-sud/token');
    expect(await vault.has('pacs-sud/token')).toBe(false);
    expect(await new Vault(file, cipher('k1')).get('pacs-nord/password')).toBe('pw-3');
  });

  it('concurrent changes are all kept', async () => {
    const file = vaultFile();
    const vault = new Vault(file, cipher('k1'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => vault.set(`n${i}/password`, `pw${i}`)));
    const reopened = new Vault(file, cipher('k1'));
    for (let i = 0; i < 20; i++) expect(await reopened.get(`n${i}/password`)).toBe(`pw${i}`);
  });

  it('an unknown key is a clear VAULT_INVALID error', async () => {
    await expect(new Vault(vaultFile(), cipher('k1')).get('nope/password')).rejects.toMatchObject({ code: 'VAULT_INVALID', message: expect.stringContaining('secret "nope/password" is not in the vault') });
  });

  it('a vault written with another key says it cannot be decrypted', async () => {
    const file = vaultFile();
    await new Vault(file, cipher('alice')).set('n/password', 'pw');
    await expect(new Vault(file, cipher('bob')).get('n/password')).rejects.toMatchObject({
      code: 'VAULT_INVALID',
      message: expect.stringMatching(/secret "n\/password" in .*vault\.json cannot be decrypted/),
    });
  });

  it.each([
    ['not JSON', '{"version":1,', /is corrupt \(not JSON/],
    ['wrong shape', '{"secrets":[]}', /is corrupt \(expected/],
    ['not base64', '{"version":1,"secrets":{"a":"%%%"}}', /secret "a" is not base64/],
  ])('a corrupt vault file (%s) is a clear error and is never overwritten', async (_label, content, pattern) => {
    const file = vaultFile();
    writeFileSync(file, content);
    const vault = new Vault(file, cipher('k1'));
    await expect(vault.get('a')).rejects.toMatchObject({ code: 'VAULT_INVALID', message: expect.stringMatching(pattern) });
    await expect(vault.set('b', 'x')).rejects.toMatchObject({ code: 'VAULT_INVALID' });
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});
