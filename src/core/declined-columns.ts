/**
 * The declined list's columns: a request that was said no to, when, by whom it was asked,
 * why, and which pillar it didn't fit or which goal it didn't move.
 */
import { tokenize } from './columns';
import { once } from './once';
import { words } from './text';

export const DECLINED_ROLES = ['title', 'date', 'who', 'why', 'pillar', 'goal'] as const;
export type DeclinedRole = (typeof DECLINED_ROLES)[number];

const DECLINED_WORDS: Record<DeclinedRole, readonly string[]> = {
  title: ['request', 'title', 'name', 'item', 'feature', 'idea', 'ask', 'summary'],
  date: ['date', 'declined', 'when', 'declined on'],
  who: ['who', 'requested by', 'asked by', 'requester', 'customer', 'source', 'from'],
  why: ['why', 'reason', 'rationale', 'because'],
  pillar: ['pillar', 'strategy', 'theme', 'focus area'],
  goal: ['goal', 'objective', 'okr', 'kpi', 'metric', 'key result'],
};

const phrasesByRole = once(
  () =>
    Object.fromEntries(DECLINED_ROLES.map((role) => [role, DECLINED_WORDS[role].map((entry) => words(entry).join(' '))])) as Record<
      DeclinedRole,
      string[]
    >,
);
const compounds = once(() =>
  Object.values(DECLINED_WORDS)
    .flat()
    .map((entry) => words(entry))
    .filter((phrase) => phrase.length > 1),
);

/** Checked in this order; the title's words count only when no other role is named ("Why declined" is the reason). */
const STRONG_ROLES: readonly DeclinedRole[] = ['why', 'who', 'pillar', 'goal', 'date'];

/** The declined-list role a header names, or null. */
export function declinedRoleOf(header: string): DeclinedRole | null {
  const tokens = tokenize(header, compounds());
  const names = (role: DeclinedRole) => phrasesByRole()[role].some((phrase) => tokens.includes(phrase));
  return STRONG_ROLES.find(names) ?? (names('title') ? 'title' : null);
}
