/**
 * Strategy's "Where the effort goes": the roadmap's effort by pillar and by goal, as tables a
 * screen reader reads like any other (the label, the percent and the effort are text; the bar
 * beside them is decoration), with a legend for the kinds of bar.
 */
import type { Effort, Strategy as StrategyValue } from '../types';

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

function MixRow({ bar, shown }: { bar: Effort; shown: string }) {
  return (
    <tr class="mix-row" data-kind={bar.kind}>
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
          <div class={`mix-bar mix-${bar.kind}`} style={{ width: bar.share > 0 ? `max(2px, ${Math.min(1, bar.share) * 100}%)` : '0' }} />
        </div>
      </th>
      <td class="mix-num">{shown}</td>
      <td class="mix-num">{amount(bar.effort)}</td>
    </tr>
  );
}

/** `all`: the whole chart the percents are rounded over, when `bars` shows only part of it. */
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
          <MixRow key={barKey(bar)} bar={bar} shown={percents.get(barKey(bar)) ?? percent(bar.share)} />
        ))}
      </tbody>
    </table>
  );
}

export function EffortMix({ effort }: { effort: StrategyValue['effort'] }) {
  const goals = effort.byGoal.filter((bar) => bar.kind === 'goal');
  const rest = effort.byGoal.filter((bar) => bar.kind !== 'goal');
  const noGoal = rest.reduce((sum, bar) => sum + bar.share, 0);
  const notCounted = [
    effort.unestimated > 0 ? `${effort.unestimated} with no effort estimate` : '',
    effort.declined > 0 ? `${effort.declined} marked declined` : '',
  ].filter(Boolean);
  return (
    <>
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
    </>
  );
}
