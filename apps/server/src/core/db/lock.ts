import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export interface FolderLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock between processes: a second server (or tool) opening the same folder would corrupt it.
 * The lock file holds the owner's pid; a lock left by a process that died is taken over.
 */
export async function acquireFolderLock(dir: string): Promise<FolderLock> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'yufang.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (owner && isAlive(owner)) {
        throw new Error(`数据目录 ${dir} 正被进程 ${owner} 使用（同一数据目录只能由一个进程打开）`);
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 ${dir}`);
}
