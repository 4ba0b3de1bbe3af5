/**
 * What a zip says about itself before anything is inflated: its central directory lists every
 * entry with its compressed and uncompressed size (PKWARE's APPNOTE, 4.3.12 and 4.3.16). Ladder
 * reads only that, so a workbook that would inflate to gigabytes (a zip bomb, or a sheet with a
 * value a million rows down) is refused in milliseconds, before exceljs holds it in memory.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly compressed: number;
  readonly uncompressed: number;
  /** 8 is deflate, 0 stored. */
  readonly method: number;
  /** Where the entry's local header starts. */
  readonly offset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of up to 65,535. */
const TAIL_BYTES = 22 + 0xffff;
const ZIP64 = 0xffffffff;

export class UnreadableZip extends Error {}

/** The entries of a zip file's central directory; throws UnreadableZip when there is none to read. */
export async function zipEntries(path: string): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let at = tailLength - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === END_OF_DIRECTORY) {
        end = at;
        break;
      }
    }
    if (end < 0) throw new UnreadableZip('no zip directory');
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    // A ZIP64 archive keeps its real sizes elsewhere; an .xlsx that large is past Ladder's limits anyway.
    if (count === 0xffff || directorySize === ZIP64 || directoryOffset === ZIP64)
      return [{ name: '(zip64)', compressed: 0, uncompressed: Number.MAX_SAFE_INTEGER, method: 0, offset: 0 }];
    if (directoryOffset + directorySize > size) throw new UnreadableZip('the zip directory points past the end of the file');
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries: ZipEntry[] = [];
    for (let at = 0; at + 46 <= directory.length && entries.length < count; ) {
      if (directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new UnreadableZip('a damaged zip directory');
      const method = directory.readUInt16LE(at + 10);
      const offset = directory.readUInt32LE(at + 42);
      const compressed = directory.readUInt32LE(at + 20);
      const uncompressed = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      entries.push({ name, compressed, uncompressed: uncompressed === ZIP64 ? Number.MAX_SAFE_INTEGER : uncompressed, method, offset });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Limits on what Ladder inflates: far above real planning workbooks, far below a machine's memory. */
export const ZIP_LIMITS = {
  /**
   * All entries together, uncompressed. The 60,000-row benchmark workbook is 25 MB; reading
   * 134 MB of real cells took exceljs 34 s and 2 GB, so 80 MB (about 200,000 rows) is the most.
   */
  totalBytes: 80 * 1024 * 1024,
  /** Entries in the archive. */
  entries: 10_000,
  /** Inflation of one entry over 10 MB: XML compresses well, but not by more than this. */
  ratio: 250,
} as const;

const megabytes = (bytes: number) => (bytes >= 1e15 ? 'more than 4 GB' : `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`);

/** Why a workbook would be too much to read, from its directory alone, or null. */
export function tooLarge(entries: readonly ZipEntry[]): string | null {
  if (entries.length > ZIP_LIMITS.entries)
    return `it holds ${entries.length.toLocaleString('en')} parts, more than the ${ZIP_LIMITS.entries.toLocaleString('en')} Ladder reads`;
  const total = entries.reduce((sum, entry) => sum + entry.uncompressed, 0);
  if (total > ZIP_LIMITS.totalBytes)
    return `it would inflate to ${megabytes(total)}, more than the ${megabytes(ZIP_LIMITS.totalBytes)} Ladder reads`;
  const bomb = entries.find((entry) => entry.uncompressed > 10 * 1024 * 1024 && entry.uncompressed > entry.compressed * ZIP_LIMITS.ratio);
  if (bomb)
    return `its part ${bomb.name.slice(0, 80)} would inflate ${Math.round(bomb.uncompressed / Math.max(1, bomb.compressed)).toLocaleString('en')} times, to ${megabytes(bomb.uncompressed)}, which no spreadsheet does`;
  return null;
}

/**
 * Whether an entry's data really inflates to no more than its directory says. A zip that lies
 * (declaring a few KB for what inflates to gigabytes) would pass the size limits and then
 * exhaust memory in the reader, so entries whose declared size is implausible for XML are
 * inflated here first, with the output capped at the declared size (zlib's maxOutputLength).
 */
async function inflatesAsDeclared(handle: FileHandle, entry: ZipEntry): Promise<boolean> {
  const header = Buffer.alloc(30);
  await handle.read(header, 0, 30, entry.offset);
  if (header.readUInt32LE(0) !== 0x04034b50) return false;
  const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = Buffer.alloc(entry.compressed);
  await handle.read(data, 0, entry.compressed, start);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressed) }).length <= entry.uncompressed;
  } catch {
    return false;
  }
}

/** XML deflates 3 to 50 times; outside that, and over 64 KB compressed, the declared size is checked. */
const implausible = (entry: ZipEntry) =>
  entry.method === 8 &&
  entry.compressed > 64 * 1024 &&
  (entry.uncompressed < entry.compressed * 2 || entry.uncompressed > entry.compressed * 50);

/** The first entry whose data inflates past what the directory declares, or null. */
export async function lyingEntry(path: string, entries: readonly ZipEntry[]): Promise<ZipEntry | null> {
  const suspects = entries.filter(implausible);
  if (suspects.length === 0) return null;
  const handle = await open(path, 'r');
  try {
    for (const entry of suspects) if (!(await inflatesAsDeclared(handle, entry))) return entry;
    return null;
  } finally {
    await handle.close();
  }
}
