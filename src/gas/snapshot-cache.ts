/**
 * The snapshot in the document cache, so that a burst of TRACE and IMPACT calls (every
 * formula recalculating at sheet open) shares one read of the workbook.
 *
 * The cache holds values up to 100 KB and at most 1,000 items, beyond which it keeps the 900
 * farthest from expiry (DESIGN §8). So the JSON is cut into chunks of just under 100 KB of
 * UTF-8 under stable keys (ladder.snapshot.0, .1, …) that each store overwrites, with a
 * manifest written last; chunks the previous store had beyond the new count are removed.
 * Every chunk starts with the store's stamp, so a read that mixes two stores' chunks (two
 * executions storing at once) is a miss, as is anything missing or unreadable.
 *
 * Dates are stored as {"$d": ms} cells and revived by walking the rows after a plain
 * JSON.parse, which is several times faster than a reviver called on every value.
 */
import type { WorkbookSnapshot } from '../core/snapshot';

export const CACHE_KEY = 'ladder.snapshot';
/** UTF-8 bytes of one chunk, stamp included: under the cache's 100 KB per value. */
export const CHUNK_BYTES = 100 * 1024 - 256;
/** Seconds a snapshot lives; edits remove it sooner (onEdit), other changes age it out. */
export const CACHE_SECONDS = 300;
/** Beyond this many chunks (about 50 MB) the snapshot is not cached at all: well under the cap of 1,000 items. */
export const MAX_CHUNKS = 500;

interface Manifest {
  readonly version: 2;
  readonly chunks: number;
  readonly stamp: string;
}

const chunkKey = (index: number) => `${CACHE_KEY}.${index}`;

/** UTF-8 length of text[from, to): Apps Script has no TextEncoder (V8 runtime, "Unavailable APIs"). */
function utf8Length(text: string, from: number, to: number): number {
  let bytes = to - from;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // Each half of a surrogate pair adds 1 more byte (a pair is 4 bytes); other code units 1 or 2.
    if (code > 0x7f) bytes += code > 0x7ff && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Cuts text into pieces of at most `budget` UTF-8 bytes, never between the halves of a surrogate pair. */
export function chunksOf(text: string, budget: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + budget);
    let bytes = utf8Length(text, start, end);
    while (bytes > budget) {
      // Every code unit is at most 3 bytes: stepping back by a third of the excess never overshoots much.
      end -= Math.max(1, Math.ceil((bytes - budget) / 3));
      bytes = utf8Length(text, start, end);
    }
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

function encode(snapshot: WorkbookSnapshot): string {
  const sheets = snapshot.sheets.map((sheet) => ({
    name: sheet.name,
    values: sheet.values.map((row) =>
      row.some((cell) => cell instanceof Date) ? row.map((cell) => (cell instanceof Date ? { $d: cell.getTime() } : cell)) : row,
    ),
  }));
  return JSON.stringify({ sheets });
}

function decode(text: string): WorkbookSnapshot {
  const parsed = JSON.parse(text) as { sheets: { name: string; values: unknown[][] }[] };
  for (const sheet of parsed.sheets) {
    for (const row of sheet.values) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell !== null && typeof cell === 'object') row[c] = new Date((cell as { $d: number }).$d);
      }
    }
  }
  return parsed as unknown as WorkbookSnapshot;
}

function readManifest(cache: GoogleAppsScript.Cache.Cache): Manifest | null {
  const head = cache.get(CACHE_KEY);
  if (!head) return null;
  const manifest = JSON.parse(head) as Manifest;
  return manifest.version === 2 && manifest.chunks > 0 && manifest.chunks <= MAX_CHUNKS && typeof manifest.stamp === 'string'
    ? manifest
    : null;
}

export function cachedSnapshot(cache: GoogleAppsScript.Cache.Cache | null): WorkbookSnapshot | null {
  if (!cache) return null;
  try {
    const manifest = readManifest(cache);
    if (!manifest) return null;
    const keys = Array.from({ length: manifest.chunks }, (_, i) => chunkKey(i));
    const parts = cache.getAll(keys);
    const prefix = `${manifest.stamp}|`;
    let text = '';
    for (const key of keys) {
      const part = parts[key];
      if (typeof part !== 'string' || !part.startsWith(prefix)) return null;
      text += part.slice(prefix.length);
    }
    return decode(text);
  } catch {
    return null;
  }
}

export function storeSnapshot(cache: GoogleAppsScript.Cache.Cache | null, snapshot: WorkbookSnapshot): void {
  if (!cache) return;
  try {
    const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
    const chunks = chunksOf(encode(snapshot), CHUNK_BYTES - stamp.length - 1);
    if (chunks.length > MAX_CHUNKS) return;
    let before: Manifest | null = null;
    try {
      before = readManifest(cache);
    } catch {
      // An unreadable manifest only means the old chunks age out on their own.
    }
    const values: Record<string, string> = {};
    chunks.forEach((chunk, i) => {
      values[chunkKey(i)] = `${stamp}|${chunk}`;
    });
    // Chunks first, manifest last: a reader never sees a manifest whose chunks are missing.
    cache.putAll(values, CACHE_SECONDS + 60);
    cache.put(CACHE_KEY, JSON.stringify({ version: 2, chunks: chunks.length, stamp } satisfies Manifest), CACHE_SECONDS);
    if (before && before.chunks > chunks.length) {
      cache.removeAll(Array.from({ length: before.chunks - chunks.length }, (_, i) => chunkKey(chunks.length + i)));
    }
  } catch {
    // A full or failing cache only costs the next call a read.
  }
}

export function forgetSnapshot(cache: GoogleAppsScript.Cache.Cache | null): void {
  try {
    cache?.remove(CACHE_KEY);
  } catch {
    // Nothing cached is the same as a forgotten cache.
  }
}
