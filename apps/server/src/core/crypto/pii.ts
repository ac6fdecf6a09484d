import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const VERSION = 'v1';

/**
 * Personal data at rest (PIPL; 等保2.0 个人信息保护): AES-256-GCM ciphertext for values shown only to those allowed,
 * and a keyed HMAC-SHA256 for exact look-up without decrypting. Both keys derive from one master key kept
 * outside the database (a key file or YUFANG_PII_KEY), so a copy of the database alone reveals nothing.
 */
export class PiiVault {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('个人信息主密钥必须是 32 字节');
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'yufang/pii/enc', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'yufang/pii/mac', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [version, payload] = stored.split(':');
    if (version !== VERSION || !payload) throw new Error('无法识别的密文格式');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Keyed hash for equality look-up (e.g. find a person by ID number). */
  hash(plain: string): string {
    return createHmac('sha256', this.macKey).update(plain).digest('hex');
  }
}

/**
 * The master key: YUFANG_PII_KEY (base64, 32 bytes) when set, otherwise the key file, created with mode 0600 on
 * first start. Back the key up apart from the database: without it encrypted fields cannot be read.
 */
export async function loadMasterKey(envKey: string | undefined, keyFile: string): Promise<Buffer> {
  if (envKey) return Buffer.from(envKey, 'base64');
  try {
    return Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  await writeFile(keyFile, `${key.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  await chmod(keyFile, 0o600);
  return key;
}
