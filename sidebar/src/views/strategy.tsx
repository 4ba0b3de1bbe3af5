/**
 * Strategy, the one-pager: pillars with their why and the goals under each, the
 * anti-priorities with theirs, and where the roadmap's effort goes (by pillar and by goal,
 * and the share that reaches no goal) as bar charts.
 */
import type { Effort } from '../types';
import { useCall } from '../use-call';

function Bars({ title, rows, total }: { title: string; rows: { label: string; effort: number; tone: string }[]; total: number }) {
  const height = 30;
  const short = (label: string) => (label.length > 38 ? `${label.slice(0, 37)}…` : label);
  return (
    <figure>
      <figcaption>{title}</figcaption>
      <svg width="276" height={rows.length * height} role="img" aria-label={title}>
        {rows.map((row, i) => {
          const share = total === 0 ? 0 : row.effort / total;
          return (
            <g key={row.label} transform={`translate(0 ${i * height})`}>
              <text x="0" y="11" class="bar-label">{`${short(row.label)} · ${Math.round(share * 100)}%`}</text>
              <rect x="0" y="15" width={Math.max(2, share * 276)} height="10" rx="2" class={`bar ${row.tone}`}><title>{row.label}</title></rect>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

const asRows = (list: Effort[]) => list.map((entry) => ({ label: entry.title, effort: entry.effort, tone: entry.anti ? 'anti' : 'ok' }));

export function Strategy() {
  const strategy = useCall('strategy');
  if (strategy.loading && !strategy.value) return <p class="muted" role="status">Reading the strategy…</p>;
  if (strategy.error || !strategy.value) return <p class="error" role="alert">{strategy.error}</p>;
  const { groups, antiPriorities, loose, checks, effort } = strategy.value;
  const noGoal = effort.noGoal > 0 ? [{ label: 'No goal', effort: effort.noGoal, tone: 'none' }] : [];
  return (
    <div>
      {checks.map((check) => <p key={check} class="flag">⚠ {check}</p>)}
      <h2>Pillars</h2>
      {groups.map((group) => (
        <section key={group.pillar.key} class="card">
          <div class="title">{group.pillar.title}</div>
          <p class={group.pillar.why ? 'why' : 'flag'}>{group.pillar.why || '⚠ No why written yet.'}</p>
          <ul class="plain">{group.goals.map((goal) => <li key={goal.key}>{goal.title}</li>)}</ul>
        </section>
      ))}
      {loose.length > 0 && <p class="muted">Goals under no pillar: {loose.map((goal) => goal.title).join(', ')}</p>}
      <h2>Anti-priorities</h2>
      {antiPriorities.length === 0 && <p class="flag">⚠ None: say what the strategy will not do.</p>}
      {antiPriorities.map((anti) => (
        <section key={anti.key} class="card anti">
          <div class="title">{anti.title}</div>
          <p class="why">{anti.why || '⚠ No why written yet.'}</p>
        </section>
      ))}
      <h2>Where the effort goes</h2>
      <p class="muted">{effort.total} units of roadmap effort; {effort.total === 0 ? '–' : `${Math.round((100 * effort.noGoal) / effort.total)}%`} reach no goal.</p>
      <Bars title="By pillar" rows={[...asRows(effort.byPillar), ...noGoal]} total={effort.total} />
      <Bars title="By goal" rows={[...asRows(effort.byGoal.slice(0, 12)), ...noGoal]} total={effort.total} />
    </div>
  );
}
