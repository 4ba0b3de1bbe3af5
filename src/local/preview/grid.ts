/**
 * What the preview's grid shows: every tab as rows of display text, each cascade row with
 * its flags, and for the roadmap its TRACE and IMPACT, computed by the same core functions
 * the add-on's formulas call. Plain data; the page sets it as text.
 */
import type { Cascade } from '../../core/cascade';
import { flagCellText } from '../../core/flag-text';
import { impactOf } from '../../core/impact-format';
import { layerSpec } from '../../core/layers';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { cellText, clip } from '../../core/text';
import { tracePath } from '../../core/trace';

/** Rows and columns per tab sent to the page; a larger tab says how many more there are (one stray value in column XFD would otherwise send 16,384 columns a row). */
export const GRID_ROW_LIMIT = 2000;
export const GRID_COLUMN_LIMIT = 100;

export interface GridTab {
  readonly name: string;
  readonly layer: string | null;
  readonly headerRow: number | null;
  readonly rows: readonly {
    readonly row: number;
    readonly cells: readonly string[];
    readonly item: boolean;
    readonly flags: string;
    readonly trace?: string;
    readonly impact?: string;
  }[];
  readonly more: number;
  readonly moreColumns: number;
  /** Whether the tab shows TRACE and IMPACT columns. */
  readonly traced: boolean;
}

/** A number as a PM reads it in a cell (two decimals at most); text as it is. */
function shown(answer: string | number): string {
  return typeof answer === 'number' ? String(Math.round(answer * 100) / 100) : answer;
}

/** The first path of a trace, and how many more there are. */
function firstPath(trace: string): string {
  const [first, ...more] = trace.split('\n');
  return clip(first ?? '', 400) + (more.length > 0 ? ` (+${more.length} more)` : '');
}

export function gridOf(snapshot: WorkbookSnapshot, cascade: Cascade): GridTab[] {
  return snapshot.sheets.map((sheet) => {
    const plan = cascade.plans.find((candidate) => candidate.sheet === sheet.name);
    const items = new Map(cascade.items.filter((item) => item.sheet === sheet.name).map((item) => [item.row, item]));
    const traced = plan !== undefined && plan.use !== 'declined' && layerSpec(plan.use).rollsUpImpact;
    const used = sheet.values.reduce((widest, row) => Math.max(widest, row.length), 0);
    const width = Math.min(used, GRID_COLUMN_LIMIT);
    const rows = sheet.values.slice(0, GRID_ROW_LIMIT).map((values, index) => {
      const item = items.get(index + 1);
      const cells = Array.from({ length: width }, (_, c) => clip(cellText(values[c]), 300));
      return {
        row: index + 1,
        cells,
        item: item !== undefined,
        flags: item ? flagCellText(cascade.flags[item.index]!) : '',
        ...(traced && item
          ? { trace: firstPath(tracePath(cascade, item.index)), impact: shown(impactOf(cascade, item.index, 'roi')) }
          : {}),
      };
    });
    return {
      name: sheet.name,
      layer: plan ? plan.use : null,
      headerRow: plan?.headerRow ?? null,
      rows,
      traced,
      more: Math.max(0, sheet.values.length - GRID_ROW_LIMIT),
      moreColumns: used - width,
    };
  });
}
