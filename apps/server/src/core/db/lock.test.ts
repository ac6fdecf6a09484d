import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireFolderLock } from './lock.js';

describe('data folder lock', () => {
  it('lets one holder in at a time and takes over a lock left by a dead process', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yufang-lock-'));
    const lock = await acquireFolderLock(dir);
    await expect(acquireFolderLock(dir)).rejects.toThrow('正被进程');
    await lock.release();
    await writeFile(path.join(dir, 'yufang.lock'), '999999999');
    const again = await acquireFolderLock(dir);
    await again.release();
    await rm(dir, { recursive: true, force: true });
  });
});
