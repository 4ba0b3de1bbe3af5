/**
 * The goal picker's rules, apart from its screen: what the link cell will read, what stops a
 * save, how far shares fall short of 100%, and which of the PM's links a save would replace.
 * The cell's text is the server's (link-row.ts), so "Nothing changed" means the cell stays.
 */
import type { Brief, CurrentLink } from './types';

export interface Chosen {
  key: string;
  share?: number;
}

export interface Entry {
  key: string;
  title: string;
  status: CurrentLink['status'];
  /** As typed in the share box: '' for none. */
  share: string;
}

/** A percent as the sidebar says it: at most two decimals. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

export const matches = (goal: Brief, query: string) => `${goal.key} ${goal.title}`.toLowerCase().includes(query.trim().toLowerCase());
export const shareOf = (entry: Entry) => (entry.share.trim() === '' ? undefined : Number(entry.share));
/** The link cell as the server writes it (link-row.ts): "G1 (60%), G2". */
export const cellText = (entries: readonly Entry[]) =>
  entries.map((entry) => (shareOf(entry) === undefined ? entry.key : `${entry.key} (${round2(shareOf(entry)!)}%)`)).join(', ');
export const fromCurrent = (current: readonly CurrentLink[]): Entry[] =>
  current.map((link) => ({ key: link.key, title: link.title, status: link.status, share: link.share === null ? '' : String(link.share) }));
export const name = (entry: Entry) => (entry.title && entry.title !== entry.key ? `${entry.title} (${entry.key})` : entry.key);
export const isUnusable = (entry: Entry) => entry.status === 'broken' || entry.status === 'ambiguous';
/** What a save hands the server: each goal, with its share when one was typed. */
export const toChosen = (entries: readonly Entry[]): Chosen[] =>
  entries.map((entry) => (shareOf(entry) === undefined ? { key: entry.key } : { key: entry.key, share: shareOf(entry)! }));

/** What stops a save, in a sentence, or null. */
export function problemOf(entries: readonly Entry[]): string | null {
  const unusable = entries.find(isUnusable);
  if (unusable)
    return `“${unusable.key}” ${unusable.status === 'broken' ? 'matches no row' : 'matches several rows'}: remove it here, or fix it in the sheet.`;
  const shares = entries.map(shareOf).filter((share): share is number => share !== undefined);
  if (shares.some((share) => !(share > 0 && share <= 100))) return 'A share is a percent between 1 and 100.';
  const total = shares.reduce((a, b) => a + b, 0);
  if (total > 100.0001) return `The shares add up to ${round2(total)}%, more than 100%.`;
  const unshared = entries.filter((entry) => shareOf(entry) === undefined);
  if (shares.length > 0 && unshared.length > 0 && total >= 99.9999)
    return `The shares already add up to 100%, so ${name(unshared[0]!)} would get nothing: give it a share, or lower the others.`;
  return null;
}

/**
 * Every link with a share, and the shares short of 100%: the rest of the row reaches no goal.
 * Allowed (a PM may mean it), but said before saving. `by` is 0 when nothing falls short.
 */
export function shortfallOf(entries: readonly Entry[]): { total: number; by: number } {
  const total = entries.reduce((sum, entry) => sum + (shareOf(entry) ?? 0), 0);
  const allShared = entries.length > 0 && entries.every((entry) => shareOf(entry) !== undefined);
  return { total, by: allShared && total < 99.9999 ? 100 - total : 0 };
}

/** Dropping a link, or changing a share, replaces what the PM wrote: what a save would replace, to say so first. */
export function replacementOf(initial: readonly Entry[], chosen: readonly Entry[], cellNow: string | undefined) {
  const dropped = initial.filter((entry) => !chosen.some((other) => other.key === entry.key));
  const reshared = initial.filter((entry) => chosen.some((other) => other.key === entry.key && shareOf(other) !== shareOf(entry)));
  const changedOutside = cellNow !== undefined && cellNow !== cellText(initial);
  return { dropped, reshared, changedOutside, replaces: dropped.length > 0 || reshared.length > 0 || changedOutside };
}
