/**
 * Being as careful with the PM's .xlsx as a spreadsheet program is: knowing when someone else
 * changed it (its identity: size, modification time, inode and a hash of its bytes), saving
 * so that it is never half-written and keeps its permissions and links (the bytes flushed to
 * disk before a rename over the real file), keeping the first backup of the original, cleaning
 * temporary files a killed save left, and one preview per file.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, open, readdir, readFile, realpath, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export interface FileIdentity {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly hash: string;
}

export async function identityOf(path: string): Promise<FileIdentity> {
  const [info, bytes] = await Promise.all([stat(path), readFile(path)]);
  return { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, hash: createHash('sha256').update(bytes).digest('hex') };
}

/** Whether the file on disk is still the one read: a cheap look first, the bytes when it is the same. */
export async function unchanged(path: string, known: FileIdentity, { bytes = false } = {}): Promise<boolean> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    return false;
  }
  if (info.size !== known.size || info.mtimeMs !== known.mtimeMs || info.ino !== known.ino) return false;
  return (
    !bytes ||
    createHash('sha256')
      .update(await readFile(path))
      .digest('hex') === known.hash
  );
}

/** The file a path names, through any symbolic links: that file is the one written. */
export function realFile(path: string): Promise<string> {
  return realpath(path);
}

const TEMP_MARK = '.ladder-tmp-';
const tempName = (path: string, pid: number) => join(dirname(path), `.${basename(path)}${TEMP_MARK}${pid}.xlsx`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files a save of this file left behind when its process was killed. */
export async function cleanStaleTemps(path: string): Promise<string[]> {
  const prefix = `.${basename(path)}${TEMP_MARK}`;
  const removed: string[] = [];
  for (const name of await readdir(dirname(path)).catch(() => [] as string[])) {
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length).replace(/\.xlsx$/, '')) : NaN;
    if (Number.isInteger(pid) && !alive(pid)) {
      await rm(join(dirname(path), name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * Writes the bytes over the file: into a temporary file beside it with the original's
 * permissions, flushed to disk, checked by `verify`, then renamed over it, then the folder
 * flushed, so that a crash leaves either the old file or the new one, never a mix.
 */
export async function saveAtomically(path: string, bytes: Uint8Array, verify?: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = tempName(path, process.pid);
  const mode = (await stat(path)).mode & 0o7777;
  try {
    const handle = await open(temporary, 'w', mode);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temporary, mode);
    // Read back before it replaces anything: a save that lost something is never renamed over the file.
    await verify?.(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const folder = await open(dirname(path), 'r').catch(() => null);
  if (folder) {
    await folder.sync().catch(() => undefined);
    await folder.close();
  }
}

/**
 * A copy of the file as it is before the preview's first save: FILE.bak, unless an earlier run
 * made one, which is the original and is kept; then FILE.<date-time>.bak.
 */
export async function keepBackup(path: string, now = new Date()): Promise<string> {
  const first = `${path}.bak`;
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const target = (await exists(first)) ? `${path}.${stamp}.bak` : first;
  await writeFile(target, await readFile(path), { flag: 'wx', mode: (await stat(path)).mode & 0o7777 });
  return target;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export class FileInUse extends Error {}

/**
 * Where the lock of a file is: named by the file's device and inode, not its path, so that two
 * paths to one file (a hard link, a symbolic one) share one lock.
 */
export async function lockPathOf(path: string): Promise<string> {
  const { dev, ino } = await stat(path);
  return join(tmpdir(), `ladder-preview-${dev}-${ino}.lock`);
}

/**
 * One preview per file: a lock file holding the process id. A lock whose process is gone is
 * stale and taken over. Returns the release, to run on exit.
 */
export async function lockBeside(path: string): Promise<() => Promise<void>> {
  const lock = await lockPathOf(path);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      return () => unlink(lock).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new FileInUse(
          `${path}: another Ladder preview has it open (process ${holder}); stop that one first, so neither overwrites the other's changes`,
        );
      }
      await unlink(lock).catch(() => undefined);
    }
  }
  throw new FileInUse(`${path}: could not take the preview's lock (${lock})`);
}
