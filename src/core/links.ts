/**
 * Link cells → references → items (DESIGN §3). The whole cell is tried first as one
 * reference, since titles may contain commas; only when it matches nothing is it split:
 * on `;` and line breaks, then each part on commas, keeping together the longest run of
 * comma-separated pieces that names an item ("P1; Fair, fast payouts" is two links). A
 * reference is looked up in the layer directly above, then further up, then in the item's
 * own layer (nesting); the first layer with a match wins. `resolveReferences` gives one
 * item's links as a plain list, which the cascade adds to its LinkTable (link-table.ts).
 */
import type { ItemIndex } from './item-index';
import type { LinkTableBuilder, Match, ResolvedLink } from './link-table';
import { NOT_FOUND } from './link-table';
import { hashName } from './name-table';
import { parseReference, type Reference } from './reference';
import { normalizeKey } from './text';

/** Layers to search for an item's references, nearest first: above it upwards, then its own. */
export function lookupOrder(rank: number, ranksPresent: readonly number[]): number[] {
  const above = ranksPresent.filter((r) => r < rank).sort((a, b) => b - a);
  return ranksPresent.includes(rank) ? [...above, rank] : above;
}

/** Items of one layer on a chain of items sharing a name: one, several, or NOT_FOUND. */
function onChain(head: number, rank: number, index: ItemIndex, byTitle: boolean): Match {
  let found = NOT_FOUND;
  let several: number[] | null = null;
  for (let at = head; at !== -1; at = byTitle ? index.nextSameTitle(at) : index.nextSameKey(at)) {
    if (index.rankOf[at] !== rank) continue;
    if (found === NOT_FOUND) found = at;
    else (several ??= [found]).push(at);
  }
  return several ?? found;
}

/** The items a reference names. */
export function lookupReference(text: string, order: readonly number[], index: ItemIndex): Match {
  const norm = normalizeKey(text);
  if (norm === '') return NOT_FOUND;
  const hash = hashName(norm);
  const keyHead = index.keyHead(norm, hash);
  for (const rank of order) {
    // A key match is more specific than a title match: "G1" is the goal whose id is G1.
    if (keyHead !== -1) {
      const byKey = onChain(keyHead, rank, index, false);
      if (byKey !== NOT_FOUND) return byKey;
    }
    // Every id column is a key: a Parent cell may hold Jira's numeric Issue id.
    if (index.hasAltKeys) {
      const byOtherId = index.altKeyMatch(rank, norm, hash);
      if (byOtherId !== NOT_FOUND) return byOtherId;
    }
    const titleHead = index.titleHead(rank, norm, hash);
    if (titleHead !== -1) return onChain(titleHead, rank, index, true);
  }
  return NOT_FOUND;
}

/** A reference of the item being resolved, with what it names, before shares are settled. */
interface MatchedReference {
  readonly text: string;
  readonly share: number | null;
  match: Match;
}

const SEPARATORS = /[;\r\n]+/;
const HAS_SEPARATOR = /[;\r\n]/;

/**
 * One item's links, from its link cells, with their effective shares; a reference to the
 * item itself stays in (it is a cycle).
 */
export function resolveReferences(cells: readonly string[], order: readonly number[], index: ItemIndex): ResolvedLink[] {
  const found: MatchedReference[] = [];
  for (const cell of cells) {
    const whole = withMatch(parseReference(cell), order, index);
    // The common case, one cell naming one item, without the bookkeeping of several.
    if (whole.match !== NOT_FOUND && cells.length === 1) return [{ text: whole.text, share: whole.share ?? 1, match: whole.match }];
    if (whole.match !== NOT_FOUND) found.push(whole);
    else if (!HAS_SEPARATOR.test(cell)) splitOnCommas(cell, whole, order, index, found);
    else for (const part of cell.split(SEPARATORS)) splitOnCommas(part, null, order, index, found);
  }
  return settleShares(found);
}

/** A parsed reference with the items it names. */
function withMatch({ text, share }: Reference, order: readonly number[], index: ItemIndex): MatchedReference {
  return { text, share, match: lookupReference(text, order, index) };
}

/** Resolves one item's link cells into a table being built (what `src/api/link-cell.ts` calls). */
export function resolveLinks(cells: readonly string[], order: readonly number[], index: ItemIndex, into: LinkTableBuilder): void {
  into.addResolved(resolveReferences(cells, order, index));
}

/**
 * Splits one part on commas, joining back the longest runs of pieces that name an item.
 * `whole`: the part is a whole cell, looked up already, that named nothing.
 */
function splitOnCommas(
  part: string,
  whole: MatchedReference | null,
  order: readonly number[],
  index: ItemIndex,
  into: MatchedReference[],
): void {
  if (!part.includes(',')) {
    // Kept as a broken reference; looked up again only when it was not the whole cell.
    const reference = whole ?? parseReference(part);
    if (reference.text !== '') into.push(whole ?? withMatch(reference, order, index));
    return;
  }
  const pieces = part.split(',');
  for (let start = 0; start < pieces.length; ) {
    // The whole part, as the whole cell, was looked up already.
    let end = whole !== null && start === 0 ? pieces.length - 1 : pieces.length;
    for (; end > start; end--) {
      const reference = parseReference(end === start + 1 ? pieces[start]! : pieces.slice(start, end).join(','));
      if (reference.text === '') continue;
      const named = withMatch(reference, order, index);
      // A single piece is kept even when it names nothing: it is a broken reference.
      if (named.match !== NOT_FOUND || end === start + 1) {
        into.push(named);
        break;
      }
    }
    start = Math.max(end, start + 1);
  }
}

/**
 * Effective shares: written shares as written, the rest split equally among the others.
 * Then two references to the same item ("G1" and "Growth" naming one goal) become one
 * link, the first, carrying both shares.
 */
function settleShares(found: MatchedReference[]): ResolvedLink[] {
  settleEchoes(found);
  let written = 0;
  let unshared = 0;
  for (const { share } of found) {
    if (share === null) unshared++;
    else written += share;
  }
  const rest = unshared > 0 ? Math.max(0, 1 - written) / unshared : 0;
  const links: { readonly text: string; share: number; readonly match: Match }[] = [];
  for (const { text, share, match } of found) {
    const first = typeof match === 'number' && match !== NOT_FOUND ? links.find((link) => link.match === match) : undefined;
    if (first) first.share += share ?? rest;
    else links.push({ text, share: share ?? rest, match });
  }
  return links;
}

/**
 * A title naming several items, one of which another reference of the row names already
 * (Jira's "Parent summary" beside its "Parent"), is that item again, not an ambiguity.
 */
function settleEchoes(found: MatchedReference[]): void {
  for (const reference of found) {
    const { match } = reference;
    if (typeof match === 'number') continue;
    const echo = match.find((candidate) => found.some((other) => other.match === candidate));
    if (echo !== undefined) reference.match = echo;
  }
}
