/**
 * Investment targets in words (DESIGN §10): a share as a whole percent; whether a pillar's
 * actual share of effort is under, over or on its target comes from the server, and is said
 * in words so the colour that goes with it never says anything alone.
 */
import type { PillarInvestment } from './types';

/** A fraction as a whole percent, "<1%" for a share too small to show, "–" for none. */
export function share(fraction: number | null): string {
  if (fraction === null) return '–';
  if (fraction > 0 && fraction < 0.005) return '<1%';
  return `${Math.round(fraction * 100) || 0}%`;
}

/** Whether a pillar is under, over or on its target: the server says, with the tolerance the workbook's settings give. */
export type TargetStatus = PillarInvestment['status'];

/** Whether the strategy tab gives any pillar a target (else the view shows nothing of targets). */
export const hasTargets = (pillars: readonly PillarInvestment[]): boolean => pillars.some((pillar) => pillar.target !== null);
