/**
 * Strategy's "Effort against target" (DESIGN §10): each pillar's actual share of the roadmap's
 * effort beside the share the strategy tab gives it, and whether it is under or over target,
 * in words; then the anti-priorities against 0% and the effort that reaches no pillar. A table
 * a screen reader reads like any other; the bar (and its target mark) is decoration. Shown
 * only when some pillar has a target.
 */
import type { ComponentChildren } from 'preact';
import { hasTargets, share, type TargetStatus } from '../investment-words';
import type { Investment, PillarInvestment } from '../types';

const TAG_CLASS: Record<TargetStatus, string> = {
  'under target': 'target-tag target-off',
  'over target': 'target-tag target-off',
  'on target': 'target-tag target-on',
  'no target': 'target-tag target-none',
};

/** The words, with a warning sign before a pillar off its target. */
export function StatusTag({ status }: { status: TargetStatus }) {
  const off = status === 'under target' || status === 'over target';
  return <span class={TAG_CLASS[status]}>{off ? `⚠ ${status}` : status}</span>;
}

/** The actual share as a bar, the target as a mark across it. */
function Track({ actual, target }: { actual: number; target: number | null }) {
  const at = (fraction: number) => `${Math.max(0, Math.min(1, fraction)) * 100}%`;
  return (
    <div class="target-track" aria-hidden="true">
      <div class="target-fill" style={{ width: actual > 0 ? `max(2px, ${at(actual)})` : '0' }} />
      {target !== null && <div class="target-mark" style={{ left: at(target) }} />}
    </div>
  );
}

interface RowProps {
  label: ComponentChildren;
  actual: number;
  target: number | null;
  tag: ComponentChildren;
  kind: string;
}

function TargetRow({ label, actual, target, tag, kind }: RowProps) {
  return (
    <tr class="target-row" data-kind={kind}>
      <th scope="row">
        {label} {tag}
        <Track actual={actual} target={target} />
      </th>
      <td class="mix-num">{share(actual)}</td>
      <td class="mix-num">{share(target)}</td>
    </tr>
  );
}

function PillarLabel({ pillar }: { pillar: PillarInvestment }) {
  return (
    <>
      <span class="mix-key">{pillar.key}</span> <bdi>{pillar.title}</bdi>
    </>
  );
}

export function EffortTargets({ investment }: { investment: Investment }) {
  if (!hasTargets(investment.pillars)) return null;
  return (
    <section aria-labelledby="targets-head">
      <h2 id="targets-head">Effort against target</h2>
      <table class="plan-table targets">
        <caption>Each pillar's share of roadmap effort, against the share the strategy gives it</caption>
        <thead>
          <tr>
            <th scope="col">Pillar</th>
            <th scope="col" class="mix-num">
              Actual
            </th>
            <th scope="col" class="mix-num">
              Target
            </th>
          </tr>
        </thead>
        <tbody>
          {investment.pillars.map((pillar) => (
            <TargetRow
              key={pillar.key}
              kind="pillar"
              label={<PillarLabel pillar={pillar} />}
              actual={pillar.actual}
              target={pillar.target}
              tag={<StatusTag status={pillar.status} />}
            />
          ))}
          <TargetRow kind="anti" label="Anti-priorities" actual={investment.antiPriorities} target={0} tag={null} />
          <TargetRow kind="no-pillar" label="Reaches no pillar" actual={investment.noPillar} target={null} tag={null} />
        </tbody>
      </table>
      <p class="muted">
        A pillar far off its target is flagged. Anti-priorities should get none of the effort; effort that reaches no pillar serves none of
        the targets.
      </p>
    </section>
  );
}

/** A pillar card's line: "Effort: actual 7% · target 20% · under target" (effort, not progress, beside the progress bar). */
export function PillarTarget({ pillar }: { pillar: PillarInvestment | undefined }) {
  if (!pillar || pillar.target === null) return null;
  return (
    <p class="target-line">
      Effort: actual {share(pillar.actual)} · target {share(pillar.target)} · <StatusTag status={pillar.status} />
    </p>
  );
}
