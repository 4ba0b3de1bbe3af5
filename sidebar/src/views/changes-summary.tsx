/**
 * The top of "What changed": the snapshot picker (a snapshot tab by its name, its date when the
 * name lacks it, and how many rows it holds), the count of changes in a live region, coverage
 * before → after, and each pillar's share of effort before → after against its target, as a
 * table with the status in words.
 */
import { share, type TargetStatus } from '../investment-words';
import type { PlanDiff, Snapshot } from '../types';
import { StatusTag } from './strategy-targets';

/** "Ladder snapshot 2026-09-30 (27 rows)"; a renamed tab keeps its date: "Q3 plan, 2026-09-30 (27 rows)". */
export function snapshotLabel(snapshot: Snapshot): string {
  const date = snapshot.date && !snapshot.sheet.includes(snapshot.date) ? `, ${snapshot.date}` : '';
  return `${snapshot.sheet}${date} (${snapshot.items} ${snapshot.items === 1 ? 'row' : 'rows'})`;
}

interface PickerProps {
  snapshots: readonly Snapshot[];
  since: string | null;
  busy: boolean;
  onPick(sheet: string): void;
}

export function SnapshotPicker({ snapshots, since, busy, onPick }: PickerProps) {
  return (
    <div class="field">
      <label for="changes-since">Compare the plan now with</label>
      <select id="changes-since" value={since ?? ''} aria-busy={busy} onChange={(event) => onPick(event.currentTarget.value)}>
        {snapshots.map((snapshot) => (
          <option key={snapshot.sheet} value={snapshot.sheet}>
            {snapshotLabel(snapshot)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** How many changes, said again whenever another snapshot is compared. */
export function ChangeCount({ diff, busy }: { diff: PlanDiff; busy: boolean }) {
  const count = diff.items.length;
  return (
    <p class="changes-count" role="status">
      {busy
        ? 'Comparing…'
        : count === 0
          ? `No item changed since “${diff.since}”.`
          : `${count} ${count === 1 ? 'item changed' : 'items changed'} since “${diff.since}”.`}
    </p>
  );
}

const arrow = (before: number | null, after: number | null) => `${share(before)} → ${share(after)}`;

export function Coverage({ coverage }: { coverage: PlanDiff['coverage'] }) {
  return (
    <p class="changes-coverage">
      <strong>Coverage</strong> {arrow(coverage.before, coverage.after)} of roadmap rows reach a goal.
    </p>
  );
}

interface MixProps {
  mix: PlanDiff['mix'];
  statuses: Readonly<Record<string, TargetStatus>>;
  titles: Readonly<Record<string, string>>;
}

export function MixChange({ mix, statuses, titles }: MixProps) {
  if (mix.length === 0) return null;
  return (
    <table class="plan-table changes-mix">
      <caption>Effort mix by pillar, before → after, against the target</caption>
      <thead>
        <tr>
          <th scope="col">Pillar</th>
          <th scope="col" class="mix-num">
            Before → after
          </th>
          <th scope="col" class="mix-num">
            Target
          </th>
        </tr>
      </thead>
      <tbody>
        {mix.map((row) => (
          <tr key={row.pillar}>
            <th scope="row">
              <bdi>{row.pillar}</bdi> {titles[row.pillar] && titles[row.pillar] !== row.pillar && <bdi>{titles[row.pillar]}</bdi>}{' '}
              {row.target !== null && statuses[row.pillar] && <StatusTag status={statuses[row.pillar]!} />}
            </th>
            <td class="mix-num">{arrow(row.before, row.after)}</td>
            <td class="mix-num">{share(row.target)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
