/**
 * `freezePlan` writes the whole cascade as values into a new tab, "Ladder snapshot
 * YYYY-MM-DD" (DESIGN §10), in one write under the document lock; a second freeze the same
 * day gets "(2)". `planChanges` lists the snapshot tabs and says what changed since the one
 * picked (the newest when none is), grouped by the pillar and goal each row serves now.
 * Snapshot tabs are read on their own (readTab): they are no layer, so not in the cascade's read.
 */
import { groupChanges } from '../../core/diff-groups';
import { targetStatus } from '../../core/investment';
import { layerSpec } from '../../core/layers';
import { diffPlans } from '../../core/plan-diff';
import { isSnapshotTab, SNAPSHOT_HEADER_SEARCH, SNAPSHOT_TAB_PREFIX, snapshotRows, stateOfSnapshot } from '../../core/plan-snapshot';
import { type PlanState, stateOfCascade } from '../../core/plan-state';
import { clip, normalizeKey } from '../../core/text';
import { defineCall } from '../define-call';
import { Refusal } from '../port';
import { noInput, sinceInput } from '../schemas';
import { load } from '../workbook';

/** A tab name not taken yet: "Ladder snapshot 2026-12-01", then "… (2)". */
function freeName(taken: readonly string[], base: string): string {
  const names = new Set(taken.map((name) => normalizeKey(name)));
  if (!names.has(normalizeKey(base))) return base;
  for (let n = 2; ; n++) if (!names.has(normalizeKey(`${base} (${n})`))) return `${base} (${n})`;
}

export const freezePlan = defineCall({
  name: 'freezePlan',
  input: noInput,
  run(port) {
    return port.withLock(() => {
      const today = port.today();
      const { cascade } = load(port);
      if (cascade.items.length === 0) throw new Refusal('There is no plan to freeze: Ladder reads no layer in this spreadsheet yet.');
      const sheet = freeName(port.tabNames(), `${SNAPSHOT_TAB_PREFIX} ${today}`);
      const rows = snapshotRows(stateOfCascade(cascade, sheet, today), today);
      port.addSheet(sheet, rows);
      return { sheet, items: cascade.items.length, rows: rows.length };
    });
  },
});

export const planChanges = defineCall({
  name: 'planChanges',
  input: sinceInput,
  run(port, input) {
    const { cascade } = load(port);
    const names = port.tabNames();
    const layers = new Set(cascade.plans.map((plan) => plan.sheet));
    const snapshots: { sheet: string; date: string | null; items: number; state: PlanState }[] = [];
    // A snapshot is never a layer, and may have been renamed: every other tab is looked at,
    // its top rows first, so that a big tab of something else costs no full read.
    for (const name of names) {
      const top = layers.has(name) ? null : port.readTab(name, SNAPSHOT_HEADER_SEARCH);
      if (!top || !isSnapshotTab(top.values)) continue;
      const tab = top.values.length < SNAPSHOT_HEADER_SEARCH ? top : port.readTab(name);
      const state = tab ? stateOfSnapshot(name, tab.values) : null;
      if (state) snapshots.push({ sheet: name, date: state.date, items: state.items.length, state });
    }
    // Newest first: by the day each was frozen, then the later tab first.
    snapshots.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || names.indexOf(b.sheet) - names.indexOf(a.sheet));
    const list = snapshots.map(({ sheet, date, items }) => ({ sheet, date, items }));
    if (snapshots.length === 0) return { snapshots: list, since: null, diff: null, groups: [], mixStatus: {}, pillarTitles: {} };
    const picked = input?.since === undefined ? snapshots[0] : snapshots.find((entry) => entry.sheet === input.since);
    if (!picked) throw new Refusal(`"${clip(input?.since ?? '', 80)}" is not a snapshot tab any more; pick another.`);
    const diff = diffPlans(picked.state, stateOfCascade(cascade, 'now'));
    // Each pillar's share now against its target, in words, as its flag says it.
    const mixStatus = Object.fromEntries(diff.mix.map((row) => [row.pillar, targetStatus(row.after, row.target, cascade.tolerance)]));
    // The mix names pillars by key; the sidebar shows their titles as they are now (a key no longer there stays a key).
    const pillarTitles = Object.fromEntries(
      cascade.items.filter((item) => layerSpec(item.layer).isStrategy).map((item) => [item.key, clip(item.title || item.key, 200)]),
    );
    return { snapshots: list, since: picked.sheet, diff, groups: groupChanges(diff, cascade), mixStatus, pillarTitles };
  },
});
