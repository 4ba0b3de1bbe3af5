/**
 * The tab on show, as the grid's panel: one tab stop, its rows reached with the arrow keys and
 * Home/End (stopping at the ends, as in a spreadsheet), Enter or Space to show a row in the
 * sidebar; a row the sidebar showed is scrolled into view clear of the sticky header row.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { GridTab } from '../grid';
import { GridRow } from './grid-row';
import { moved, ROW_KEYS } from './keys';
import { tabId } from './tab-strip';
import type { RowRef } from './use-workbook';

/** Finding and revealing a row; after each render, the row the sidebar showed (`pending`) once its tab is on screen. */
function useGridScroll(tab: GridTab, pending: RefObject<RowRef | null>) {
  const scroller = useRef<HTMLDivElement>(null);
  const rowElement = (row: number) => scroller.current?.querySelector<HTMLTableRowElement>(`tr[data-row="${row}"]`) ?? null;
  // The row number cell is sticky on the left, so scrolling to it never scrolls the grid sideways.
  const reveal = (row: number) => rowElement(row)?.cells[0]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    // The sticky header row would hide a row scrolled "into view" under it: keep that band clear.
    const header = tab.headerRow === null ? null : rowElement(tab.headerRow);
    box.style.scrollPaddingTop = header ? `${header.offsetHeight}px` : '';
    const target = pending.current;
    if (target && target.sheet === tab.name) {
      pending.current = null;
      reveal(target.row);
    }
  });
  return { scroller, rowElement, reveal };
}

interface Props {
  tab: GridTab;
  index: number;
  /** The tab's current row as last set (it may no longer be a row Ladder reads), and the row picked for the sidebar. */
  chosen: number | undefined;
  picked: number | null;
  pending: RefObject<RowRef | null>;
  onPick(row: number): void;
  onCurrent(row: number): void;
}

export function GridPanel({ tab, index, chosen, picked, pending, onPick, onCurrent }: Props) {
  const { scroller, rowElement, reveal } = useGridScroll(tab, pending);
  const items = tab.rows.filter((row) => row.item).map((row) => row.row);
  const currentRow = chosen !== undefined && items.includes(chosen) ? chosen : null;
  const tabStop = currentRow ?? items[0] ?? null;
  // A tab with no rows Ladder reads (a declined list) has no flags to show.
  const flags = tab.headerRow !== null && items.length > 0;
  const onKey = (event: KeyboardEvent) => {
    const row = Number((event.target as HTMLElement).closest('tr')?.dataset.row);
    if (!items.includes(row)) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(row);
      return;
    }
    const next = moved(event, items.indexOf(row), items.length, ROW_KEYS);
    if (next === null) return;
    event.preventDefault();
    const target = items[next]!;
    onCurrent(target);
    rowElement(target)?.focus({ preventScroll: true });
    reveal(target);
  };
  return (
    <div
      ref={scroller}
      id="grid-panel"
      role="tabpanel"
      aria-labelledby={tabId(index)}
      class="scroll"
      // With no row to focus, the panel itself is the tab stop, so it can still be scrolled by keyboard.
      tabIndex={items.length === 0 ? 0 : undefined}
    >
      <table aria-describedby={items.length > 0 ? 'grid-keys' : undefined} onKeyDown={onKey}>
        <tbody>
          {tab.rows.map((row) => (
            <GridRow
              key={row.row}
              row={row}
              tab={tab}
              isCurrent={row.row === currentRow}
              selected={picked === row.row}
              tabStop={row.row === tabStop}
              flags={flags}
              onPick={onPick}
              onCurrent={onCurrent}
            />
          ))}
        </tbody>
      </table>
      {tab.more > 0 && <p class="muted">…and {tab.more} more rows.</p>}
      {tab.moreColumns > 0 && <p class="muted">…and {tab.moreColumns} more columns, not shown.</p>}
    </div>
  );
}
