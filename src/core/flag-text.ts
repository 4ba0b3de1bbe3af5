/**
 * Flags as they are written into the sheet: a short line per flag in the Ladder column
 * (`⚠ NO_GOAL`, `⚠ BROKEN_LINK: "O9" not found`) and a note that explains each one in words
 * a PM can act on.
 */
import type { Flag, FlagCode } from './flags';
import { clip } from './text';

/** What each flag means and what to do about it, for the cell note. */
export const FLAG_EXPLANATIONS: Record<FlagCode, string> = {
  NO_GOAL: 'No path up from this row reaches a goal. Link it to a goal, or decline it.',
  NO_PARENT: 'Nothing in the link cell points to a row above. Fill in or fix the link.',
  BROKEN_LINK: 'A reference in the link cell matches no row. Fix the id or title.',
  AMBIGUOUS_LINK: 'A reference matches several rows. Link by id instead of title.',
  DUPLICATE_ID: 'Another row of this layer has the same id. Give each row its own.',
  CYCLE: 'Following the links comes back to this row. Break the loop.',
  ANTI_PRIORITY: 'This row, or a row above it, serves an anti-priority: something the strategy says not to do.',
  RESURFACED: 'This was declined before. Re-read the reason before saying yes.',
  ORPHAN: 'No work reaches this. Plan work for it, or drop it.',
  MISSING_WHY: 'Pillars and anti-priorities need a why. Write it.',
  NO_METRIC: 'Nothing measures this goal. Give it a target and a current value, or a progress cell.',
  AT_RISK: 'Progress is behind the time gone. Check in on it, or change the plan.',
  OVER_INVESTED: 'This pillar gets more of the roadmap effort than its target share. Move effort, or change the target.',
  UNDER_INVESTED: 'This pillar gets less of the roadmap effort than its target share. Plan work for it, or change the target.',
};

/** Flags whose message already says it all in the cell ("⚠ NO_GOAL" alone would hide the reason). */
const WITH_DETAIL: ReadonlySet<FlagCode> = new Set([
  'BROKEN_LINK',
  'AMBIGUOUS_LINK',
  'DUPLICATE_ID',
  'CYCLE',
  'ANTI_PRIORITY',
  'RESURFACED',
  'AT_RISK',
  'OVER_INVESTED',
  'UNDER_INVESTED',
]);

export function flagCellText(flags: readonly Flag[]): string {
  return flags.map((flag) => (WITH_DETAIL.has(flag.code) ? `⚠ ${flag.code}: ${clip(flag.message, 200)}` : `⚠ ${flag.code}`)).join('\n');
}

export function flagNote(flags: readonly Flag[]): string {
  return flags.map((flag) => `${flag.code}: ${clip(flag.message, 300)}\n${FLAG_EXPLANATIONS[flag.code]}`).join('\n\n');
}

/**
 * Text that Sheets would turn into something else when written is kept as text with a
 * leading apostrophe, which Sheets hides: formulas (`=`), signs it may parse (`+`, `-`,
 * `@`), control characters, and anything that starts like a number, a date or a boolean
 * ("2026-09", "1/2", "0012", "1e5", "TRUE"), an amount ("$5", "(5)"), a date written with
 * its month's name ("Mar 1 2026") or an error value ("#N/A").
 */
const PARSED_BY_SHEETS = new RegExp(
  [
    "^(?:[=+\\-@\\t\\r\\n'.\\d]|\\s|true$|false$",
    '|[$€£¥]\\s*\\d|\\(\\s*[$€£¥]?\\s*\\d',
    '|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d',
    '|#(?:n/a|ref!|value!|div/0!|name\\?|num!|null!|error!)$)',
  ].join(''),
  'i',
);

export function asCellText(text: string): string {
  return PARSED_BY_SHEETS.test(text) ? `'${text}` : text;
}
