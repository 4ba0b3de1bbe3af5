/**
 * What changed between two plans (DESIGN §10): items matched within a layer by key, then by
 * title for those whose key has no match, each added, removed, or changed in its title,
 * parents (keys with shares), effort, flags or progress (by at least 0.01). Where a row sits
 * (its tab of the same layer, its row number) is not a change, so sorting or moving rows
 * reports nothing. Also each pillar's share of effort before → after against its newer
 * target, coverage before → after, the requests declined since, and those that came back.
 */
import type { PlanItem, PlanState } from './plan-state';
import { normalizeKey, normalizeLoose } from './text';

export const DIFF_FIELDS = ['title', 'parents', 'effort', 'flags', 'progress'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];
type FieldValue = string | number | null;

export interface ItemChange {
  readonly layer: string;
  readonly key: string;
  readonly title: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** Only the fields that changed: [before, after]. */
  readonly fields: Partial<Record<DiffField, readonly [FieldValue, FieldValue]>>;
}

export interface PlanDiff {
  readonly since: string;
  readonly items: readonly ItemChange[];
  readonly mix: readonly {
    readonly pillar: string;
    readonly before: number | null;
    readonly after: number | null;
    readonly target: number | null;
  }[];
  readonly coverage: { readonly before: number | null; readonly after: number | null };
  readonly declined: readonly { readonly request: string; readonly date: string; readonly reason: string }[];
  readonly cameBack: readonly { readonly request: string; readonly key: string }[];
}

/** Progress moves less than this are noise, not a change. */
const PROGRESS_STEP = 0.01;

const isWork = (layer: string) => layer === 'roadmap' || layer === 'tasks';

/** Pairs each item of `before` with one of `after` in the same layer: by key first, then by title. */
function matchItems(
  before: readonly PlanItem[],
  after: readonly PlanItem[],
): { pairs: [PlanItem, PlanItem][]; removed: PlanItem[]; added: PlanItem[] } {
  const pairs: [PlanItem, PlanItem][] = [];
  const unmatched = new Set(after);
  const leftOver: PlanItem[] = [];
  const pass = (list: readonly PlanItem[], name: (item: PlanItem) => string, keep: PlanItem[]) => {
    const waiting = new Map<string, PlanItem[]>();
    for (const item of unmatched) {
      const id = `${item.layer}\u0000${name(item)}`;
      (waiting.get(id) ?? waiting.set(id, []).get(id)!).push(item);
    }
    for (const item of list) {
      const candidates = waiting.get(`${item.layer}\u0000${name(item)}`);
      const match = candidates?.shift();
      if (match) {
        pairs.push([item, match]);
        unmatched.delete(match);
      } else keep.push(item);
    }
  };
  pass(before, (item) => normalizeKey(item.key), leftOver);
  const removed: PlanItem[] = [];
  pass(leftOver, (item) => normalizeKey(item.title), removed);
  return { pairs, removed, added: after.filter((item) => unmatched.has(item)) };
}

function changedFields(before: PlanItem, after: PlanItem): ItemChange['fields'] {
  const fields: Partial<Record<DiffField, readonly [FieldValue, FieldValue]>> = {};
  if (before.title.trim() !== after.title.trim()) fields.title = [before.title, after.title];
  if (normalizeKey(before.parents) !== normalizeKey(after.parents)) fields.parents = [before.parents, after.parents];
  if (before.effort !== after.effort) fields.effort = [before.effort, after.effort];
  const flagsOf = (item: PlanItem) => [...item.flags].sort().join(', ');
  if (flagsOf(before) !== flagsOf(after)) fields.flags = [before.flags.join(', '), after.flags.join(', ')];
  const [was, now] = [before.progress, after.progress];
  if ((was === null) !== (now === null) || (was !== null && now !== null && Math.abs(now - was) >= PROGRESS_STEP - 1e-12)) {
    fields.progress = [was, now];
  }
  return fields;
}

export function diffPlans(older: PlanState, after: PlanState): PlanDiff {
  const before = withDeclined(older, after);
  const { pairs, removed, added } = matchItems(before.items, after.items);
  const items: ItemChange[] = [];
  for (const [was, now] of pairs) {
    const fields = changedFields(was, now);
    if (Object.keys(fields).length > 0) items.push({ layer: now.layer, key: now.key, title: now.title, change: 'changed', fields });
  }
  for (const item of added) items.push({ layer: item.layer, key: item.key, title: item.title, change: 'added', fields: {} });
  for (const item of removed) items.push({ layer: item.layer, key: item.key, title: item.title, change: 'removed', fields: {} });
  return {
    since: before.label,
    items,
    mix: mixOf(before, after),
    coverage: { before: before.coverage, after: after.coverage },
    declined: declinedSince(before, after),
    cameBack: cameBack(before, after),
  };
}

/** A snapshot keeps no declined list: the newer plan's requests dated by the snapshot's day stand in for it. */
function withDeclined(before: PlanState, after: PlanState): PlanState {
  if (before.declinedKnown) return before;
  const asOf = before.date;
  const declined = asOf === null ? [] : after.declined.filter((request) => request.date !== '' && request.date <= asOf);
  return { ...before, declined, declinedKnown: true };
}

function mixOf(before: PlanState, after: PlanState): PlanDiff['mix'] {
  const keys = [...new Set([...after.mix.map((pillar) => pillar.key), ...before.mix.map((pillar) => pillar.key)])];
  return keys.map((key) => {
    const was = before.mix.find((pillar) => normalizeKey(pillar.key) === normalizeKey(key));
    const now = after.mix.find((pillar) => normalizeKey(pillar.key) === normalizeKey(key));
    return { pillar: key, before: was?.actual ?? null, after: now?.actual ?? null, target: now?.target ?? null };
  });
}

function declinedSince(before: PlanState, after: PlanState): PlanDiff['declined'] {
  const known = new Set(before.declined.map((request) => `${normalizeLoose(request.request)}\u0000${request.date}`));
  return after.declined.filter((request) => !known.has(`${normalizeLoose(request.request)}\u0000${request.date}`));
}

/** Requests declined in the older plan that are work rows in the newer one, and were not before. */
function cameBack(before: PlanState, after: PlanState): PlanDiff['cameBack'] {
  const wasWork = new Set(before.items.filter((item) => isWork(item.layer)).map((item) => normalizeLoose(item.title)));
  const out: { request: string; key: string }[] = [];
  for (const request of before.declined) {
    const loose = normalizeLoose(request.request);
    if (loose === '' || wasWork.has(loose)) continue;
    const back = after.items.find((item) => isWork(item.layer) && normalizeLoose(item.title) === loose);
    if (back) out.push({ request: request.request, key: back.key });
  }
  return out;
}
