/**
 * Strategy, the one-pager: the mission and the vision, the pillars with their why and the
 * goals under each, each with how far it has come (a bar, and the percent and status in
 * words) and, for a goal, a way to check in on it; the anti-priorities with their why; and
 * each pillar's share of effort against its target (when the strategy gives targets), and
 * where the roadmap's effort goes (by pillar and by goal) as tables a screen reader reads
 * like any other: the label, the percent and the effort are text; the bar beside them is
 * decoration.
 */
import { CheckInSlot } from '../check-in-form';
import { ProgressBar } from '../progress-bar';
import type { PillarInvestment, ProgressView, Strategy as StrategyValue } from '../types';
import { useCall } from '../use-call';
import { useDirtySet } from '../use-dirty-set';
import { EffortMix } from './strategy-effort';
import { EffortTargets, PillarTarget } from './strategy-targets';

type Statement = StrategyValue['mission'][number];
type Group = StrategyValue['groups'][number];

function Statements({ label, list, missing }: { label: string; list: readonly Statement[]; missing: string }) {
  return (
    <section class="statement" aria-label={label}>
      <h2>{label}</h2>
      {list.length === 0 && <p class="muted">{missing}</p>}
      {list.map((statement) => (
        <div key={statement.key} class="statement-item">
          <p class="statement-text">
            <bdi>{statement.title}</bdi>
          </p>
          {statement.why && (
            <p class="why">
              <bdi>{statement.why}</bdi>
            </p>
          )}
        </div>
      ))}
    </section>
  );
}

/** Progress by key, the first of each (the briefs name a goal by its key alone). */
function byKey(list: readonly ProgressView[]): Map<string, ProgressView> {
  const map = new Map<string, ProgressView>();
  for (const view of list) if (!map.has(view.key)) map.set(view.key, view);
  return map;
}

interface PillarProps {
  group: Group;
  pillarView: ProgressView | undefined;
  goalProgress: ReadonlyMap<string, ProgressView>;
  /** Its share of effort against its target, when it has one. */
  investment: PillarInvestment | undefined;
  onDirty(id: string): (dirty: boolean) => void;
  onCheckedIn(): void;
}

/** A pillar: its why (or that it has none), its progress, and its goals, each with its progress and a way to check in. */
function PillarCard({ group, pillarView, goalProgress, investment, onDirty, onCheckedIn }: PillarProps) {
  return (
    <section class="card">
      <div class="title">
        <bdi>{group.pillar.title}</bdi>
      </div>
      <p class={group.pillar.why ? 'why' : 'flag'}>{group.pillar.why ? <bdi>{group.pillar.why}</bdi> : '⚠ No why written yet.'}</p>
      {pillarView && <ProgressBar view={pillarView} />}
      <PillarTarget pillar={investment} />
      <ul class="plain goals" aria-label={`Goals of ${group.pillar.title}`}>
        {group.goals.map((goal) => {
          const view = goalProgress.get(goal.key);
          return (
            <li key={goal.key}>
              <div class="goal-title">
                <bdi>{goal.title}</bdi>
              </div>
              {view && <ProgressBar view={view} />}
              {view && <CheckInSlot goal={view} onDirty={onDirty(`${group.pillar.key}\u0000${goal.key}`)} onCheckedIn={onCheckedIn} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function AntiPriorities({ list }: { list: StrategyValue['antiPriorities'] }) {
  return (
    <>
      <h2>Anti-priorities</h2>
      {list.length === 0 && <p class="flag">⚠ None: say what the strategy will not do.</p>}
      {list.map((anti) => (
        <section key={anti.key} class="card anti">
          <div class="title">
            <bdi>{anti.title}</bdi>
          </div>
          <p class="why">{anti.why ? <bdi>{anti.why}</bdi> : '⚠ No why written yet.'}</p>
        </section>
      ))}
    </>
  );
}

export function Strategy({ active = true, onDirty }: { active?: boolean; onDirty?: (dirty: boolean) => void }) {
  // Kept while hidden: asked again each time it is shown, since the other views write meanwhile.
  const strategy = useCall('strategy', undefined, [], active);
  const checkIns = useDirtySet(onDirty);
  if (strategy.loading && !strategy.value)
    return (
      <p class="muted" role="status">
        Reading the strategy…
      </p>
    );
  if (strategy.error || !strategy.value)
    return (
      <p class="error" role="alert">
        {strategy.error}
      </p>
    );
  const { mission, vision, groups, antiPriorities, loose, checks, effort, progress, investment } = strategy.value;
  const pillarProgress = byKey(progress.pillars);
  const goalProgress = byKey(progress.goals);
  const reload = () => void strategy.reload();
  return (
    <div class="strategy">
      <Statements label="Mission" list={mission} missing="No mission yet: a tab named Mission holds it." />
      <Statements label="Vision" list={vision} missing="No vision yet: a tab named Vision holds it." />
      {checks.map((check) => (
        <p key={check} class="flag">
          ⚠ {check}
        </p>
      ))}
      <h2>Pillars</h2>
      {progress.today && <p class="muted as-of">Progress as of {progress.today}.</p>}
      {groups.map((group) => (
        <PillarCard
          key={group.pillar.key}
          group={group}
          pillarView={pillarProgress.get(group.pillar.key)}
          goalProgress={goalProgress}
          investment={investment.pillars.find((pillar) => pillar.key === group.pillar.key)}
          onDirty={checkIns.mark}
          onCheckedIn={reload}
        />
      ))}
      {loose.length > 0 && <p class="muted">Goals under no pillar: {loose.map((goal) => goal.title).join(', ')}</p>}
      <AntiPriorities list={antiPriorities} />
      <EffortTargets investment={investment} />
      <EffortMix effort={effort} />
    </div>
  );
}
