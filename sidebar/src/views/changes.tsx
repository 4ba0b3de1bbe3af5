/**
 * What changed (DESIGN §10): the plan now against a snapshot tab the PM picks (the newest
 * first): how many items changed, coverage and the effort mix before → after, each change
 * under its pillar and goal, the requests declined since and those that came back; with no
 * snapshot yet, a sentence saying so. "Freeze this plan" is always at the end, and a freeze
 * shows what changed since the new snapshot (nothing, yet).
 */
import { useState } from 'preact/hooks';
import { FreezePlan } from '../freeze-plan';
import type { PlanChanges } from '../types';
import { useCall } from '../use-call';
import { CameBack, ChangeGroups, DeclinedSince } from './changes-lists';
import { ChangeCount, Coverage, MixChange, SnapshotPicker } from './changes-summary';

/** The comparison with the snapshot picked (`since`; the newest while none is). */
const usePlanChanges = (since: string | undefined, active: boolean) =>
  useCall('planChanges', since === undefined ? undefined : { since }, [since], active);

function Compared({ value, busy, onPick }: { value: PlanChanges; busy: boolean; onPick(sheet: string): void }) {
  const { diff } = value;
  if (!diff)
    return (
      <p class="muted">
        There is no snapshot of the plan yet. Freeze the plan now, and come back once it has moved to see what changed since.
      </p>
    );
  return (
    <>
      <SnapshotPicker snapshots={value.snapshots} since={value.since} busy={busy} onPick={onPick} />
      <ChangeCount diff={diff} busy={busy} />
      <Coverage coverage={diff.coverage} />
      <MixChange mix={diff.mix} statuses={value.mixStatus} titles={value.pillarTitles} />
      <ChangeGroups groups={value.groups} />
      <DeclinedSince list={diff.declined} />
      <CameBack list={diff.cameBack} />
    </>
  );
}

/** Loading, a refusal (a snapshot tab gone since it was picked: back to the newest), or the comparison. */
function Body({
  changes,
  since,
  onPick,
}: {
  changes: ReturnType<typeof usePlanChanges>;
  since: string | undefined;
  onPick(sheet?: string): void;
}) {
  if (changes.loading && !changes.value)
    return (
      <p class="muted" role="status">
        Reading the snapshots…
      </p>
    );
  if (changes.error || !changes.value)
    return (
      <div role="alert">
        <p class="error">{changes.error}</p>
        {since !== undefined && (
          <button type="button" onClick={() => onPick(undefined)}>
            Compare with the newest snapshot
          </button>
        )}
      </div>
    );
  return <Compared value={changes.value} busy={changes.loading} onPick={onPick} />;
}

export function Changes({ active = true }: { active?: boolean }) {
  const [since, setSince] = useState<string | undefined>(undefined);
  // Kept while hidden: asked again each time it is shown, since the other views write meanwhile.
  const changes = usePlanChanges(since, active);
  return (
    <div class="changes">
      <h2>What changed</h2>
      <Body changes={changes} since={since} onPick={setSince} />
      <FreezePlan onFrozen={setSince} />
    </div>
  );
}
