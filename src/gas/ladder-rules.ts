/**
 * Ladder's conditional format rules on a layer tab: flagged rows tinted, and a live rule
 * that tints a work row with a title but an empty link cell as the PM types (no goal can be
 * reached without a link). Each formula carries N("Ladder")=0, true and harmless, by which
 * Ladder knows its own rules: re-running replaces them and never touches the PM's.
 */
import { columnLetter } from './a1';

export const RULE_MARK = 'N("Ladder")=0';
export const FLAGGED_COLOUR = '#fce8e6';
export const UNLINKED_COLOUR = '#fef0c7';

export interface RuleSpec {
  readonly formula: string;
  readonly range: string;
  readonly background: string;
}

export interface RuleLayout {
  readonly headerRow: number;
  /** 1-based columns. */
  readonly ladderColumn: number;
  readonly keyColumn: number | null;
  readonly linkColumn: number | null;
  readonly isWork: boolean;
  readonly maxRows: number;
}

export function desiredRules(layout: RuleLayout): RuleSpec[] {
  const first = layout.headerRow + 1;
  const range = `A${first}:${columnLetter(layout.ladderColumn)}${Math.max(first, layout.maxRows)}`;
  const rules: RuleSpec[] = [];
  if (layout.isWork && layout.keyColumn !== null && layout.linkColumn !== null) {
    const key = columnLetter(layout.keyColumn);
    const link = columnLetter(layout.linkColumn);
    rules.push({ formula: `=AND(${RULE_MARK}, $${key}${first}<>"", $${link}${first}="")`, range, background: UNLINKED_COLOUR });
  }
  rules.push({ formula: `=AND(${RULE_MARK}, $${columnLetter(layout.ladderColumn)}${first}<>"")`, range, background: FLAGGED_COLOUR });
  return rules;
}

function formulaOf(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string | null {
  const condition = rule.getBooleanCondition();
  const value = condition?.getCriteriaValues()[0];
  return typeof value === 'string' ? value : null;
}

export function isLadderRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  return formulaOf(rule)?.includes(RULE_MARK) === true;
}

function sameRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule, spec: RuleSpec): boolean {
  const ranges = rule.getRanges().map((range) => range.getA1Notation());
  const background = rule.getBooleanCondition()?.getBackground()?.toLowerCase();
  // Sheets may give a formula back with its spaces normalised: compare without them.
  const bare = (formula: string | null) => formula?.replace(/\s+/g, '');
  return bare(formulaOf(rule)) === bare(spec.formula) && ranges.length === 1 && ranges[0] === spec.range && background === spec.background;
}

/** Puts Ladder's rules on the sheet; returns whether anything changed. */
export function applyRules(sheet: GoogleAppsScript.Spreadsheet.Sheet, specs: readonly RuleSpec[]): boolean {
  const existing = sheet.getConditionalFormatRules();
  const ours = existing.filter(isLadderRule);
  if (ours.length === specs.length && ours.every((rule, i) => sameRule(rule, specs[i]!))) return false;
  const built = specs.map((spec) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(spec.formula)
      .setBackground(spec.background)
      .setRanges([sheet.getRange(spec.range)])
      .build(),
  );
  sheet.setConditionalFormatRules([...existing.filter((rule) => !isLadderRule(rule)), ...built]);
  return true;
}
