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
  return ref.split(/[\s,]+/).filter(Boolean).map((part) => {
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

/** What removing `row` of `sheet` would break, by kind, in the preview's words; empty when nothing. */
export function whatRemovalBreaks(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, row: number): string[] {
  const broken = new Set<string>();
  const name = sheet.name.toLowerCase();
  for (const other of workbook.worksheets) {
    other.eachRow({ includeEmpty: false }, (line, number) => {
      line.eachCell({ includeEmpty: false }, (cell) => {
        const formula = formulaOf(cell.value);
        // A formula on this tab at or below the row moves with it; one anywhere may point at the rows that move.
        if (formula === null) return;
        if (other === sheet ? number >= row || /\$?[A-Z]{1,3}\$?\d/i.test(formula) : formula.toLowerCase().includes(name)) broken.add('formulas');
      });
    });
  }
  sheet.eachRow({ includeEmpty: false }, (line, number) => {
    if (number < row) return;
    line.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.note) broken.add('notes');
    });
  });
  const model = sheet.model as unknown as { merges?: string[] };
  if ((model.merges ?? []).some((ref) => reaches(ref, row))) broken.add('merged cells');
  const validations = (sheet as unknown as { dataValidations?: { model?: Record<string, unknown> } }).dataValidations?.model ?? {};
  if (Object.keys(validations).some((ref) => reaches(ref.replace(/^range:/, ''), row))) broken.add('dropdowns');
  const formats = (sheet as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings ?? [];
  if (formats.some((rule) => reaches(rule.ref, row))) broken.add('colour rules');
  if (Object.keys((sheet as unknown as { tables?: Record<string, unknown> }).tables ?? {}).length > 0) broken.add('tables');
  const names = (workbook.definedNames as unknown as { model?: { ranges?: string[] }[] }).model ?? [];
  if (names.some((entry) => (entry.ranges ?? []).some((range) => range.toLowerCase().replace(/'/g, '').startsWith(`${name}!`) && reaches(range.split('!')[1] ?? '', row)))) broken.add('named ranges');
  return [...broken];
}

export function removalRefusal(sheet: string, row: number, broken: readonly string[]): string {
  return `Removing row ${row} of "${sheet}" would break the ${broken.join(', ')} that refer to the rows below it, which the preview cannot move faithfully in this file. Choose "mark it declined" instead (the row stays, marked), or remove the row in your spreadsheet program.`;
}
