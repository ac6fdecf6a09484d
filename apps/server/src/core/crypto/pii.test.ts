import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMasterKey, PiiVault } from './pii.js';

describe('personal-data vault', () => {
  const vault = new PiiVault(randomBytes(32));

  it('encrypts with a fresh nonce and decrypts back', () => {
    const a = vault.encrypt('360426199101010071');
    const b = vault.encrypt('360426199101010071');
    expect(a).not.toBe(b);
    expect(a).not.toContain('360426');
    expect(vault.decrypt(a)).toBe('360426199101010071');
  });

  it('refuses a tampered ciphertext or another key', () => {
    const c = vault.encrypt('13812341234');
    const tampered = `${c.slice(0, -2)}${c.endsWith('A') ? 'B' : 'A'}=`;
    expect(() => vault.decrypt(tampered)).toThrow();
    expect(() => new PiiVault(randomBytes(32)).decrypt(c)).toThrow();
  });

  it('hashes deterministically for look-up, keyed', () => {
    expect(vault.hash('x')).toBe(vault.hash('x'));
    expect(vault.hash('x')).not.toBe(new PiiVault(randomBytes(32)).hash('x'));
  });

  it('creates the key file once, readable only by its owner', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'yufang-key-')), 'keys', 'pii.key');
    const first = await loadMasterKey(undefined, file);
    expect(first).toHaveLength(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadMasterKey(undefined, file)).toEqual(first);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.toString('base64'));
  });
});
