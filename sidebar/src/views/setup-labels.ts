/**
 * Setup's words and shapes: the layers, column roles and sources as a PM names them, and an
 * edit to a tab as typed (a header row is text until saved).
 */
import type { ApiInput } from '../../../src/api/calls';
import type { SetupTab } from '../types';

export type Mapping = ApiInput<'saveSetup'>['tabs'][number];
export type Use = Mapping['use'];
export type Role = keyof NonNullable<Mapping['columns']>;

export const ROLE_LABELS: Record<string, string> = {
  id: 'Id',
  title: 'Title',
  parent: 'Link up',
  group: 'Listed under (objective)',
  why: 'Why',
  kind: 'Type',
  effort: 'Effort',
  impact: 'Impact',
  confidence: 'Confidence',
  reach: 'Reach',
  weight: 'Weight',
  baseline: 'Baseline',
  target: 'Target',
  current: 'Current value',
  direction: 'Direction',
  progress: 'Progress',
  start: 'Start date',
  due: 'Due date',
  date: 'Date',
  who: 'Who asked',
  pillar: "Pillar it didn't fit",
  goal: "Goal it didn't move",
};

/** Layers as a PM names them. */
export const USE_LABELS: Record<Use, string> = {
  mission: 'Mission',
  vision: 'Vision',
  strategy: 'Strategy pillars',
  'anti-priorities': 'Anti-priorities',
  goals: 'Goals or OKRs',
  roadmap: 'Roadmap',
  tasks: 'Tasks or backlog',
  declined: 'Declined requests',
  ignore: 'Not read',
};

export const SOURCE_LABELS: Record<string, string> = {
  settings: 'your setting',
  detected: 'detected from its name',
  columns: 'guessed from its columns',
};

export interface Edit {
  use: Use;
  headerRow: string;
  columns: Partial<Record<Role, string>>;
}

/** "7 rows", "1 row", "2 requests" (a declined list holds requests). */
export const countOf = (tab: SetupTab) => {
  const noun = tab.use === 'declined' ? 'request' : 'row';
  return `${tab.items} ${noun}${tab.items === 1 ? '' : 's'}`;
};

export const detectedColumn = (tab: SetupTab, role: string) => tab.columns.find((column) => column.role === role)?.headers[0] ?? '';
