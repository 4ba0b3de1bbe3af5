/**
 * Text helpers shared by detection, linking and formatting: how cell values become text,
 * how keys compare, and how headers and tab names split into words.
 */
import { HASH_START, hashName, hashStep } from './name-table';
import type { Cell } from './snapshot';

/** Calendar date (UTC fields, see snapshot.ts) as YYYY-MM-DD, with the time when there is one. */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = date.toISOString().slice(0, 10);
  const time = date.toISOString().slice(11, 16);
  return time === '00:00' ? day : `${day} ${time}`;
}

/** A cell as the text a PM sees (numbers without float noise, dates as ISO days). */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') {
    // Whole numbers (ids, counts) print exactly; only fractions need rounding off float noise.
    if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
    return Number.isFinite(value) ? String(+value.toPrecision(15)) : '';
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value);
  return '';
}

/** Keys and titles compare trimmed, case-insensitively, with runs of spaces folded. */
export function normalizeKey(text: string): string {
  const trimmed = text.trim();
  // Runs of spaces and other whitespace are rare: fold them only when there are some.
  return (/\s\s|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed).toLowerCase();
}

/** Looser comparison for declined requests: letters and digits only. */
export function normalizeLoose(text: string): string {
  // Most titles are plain ASCII: skip Unicode decomposition for them.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * `hashName(normalizeLoose(text))`, without building the loose text when it is plain ASCII:
 * every work item is checked against the declined list, and most match nothing.
 */
export function looseHash(text: string): number {
  let hash = HASH_START;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code > 0x7e) return hashName(normalizeLoose(text));
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) hash = hashStep(hash, code);
  }
  return hash;
}

/** Singular form of an English word, good enough for header and tab vocabularies. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length >= 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Splits a header or tab name into singular lower-case words. Apostrophes vanish
 * ("won't" is "wont") and `#` stays a word of its own, since it names id columns. Code-style
 * names split as they read: "storyPoints" and "story_points" are "story points", "epicID"
 * is "epic id", "IDNumber" is "id number"; an acronym's plural stays whole ("OKRs").
 */
export function words(text: string): string[] {
  const out: string[] = [];
  const split = text.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll}{2,})/gu, '$1 $2');
  const cleaned = split.toLowerCase().replace(/['’`]/g, '');
  for (const match of cleaned.matchAll(/#|[\p{L}\p{N}]+/gu)) out.push(singular(match[0]));
  return out;
}

/**
 * The label of a header cell: its first line. Templates put a description under the label
 * ("Reach\n(How many users will be affected?)"), and only the label names the column.
 */
export function headerLabel(text: string): string {
  const at = text.search(/[\r\n]/);
  return (at < 0 ? text : text.slice(0, at)).trim();
}

/** Removes control characters (terminal escapes, NULs) from text headed for a terminal. */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes.
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Shortens long text for one-line displays. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Bytes of text in UTF-8, counted without TextEncoder (Apps Script has none). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
