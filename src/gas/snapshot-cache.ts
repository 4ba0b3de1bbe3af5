/**
 * The snapshot in the document cache, so that a burst of TRACE and IMPACT calls (every
 * formula recalculating at sheet open) shares one read of the workbook. The cache holds
 * at most 100 KB per value, so the JSON is cut into chunks under a manifest; an edit
 * removes the manifest, and a half-present or unreadable entry counts as a miss.
 */
import type { Cell, WorkbookSnapshot } from '../core/snapshot';

export const CACHE_KEY = 'ladder.snapshot';
/** Characters per chunk: 100 KB even if every character took 4 bytes in UTF-8. */
export const CHUNK_CHARS = 24_000;
/** Seconds a snapshot lives; edits remove it sooner (onEdit), other changes age it out. */
export const CACHE_SECONDS = 300;
/** Beyond this many chunks (about 24 MB) the snapshot is not cached at all. */
const MAX_CHUNKS = 900;

interface Manifest {
  readonly version: 1;
  readonly chunks: number;
  readonly stamp: string;
}

function encode(snapshot: WorkbookSnapshot): string {
  return JSON.stringify(snapshot, function (this: Record<string, Cell>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.getTime() } : value;
  });
}

function decode(text: string): WorkbookSnapshot {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && '$date' in value) return new Date((value as { $date: number }).$date);
    return value;
  }) as WorkbookSnapshot;
}

export function cachedSnapshot(cache: GoogleAppsScript.Cache.Cache | null): WorkbookSnapshot | null {
  if (!cache) return null;
  try {
    const head = cache.get(CACHE_KEY);
    if (!head) return null;
    const manifest = JSON.parse(head) as Manifest;
    if (manifest.version !== 1 || !(manifest.chunks > 0)) return null;
    const keys = Array.from({ length: manifest.chunks }, (_, i) => `${CACHE_KEY}.${manifest.stamp}.${i}`);
    const parts = cache.getAll(keys);
    const text = keys.map((key) => parts[key]);
    if (text.some((part) => typeof part !== 'string')) return null;
    return decode(text.join(''));
  } catch {
    return null;
  }
}

export function storeSnapshot(cache: GoogleAppsScript.Cache.Cache | null, snapshot: WorkbookSnapshot): void {
  if (!cache) return;
  try {
    const text = encode(snapshot);
    const chunks = Math.ceil(text.length / CHUNK_CHARS);
    if (chunks > MAX_CHUNKS) return;
    const stamp = String(Date.now());
    const values: Record<string, string> = {};
    for (let i = 0; i < chunks; i++) values[`${CACHE_KEY}.${stamp}.${i}`] = text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
    // Chunks first, manifest last: a reader never sees a manifest whose chunks are missing.
    cache.putAll(values, CACHE_SECONDS + 60);
    cache.put(CACHE_KEY, JSON.stringify({ version: 1, chunks, stamp } satisfies Manifest), CACHE_SECONDS);
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
