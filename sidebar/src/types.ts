/** The shapes the server calls answer with, as the sidebar uses them. */
export type { Health } from '../../src/core/health';

export interface Brief {
  key: string;
  title: string;
  why: string;
}

export interface Picker {
  groups: { pillar: Brief; goals: Brief[] }[];
  antiPriorities: (Brief & { goals: Brief[] })[];
  loose: Brief[];
  pillars: Brief[];
  goals: Brief[];
}

export interface RowItem {
  sheet: string;
  row: number;
  key: string;
  title: string;
  layer: string;
  linkText: string;
  canLink: boolean;
  flags: { code: string; message: string }[];
  trace: string;
  why: string;
}

export interface RowContext {
  selection: { sheet: string; row: number } | null;
  item: RowItem | null;
  picker: Picker;
}

export interface Effort {
  key: string;
  title: string;
  effort: number;
  anti: boolean;
}

export interface Strategy extends Picker {
  checks: string[];
  effort: { total: number; noGoal: number; noPillar: number; byGoal: Effort[]; byPillar: Effort[] };
  warnings: string[];
}

export interface SetupTab {
  sheet: string;
  use: string;
  headerRow: number | null;
  source: string;
  columns: { role: string; headers: string[] }[];
  headers: string[];
  items: number;
}

export interface Setup {
  tabs: SetupTab[];
  saved: { version: 1; tabs: { sheet: string; use: string; headerRow?: number; columns?: Record<string, string> }[] };
  warnings: string[];
}
