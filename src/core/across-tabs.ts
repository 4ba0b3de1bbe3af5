/**
 * What a tab is read as, settled against the other tabs of its layer once every tab is planned:
 * objectives in one tab and key results in another (Notion's OKR databases), and a tab guessed
 * from its columns that only repeats a named tab's rows (a dashboard of the goals).
 */
import { columnValues } from './classify';
import type { TabPlan } from './detect';
import { oneObjectivePerRow } from './settle-columns';
import type { Cell, SheetSnapshot } from './snapshot';

/** The names in a column's values, one reference per part ("KR1, KR2" is two). */
function namesIn(values: readonly (readonly Cell[])[], headerRow: number, column: number): Set<string> {
  const out = new Set<string>();
  for (const text of columnValues(values, headerRow, column)) {
    out.add(text);
    for (const part of text.split(/[,;\n]/)) if (part.trim() !== '') out.add(part.trim());
  }
  return out;
}

/**
 * Objectives in one tab and key results in another (Notion's OKR databases): a column of key
 * results on the objectives tab lists the rows of the other tab, so the objective is that tab's
 * item; and an Objective column on the key-results tab names the objectives of the other tab,
 * so it is a link to them, not a group of objectives of its own. Decided from what the tabs of
 * a layer hold, once every tab is planned.
 */
export function settleAcrossTabs(plans: TabPlan[], sheets: readonly SheetSnapshot[]): TabPlan[] {
  const valuesOf = (plan: TabPlan) => sheets.find((sheet) => sheet.name === plan.sheet)!.values;
  const titlesOf = (plan: TabPlan) => {
    const column = plan.columns.title?.[0] ?? plan.columns.id?.[0];
    return plan.headerRow === null || column === undefined
      ? new Set<string>()
      : new Set(columnValues(valuesOf(plan), plan.headerRow, column));
  };
  // Most of the parts of a tab's key-result cells are rows of another tab of its layer.
  const mostlyListed = (names: Set<string>, plan: TabPlan) =>
    plans.some((other) => {
      if (other === plan || other.use !== plan.use) return false;
      const titles = titlesOf(other);
      let listed = 0;
      for (const name of names) if (titles.has(name)) listed++;
      return listed * 2 >= titles.size && listed > 0;
    });
  const grouped = (plan: TabPlan) => plan.columns.group !== undefined && plan.headerRow !== null;
  // First a tab of one row per objective whose key-result column lists another tab's rows: the
  // objectives are its items.
  let out = plans.map((plan) => {
    if (!grouped(plan) || !oneObjectivePerRow(valuesOf(plan), plan.headerRow!, plan.columns.group![0]!, plan.columns.title![0]!))
      return plan;
    if (!mostlyListed(namesIn(valuesOf(plan), plan.headerRow!, plan.columns.title![0]!), plan)) return plan;
    const { group, title: _, ...rest } = plan.columns;
    return { ...plan, columns: { ...rest, title: group! } };
  });
  // Then the tabs whose Objective column names another tab's objectives: a link to them.
  out = out.map((plan) => {
    if (!grouped(plan)) return plan;
    const names = namesIn(valuesOf(plan), plan.headerRow!, plan.columns.group![0]!);
    if (!out.some((other) => other !== plan && other.use === plan.use && [...titlesOf(other)].some((title) => names.has(title))))
      return plan;
    const { group, ...rest } = plan.columns;
    return { ...plan, columns: { ...rest, parent: [...(rest.parent ?? []), ...group!].sort((a, b) => a - b) } };
  });
  return out;
}

/**
 * A tab guessed from its columns whose rows are mostly the rows of a tab named for the same
 * layer is a summary of it (a dashboard listing the goals): reading it would make every link
 * by title ambiguous, so it is left out, and said so.
 */
export function withoutSummaries(plans: TabPlan[], sheets: readonly SheetSnapshot[], warnings: string[]): TabPlan[] {
  const namesOf = (plan: TabPlan) => {
    const values = sheets.find((sheet) => sheet.name === plan.sheet)!.values;
    const column = plan.columns.title?.[0] ?? plan.columns.id?.[0];
    return plan.headerRow === null || column === undefined ? [] : columnValues(values, plan.headerRow, column);
  };
  return plans.filter((plan) => {
    if (plan.source !== 'columns') return true;
    const names = namesOf(plan);
    const of = plans.find(
      (other) =>
        other !== plan &&
        other.use === plan.use &&
        other.source !== 'columns' &&
        (() => {
          const theirs = new Set(namesOf(other));
          return names.length > 0 && names.filter((name) => theirs.has(name)).length * 2 >= names.length;
        })(),
    );
    if (!of) return true;
    warnings.push(
      `${plan.sheet}: its rows repeat those of "${of.sheet}", so it reads as a summary and is not read; if it is a layer of its own, map it in Setup.`,
    );
    return false;
  });
}
