/**
 * Whether the preview can remove a row of an .xlsx and keep the workbook whole. exceljs's
 * spliceRows moves cell values up, but not the formulas that point at the rows below, nor
 * merges, notes, dropdowns, colour rules, tables or defined names. Where any of those touch
 * the rows that would move, the removal is refused with what it would break, and marking the
 * request declined (which keeps the row) is offered instead.
 */
import type ExcelJS from 'exceljs';

/** The first and last rows an A1 range or list of ranges ("C2:D9 F4") covers. */
function rowsOf(ref: string): { first: number; last: number }[] {
  return ref
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => {
      const numbers = [...part.matchAll(/\$?[A-Z]{1,3}\$?(\d+)/gi)].map((match) => Number(match[1]));
      if (numbers.length === 0) return { first: 1, last: Number.MAX_SAFE_INTEGER };
      return { first: Math.min(...numbers), last: Math.max(...numbers) };
    });
}

const reaches = (ref: string, row: number) => rowsOf(ref).some((range) => range.last >= row);

function formulaOf(value: ExcelJS.CellValue): string | null {
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    return String((value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? '');
  }
  return null;
}

/**
 * What removing `row` of `sheet` would break, by kind, in the preview's words; empty when
 * nothing. It errs on the side of refusing: a formula anywhere may point at the rows that move
 * (a whole-row reference, another tab's, a quoted tab name), so any formula refuses, as do
 * rules and names that mention the tab, images, links inside the workbook, and hidden or
 * grouped rows below.
 */
export function whatRemovalBreaks(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, row: number): string[] {
  const broken = new Set<string>();
  const tab = sheet.name.toLowerCase();
  const mentionsTab = (text: string) => text.toLowerCase().replace(/''/g, "'").includes(tab);
  for (const other of workbook.worksheets) {
    other.eachRow({ includeEmpty: false }, (line) => {
      line.eachCell({ includeEmpty: false }, (cell) => {
        if (formulaOf(cell.value) !== null) broken.add('formulas');
        const link = (cell.value as { hyperlink?: string } | null)?.hyperlink;
        if (typeof link === 'string' && link.startsWith('#')) broken.add('links inside the workbook');
      });
    });
    const rules =
      (other as unknown as { conditionalFormattings?: { ref: string; rules?: { formulae?: string[] }[] }[] }).conditionalFormattings ?? [];
    for (const rule of rules) {
      const formulas = (rule.rules ?? []).flatMap((entry) => entry.formulae ?? []);
      if (
        (other === sheet && reaches(rule.ref, row)) ||
        formulas.some((formula) => (other === sheet ? /\$?[A-Z]{1,3}\$?\d/i.test(formula) : mentionsTab(formula)))
      )
        broken.add('colour rules');
    }
    const validations =
      (other as unknown as { dataValidations?: { model?: Record<string, { formulae?: unknown[] }> } }).dataValidations?.model ?? {};
    for (const [ref, rule] of Object.entries(validations)) {
      const formulas = (rule?.formulae ?? []).map(String);
      if (
        (other === sheet && reaches(ref.replace(/^range:/, ''), row)) ||
        formulas.some((formula) => (other === sheet ? /\$?[A-Z]{1,3}\$?\d/i.test(formula) : mentionsTab(formula)))
      )
        broken.add('dropdowns');
    }
  }
  sheet.eachRow({ includeEmpty: true }, (line, number) => {
    if (number < row) return;
    if (line.hidden || (line.outlineLevel ?? 0) > 0) broken.add('hidden or grouped rows');
    line.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.note) broken.add('notes');
    });
  });
  const model = sheet.model as unknown as { merges?: string[] };
  if ((model.merges ?? []).some((ref) => reaches(ref, row))) broken.add('merged cells');
  if (Object.keys((sheet as unknown as { tables?: Record<string, unknown> }).tables ?? {}).length > 0) broken.add('tables');
  if (sheet.getImages().length > 0) broken.add('images');
  const names = (workbook.definedNames as unknown as { model?: { ranges?: string[] }[] }).model ?? [];
  if (names.some((entry) => (entry.ranges ?? []).some(mentionsTab))) broken.add('named ranges');
  return [...broken];
}

export function removalRefusal(sheet: string, row: number, broken: readonly string[]): string {
  return `Removing row ${row} of "${sheet}" would break the ${broken.join(', ')} that refer to the rows below it, which the preview cannot move faithfully in this file. Choose "mark it declined" instead (the row stays, marked), or remove the row in your spreadsheet program.`;
}
