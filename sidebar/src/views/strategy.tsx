/**
 * Strategy, the one-pager: the mission and the vision, the pillars with their why and the
 * goals under each, each with how far it has come (a bar, and the percent and status in
 * words) and, for a goal, a way to check in on it; the anti-priorities with their why; and
 * where the roadmap's effort goes (by pillar and by goal) as tables a screen reader reads
 * like any other: the label, the percent and the effort are text; the bar beside them is
 * decoration.
 */
import { CheckInSlot, useDirtySet } from '../check-in-form';
import { ProgressBar } from '../progress-bar';
import type { Effort, ProgressView, Strategy as StrategyValue } from '../types';
import { useCall } from '../use-call';

type Statement = StrategyValue['mission'][number];

/** "By goal" shows this many goals; the rest are one click away. */
const TOP_GOALS = 12;

const percent = (share: number) => (share > 0 && share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`);
const amount = (effort: number) => String(Math.round(effort * 10) / 10);

/** What each kind of bar looks like, and what it means, for the legend and each row. */
const KINDS: readonly { kinds: readonly Effort['kind'][]; label: string }[] = [
  { kinds: ['pillar', 'goal'], label: 'Pillar or goal (solid)' },
  { kinds: ['anti'], label: 'Anti-priority: work the strategy said no to (striped)' },
  { kinds: ['no-pillar'], label: 'Reaches a goal, but no pillar (dashed)' },
  { kinds: ['no-goal'], label: 'Reaches no goal (hatched)' },
];

function Legend() {
  return (
    <ul class="mix-legend" aria-label="What the bars mean">
      {KINDS.map(({ kinds, label }) => (
        <li key={label}>
          <span class={`mix-swatch mix-${kinds[0]}`} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}

const barKey = (bar: Effort) => `${bar.kind}:${bar.key}`;

/**
 * Each bar's percent as shown, rounded so that a chart's percents add up to 100 (largest
 * remainder: the rounding is given to the bars closest to the next percent), with "<1%" for a
 * share too small to show as a whole percent.
 */
function shownPercents(all: readonly Effort[]): Map<string, string> {
  const total = all.reduce((sum, bar) => sum + bar.share, 0);
  const exact = all.map((bar) => (total > 0 ? (bar.share / total) * 100 : 0));
  const floors = exact.map(Math.floor);
  let left = total > 0 ? 100 - floors.reduce((a, b) => a + b, 0) : 0;
  const order = exact.map((value, at) => ({ at, rest: value - floors[at]! })).sort((a, b) => b.rest - a.rest);
  for (const { at } of order) {
    if (left <= 0) break;
    floors[at] = floors[at]! + 1;
    left--;
  }
  return new Map(all.map((bar, at) => [barKey(bar), floors[at] === 0 && bar.share > 0 ? '<1%' : `${floors[at]}%`]));
}

function MixTable({
  caption,
  column,
  bars,
  all = bars,
}: {
  caption: string;
  column: string;
  bars: readonly Effort[];
  all?: readonly Effort[];
}) {
  const percents = shownPercents(all);
  return (
    <table class="mix">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{column}</th>
          <th scope="col" class="mix-num">
            Share
          </th>
          <th scope="col" class="mix-num">
            Effort
          </th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={`${bar.kind}:${bar.key}`} class="mix-row" data-kind={bar.kind}>
            <th scope="row">
              {bar.id && (
                <>
                  <span class="mix-key">{bar.id}</span>{' '}
                </>
              )}
              <bdi>{bar.title}</bdi>
              {bar.kind === 'anti' && (
                <>
                  {' '}
                  <span class="mix-tag">anti-priority</span>
                </>
              )}
              <div class="mix-track" aria-hidden="true">
                <div
                  class={`mix-bar mix-${bar.kind}`}
                  style={{ width: bar.share > 0 ? `max(2px, ${Math.min(1, bar.share) * 100}%)` : '0' }}
                />
              </div>
            </th>
            <td class="mix-num">{percents.get(barKey(bar)) ?? percent(bar.share)}</td>
            <td class="mix-num">{amount(bar.effort)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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
  const { mission, vision, groups, antiPriorities, loose, checks, effort, progress } = strategy.value;
  const pillarProgress = byKey(progress.pillars);
  const goalProgress = byKey(progress.goals);
  const reload = () => void strategy.reload();
  const goals = effort.byGoal.filter((bar) => bar.kind === 'goal');
  const rest = effort.byGoal.filter((bar) => bar.kind !== 'goal');
  const noGoal = rest.reduce((sum, bar) => sum + bar.share, 0);
  const notCounted = [
    effort.unestimated > 0 ? `${effort.unestimated} with no effort estimate` : '',
    effort.declined > 0 ? `${effort.declined} marked declined` : '',
  ].filter(Boolean);
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
      {groups.map((group) => {
        const pillarView = pillarProgress.get(group.pillar.key);
        return (
          <section key={group.pillar.key} class="card">
            <div class="title">
              <bdi>{group.pillar.title}</bdi>
            </div>
            <p class={group.pillar.why ? 'why' : 'flag'}>{group.pillar.why ? <bdi>{group.pillar.why}</bdi> : '⚠ No why written yet.'}</p>
            {pillarView && <ProgressBar view={pillarView} />}
            <ul class="plain goals" aria-label={`Goals of ${group.pillar.title}`}>
              {group.goals.map((goal) => {
                const view = goalProgress.get(goal.key);
                return (
                  <li key={goal.key}>
                    <div class="goal-title">
                      <bdi>{goal.title}</bdi>
                    </div>
                    {view && <ProgressBar view={view} />}
                    {view && (
                      <CheckInSlot goal={view} onDirty={checkIns.mark(`${group.pillar.key}\u0000${goal.key}`)} onCheckedIn={reload} />
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {loose.length > 0 && <p class="muted">Goals under no pillar: {loose.map((goal) => goal.title).join(', ')}</p>}
      <h2>Anti-priorities</h2>
      {antiPriorities.length === 0 && <p class="flag">⚠ None: say what the strategy will not do.</p>}
      {antiPriorities.map((anti) => (
        <section key={anti.key} class="card anti">
          <div class="title">
            <bdi>{anti.title}</bdi>
          </div>
          <p class="why">{anti.why ? <bdi>{anti.why}</bdi> : '⚠ No why written yet.'}</p>
        </section>
      ))}
      <h2>Where the effort goes</h2>
      <p class="muted">
        {amount(effort.total)} units of roadmap effort in {effort.rows} {effort.rows === 1 ? 'row' : 'rows'}
        {effort.total > 0 ? `; ${percent(noGoal)} reach no goal.` : '.'}
        {notCounted.length > 0 ? ` Not counted: ${notCounted.join(', ')}.` : ''}
      </p>
      <Legend />
      <MixTable caption="By pillar" column="Pillar" bars={effort.byPillar} />
      {effort.straightToStrategy > 0 && (
        <p class="muted">
          {percent(effort.total > 0 ? effort.straightToStrategy / effort.total : 0)} is linked straight to a pillar or anti-priority, with
          no goal: it counts on that pillar above, and under "Reaches no goal" below.
        </p>
      )}
      <MixTable caption="By goal" column="Goal" bars={[...goals.slice(0, TOP_GOALS), ...rest]} all={effort.byGoal} />
      {goals.length > TOP_GOALS && (
        <details class="mix-all">
          <summary>All {goals.length} goals</summary>
          <MixTable caption={`All ${goals.length} goals`} column="Goal" bars={effort.byGoal} />
        </details>
      )}
    </div>
  );
}
