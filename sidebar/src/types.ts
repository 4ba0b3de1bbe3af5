/**
 * The shapes the server calls answer with, taken from the server's own list of calls
 * (src/api/calls.ts), so the sidebar and the server cannot drift apart.
 */
import type { ApiOutput } from '../../src/api/calls';

export type Health = ApiOutput<'health'>;
export type RowContext = ApiOutput<'rowContext'>;
export type RowItem = NonNullable<RowContext['item']>;
export type CurrentLink = RowItem['links'][number];
export type Queued = Health['flagged'][number];
export type Picker = RowContext['picker'];
export type Brief = Picker['goals'][number];
export type Strategy = ApiOutput<'strategy'>;
export type Effort = Strategy['effort']['byGoal'][number];
export type Setup = ApiOutput<'setup'>;
export type SetupTab = Setup['tabs'][number];
export type StrategyProgress = Strategy['progress'];
export type ProgressView = StrategyProgress['goals'][number];
export type GoalProgress = ApiOutput<'goalProgress'>;
export type CheckInView = GoalProgress['checkIns'][number];
export type CheckedIn = ApiOutput<'checkIn'>;
export type Declined = ApiOutput<'declineRow'>;
export type Investment = Strategy['investment'];
export type PillarInvestment = Investment['pillars'][number];
export type PlanChanges = ApiOutput<'planChanges'>;
export type PlanDiff = NonNullable<PlanChanges['diff']>;
export type ChangeGroup = PlanChanges['groups'][number];
export type Snapshot = PlanChanges['snapshots'][number];
export type Frozen = ApiOutput<'freezePlan'>;
