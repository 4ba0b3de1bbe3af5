/**
 * The workbook snapshot: what every adapter hands the core. It is shaped like Sheets'
 * `getValues()`: one 2-D array of cell values per tab, row 0 being the sheet's row 1.
 *
 * Dates must carry the calendar date and time shown in the sheet in their UTC fields
 * (adapters convert from the spreadsheet's time zone), so the core can format them
 * without knowing any time zone.
 */

export type Cell = string | number | boolean | Date | null | undefined;

export interface SheetSnapshot {
  readonly name: string;
  readonly values: readonly (readonly Cell[])[];
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
}
