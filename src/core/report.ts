/**
 * The audit as a PM reads it in a terminal: the layers found, the strategy checks, how much
 * of the roadmap reaches a goal, how far each pillar and goal has come, counts per flag,
 * then each flagged row with its trace.
 * Cell text is stripped of control characters so a cell cannot drive the terminal.
 */
import { auditLayers, itemsInCascadeOrder } from './audit';
import type { Cascade } from './cascade';
import { flagCounts } from './flags';
import type { Item } from './items';
import { LAYERS, type LayerCode } from './layers';
import { dayText } from './metric-values';
import { noMetricAnywhere } from './progress-flags';
import { amountText, asPercent, paceText } from './progress-format';
import { clip, printable } from './text';
import { tracePath } from './trace';

const plural = (count: number, noun: string, nouns = `${noun}s`) => `${count} ${count === 1 ? noun : nouns}`;
const safe = (text: string, max: number) => printable(clip(text, max));

function table(rows: string[][], indent = '  '): string[] {
  const widths = rows[0]?.map((_, col) => rows.reduce((widest, row) => Math.max(widest, row[col]!.length), 0)) ?? [];
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col]!)))
        .join('  ')
        .trimEnd(),
  );
}

/** Share of work rows, and of their effort, that reach a goal. */
export function coverage(cascade: Cascade, layer: LayerCode): { rows: number; reaching: number; effort: number; effortReaching: number } {
  let rows = 0;
  let reaching = 0;
  let effort = 0;
  let effortReaching = 0;
  for (const item of cascade.items) {
    if (item.layer !== layer || cascade.structure.markedDeclined.has(item.index)) continue;
    rows++;
    effort += item.effort ?? 0;
    if (cascade.reach.throughGoal[item.index]) {
      reaching++;
      effortReaching += item.effort ?? 0;
    }
  }
  return { rows, reaching, effort, effortReaching };
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);

const ROWS_LISTED = 12;

/**
 * One line per flag and row, except that a message repeated on several rows of a tab (one
 * broken reference copied down a column, "the workbook has no goals tab") is said once, with
 * the rows it is on.
 */
function details(cascade: Cascade, flagged: readonly Item[]): string[] {
  const groups = new Map<string, { sheet: string; rows: number[]; line: string }>();
  for (const item of flagged) {
    for (const flag of cascade.flags[item.index]!) {
      const line = `${flag.code}: ${safe(flag.message, 300)}`;
      const id = `${item.sheet}\u0000${line}`;
      const group = groups.get(id);
      if (group) group.rows.push(item.row);
      else groups.set(id, { sheet: item.sheet, rows: [item.row], line });
    }
  }
  const out: string[] = [];
  for (const { sheet, rows, line } of groups.values()) {
    rows.sort((a, b) => a - b);
    const listed = rows.slice(0, ROWS_LISTED).join(', ');
    const where =
      rows.length === 1
        ? `${safe(sheet, 30)}!${rows[0]}`
        : `${safe(sheet, 30)} rows ${listed}${rows.length > ROWS_LISTED ? ` and ${rows.length - ROWS_LISTED} more` : ''} (${rows.length} rows)`;
    out.push(`  ${where}  ${line}`);
  }
  return out;
}

export function auditReport(cascade: Cascade, fileName: string): string {
  return [
    `Ladder audit of ${printable(fileName)}`,
    '',
    ...layersSection(cascade),
    ...strategySection(cascade),
    '',
    ...investmentSection(cascade),
    ...progressSection(cascade),
    ...flagsSection(cascade),
  ].join('\n');
}

/** Which tab is which layer, and the warnings about how the workbook was read. */
function layersSection(cascade: Cascade): string[] {
  const lines = ['Layers'];
  const headerOf = (row: number | null) => (row === null ? 'no header row' : `header row ${row}`);
  // One line per tab and layer: a Jira export's epics and stories are two.
  const layerRows = [
    ...auditLayers(cascade).map((entry) => [entry.layer, safe(entry.sheet, 40), headerOf(entry.headerRow), plural(entry.items, 'item')]),
    ...cascade.plans
      .filter((plan) => plan.use === 'declined')
      .map((plan) => [
        'declined',
        safe(plan.sheet, 40),
        headerOf(plan.headerRow),
        plural(cascade.declined.filter((d) => d.sheet === plan.sheet).length, 'request'),
      ]),
  ];
  lines.push(...table(layerRows), '');
  if (cascade.warnings.length > 0) {
    lines.push('How the workbook was read');
    for (const warning of cascade.warnings) lines.push(`  ⚠ ${safe(warning, 800)}`);
    lines.push('');
  }
  return lines;
}

/** The strategy-wide checks and each work layer's coverage. */
function strategySection(cascade: Cascade): string[] {
  const { pillars, antiPriorities, flags } = cascade.strategy;
  const hasStrategy = cascade.plans.some((plan) => plan.use === 'strategy');
  const lines = [
    hasStrategy
      ? `Strategy: ${plural(pillars, 'pillar')}, ${plural(antiPriorities, 'anti-priority', 'anti-priorities')}`
      : 'Strategy: no strategy tab, so no pillar checks',
  ];
  for (const flag of flags) lines.push(`  ⚠ ${flag.code}: ${flag.message}`);
  for (const { code: layer } of LAYERS.filter((spec) => spec.isWork)) {
    const cover = coverage(cascade, layer);
    if (cover.rows === 0) continue;
    const effort =
      cover.effort > 0
        ? `; ${percent(cover.effortReaching, cover.effort)} of their effort (${cover.effortReaching} of ${cover.effort})`
        : '';
    lines.push(
      `Coverage (${layer}): ${cover.reaching} of ${plural(cover.rows, 'row')} reach a goal (${percent(cover.reaching, cover.rows)})${effort}`,
    );
  }
  return lines;
}

/** Each pillar's share of roadmap effort against its target (DESIGN §10), when the strategy gives targets. */
function investmentSection(cascade: Cascade): string[] {
  if (cascade.structure.targets.size === 0) return [];
  const investment = cascade.investment();
  const share = (fraction: number | null) => (fraction === null ? '–' : asPercent(fraction));
  const flagOf = (key: string) => {
    const item = cascade.items.find((candidate) => candidate.key === key && cascade.structure.targets.has(candidate.index));
    const flag = item ? cascade.flags[item.index]!.find((f) => f.code === 'OVER_INVESTED' || f.code === 'UNDER_INVESTED') : undefined;
    return flag?.code ?? '';
  };
  const rows = [
    ['', 'pillar', 'actual', 'target', ''],
    ...investment.pillars.map((pillar) => [
      safe(pillar.key, 20),
      safe(pillar.title, 40),
      share(pillar.actual),
      share(pillar.target),
      flagOf(pillar.key),
    ]),
    ['', 'anti-priorities', share(investment.antiPriorities), '0%', ''],
    ['', 'no pillar', share(investment.noPillar), '', ''],
  ];
  return [
    `Investment: each pillar's share of roadmap effort (${amountText(investment.total, false)} in all) against its target`,
    ...table(rows),
    '',
  ];
}

/** Each pillar and goal: progress, status and pace (DESIGN §9). */
function progressSection(cascade: Cascade): string[] {
  const shown = itemsInCascadeOrder(cascade).filter((item) => {
    const spec = LAYERS[item.rank]!;
    return spec.isGoal || (spec.isStrategy && !item.isAntiPriority);
  });
  if (shown.length === 0) return [];
  const { today } = cascade.progress;
  const lines = [`Progress${today === null ? '' : ` (as of ${dayText(today)})`}`];
  const nothing = noMetricAnywhere(cascade.progress);
  if (nothing) return [...lines, `  ${nothing}`, ''];
  const rows = shown.map((item) => {
    const fraction = cascade.progress.progress[item.index]!;
    return [
      LAYERS[item.rank]!.isStrategy ? 'pillar' : 'goal',
      safe(item.key, 20),
      safe(item.title, 40),
      Number.isNaN(fraction) ? '–' : asPercent(fraction),
      cascade.progress.status[item.index] ?? (cascade.progress.goals.get(item.index)?.measured === false ? 'no metric' : ''),
      paceText(cascade.progress.goals.get(item.index)),
    ];
  });
  return [...lines, ...table(rows), ''];
}

/** The count per flag, then every flagged row with its first path, then the details. */
function flagsSection(cascade: Cascade): string[] {
  const flagged = itemsInCascadeOrder(cascade).filter((item) => cascade.flags[item.index]!.length > 0);
  const lines = [`Flags: ${plural(flagged.length, 'flagged row')} of ${cascade.items.length}`];
  const perFlag = flagCounts(cascade);
  if (perFlag.length > 0) lines.push(...table(perFlag.map(({ code, rows }) => [code, String(rows)])));
  lines.push('');
  if (flagged.length === 0) return [...lines, 'Nothing is flagged: every row reaches a goal.'];
  lines.push('Flagged rows');
  const rows = flagged.map((item) => {
    const firstPath = tracePath(cascade, item.index).split('\n');
    const more = firstPath.length > 1 ? ` (+${firstPath.length - 1} more)` : '';
    return [
      `${safe(item.sheet, 30)}!${item.row}`,
      safe(item.key, 20),
      safe(item.title, 40),
      cascade.flags[item.index]!.map((flag) => flag.code).join(','),
      safe(firstPath[0]!, 200) + more,
    ];
  });
  for (const line of table(rows)) lines.push(line);
  lines.push('', 'Details', ...details(cascade, flagged));
  return lines;
}
