/**
 * Large planning workbooks for benchmarks: a mission, a vision, 5 pillars and 2
 * anti-priorities, one goal per 50 roadmap rows, and two tasks per roadmap row. Links are
 * a realistic mix: mostly one goal by id, some split across two goals with shares, some
 * nested under another roadmap row, some by title, a few broken or empty. Deterministic.
 */
import type { Cell, WorkbookSnapshot } from '../src/core/snapshot';

export interface GeneratedSizes {
  readonly roadmap: number;
  readonly tasksPerRoadmapRow: number;
  /** How many goals (default one per 50 roadmap rows). */
  readonly goals?: number;
  /**
   * Goals measured in every form of DESIGN §9 (baseline, target, current, direction, dates;
   * some with a progress cell, some yes/no, some nothing), one key result in four nested
   * under the goal before it, and two check-ins per goal in a Check-ins tab.
   */
  readonly metrics?: boolean;
}

/** A small deterministic pseudo-random sequence, so every run measures the same workbook. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function generateWorkbook({ roadmap, tasksPerRoadmapRow, goals: goalsWanted, metrics = false }: GeneratedSizes): WorkbookSnapshot {
  const random = sequence(roadmap);
  const pick = (n: number) => Math.floor(random() * n);
  const goalCount = goalsWanted ?? Math.max(10, Math.round(roadmap / 50));
  const pillars: Cell[][] = [['ID', 'Pillar', 'Type', 'Why']];
  for (let p = 1; p <= 5; p++) pillars.push([`P${p}`, `Pillar ${p}`, 'Pillar', `Because of reason ${p}`]);
  pillars.push(['A1', 'Anti-priority 1', 'Anti-priority', 'Not us'], ['A2', 'Anti-priority 2', 'Anti-priority', 'Not now']);
  const goals: Cell[][] = [['Goal ID', 'Goal', 'Pillar', 'Weight', ...(metrics ? METRIC_HEADERS : [])]];
  const checkIns: Cell[][] = [['Date', 'Goal', 'Value', 'Confidence']];
  for (let g = 1; g <= goalCount; g++) {
    // With metrics, one goal in four is a key result of the goal before it.
    const pillar = metrics && g % 4 === 0 ? String(g - 1) : g % 97 === 0 ? 'A1' : `P${1 + (g % 5)}`;
    goals.push([g, `Goal number ${g}`, pillar, 1 + (g % 3), ...(metrics ? metricCells(g, random) : [])]);
    if (metrics && g % 5 < 3) {
      for (const month of [7, 8]) checkIns.push([new Date(Date.UTC(2026, month, 1 + (g % 28))), g, Math.round(random() * 120)]);
    }
  }
  const rows: Cell[][] = [['ID', 'Initiative', 'Goal', 'Effort', 'Impact', 'Confidence', 'Reach', 'Owner', 'Status']];
  for (let r = 1; r <= roadmap; r++) {
    const roll = random();
    let link: Cell;
    if (roll < 0.6) link = 1 + pick(goalCount);
    else if (roll < 0.75) link = `${1 + pick(goalCount)} (70%), ${1 + pick(goalCount)} (30%)`;
    else if (roll < 0.88 && r > 1) link = `R-${1 + pick(r - 1)}`;
    else if (roll < 0.96) link = `goal number ${1 + pick(goalCount)}`;
    else if (roll < 0.98) link = `G-missing-${r}`;
    else link = '';
    rows.push([
      `R-${r}`,
      `Initiative ${r}`,
      link,
      ['S', 'M', 'L', 3, 5][pick(5)]!,
      ['High', 'Medium', 'Low', 2][pick(4)]!,
      0.5 + random() / 2,
      100 + pick(10_000),
      `Owner ${pick(40)}`,
      'Planned',
    ]);
  }
  const tasks: Cell[][] = [['Ticket ID', 'Task', 'Initiative', 'Points']];
  for (let t = 1; t <= roadmap * tasksPerRoadmapRow; t++) tasks.push([`T-${t}`, `Task ${t}`, `R-${1 + pick(roadmap)}`, 1 + pick(8)]);
  const declined: Cell[][] = [['Date', 'Request', 'Reason']];
  for (let d = 1; d <= Math.max(5, roadmap / 100); d++)
    declined.push([new Date(Date.UTC(2026, 0, 1 + (d % 300))), `Initiative ${d * 97}`, 'Not now']);
  return {
    sheets: [
      { name: 'Mission', values: [['Mission'], ['Make planning honest']] },
      { name: 'Vision', values: [['Vision'], ['Every row knows why it exists']] },
      { name: 'Strategy', values: pillars },
      { name: 'Goals', values: goals },
      { name: 'Roadmap', values: rows },
      ...(tasksPerRoadmapRow > 0 ? [{ name: 'Backlog', values: tasks }] : []),
      { name: 'Not on roadmap', values: declined },
      ...(metrics ? [{ name: 'Check-ins', values: checkIns }] : []),
    ],
  };
}

const METRIC_HEADERS = ['Baseline', 'Target', 'Current', 'Direction', 'Progress', 'Start', 'Due'];

/** A goal's measures, cycling through §9's forms. */
function metricCells(g: number, random: () => number): Cell[] {
  const start = new Date(Date.UTC(2026, (g % 4) * 3, 1));
  const due = new Date(Date.UTC(2026, (g % 4) * 3 + 3, 0));
  const amount = () => Math.round(random() * 100);
  switch (g % 6) {
    case 0:
      return [10, 110, 10 + amount(), 'Increase', '', start, due];
    case 1:
      return ['', 50, amount(), 'Decrease', '', start, due];
    case 2:
      return ['', '', '', '', `${amount()}%`, start, due];
    case 3:
      return ['', 100, amount(), '', '', '', ''];
    case 4:
      return ['', '', random() < 0.5 ? 'Done' : 'Not done', '', '', '', ''];
    default:
      return ['', '', '', '', '', '', ''];
  }
}
