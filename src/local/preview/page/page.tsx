/**
 * The preview page: the workbook's tabs as a grid (flagged rows highlighted, each row's
 * flags, and for the roadmap its TRACE and IMPACT), and the real sidebar beside it. It opens
 * on the roadmap. Picking a row (a click, or Enter) tells the sidebar; the sidebar tells the
 * page when it changed the file (the grid reloads, on the same tab) and which row it is
 * showing (that row becomes the grid's current row). The grid is one tab stop, its rows
 * reached with the arrow keys, and so is the tab list above it (the WAI-ARIA tabs pattern).
 */
import { type RefObject, render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { previewSession, SESSION_HEADER } from '../../../../sidebar/src/preview-session';
import type { GridTab } from '../grid';

interface Grid {
  file: string;
  tabs: GridTab[];
}

interface RowRef {
  sheet: string;
  row: number;
}

/** The tab a PM opens the preview for: the roadmap, else the first tab Ladder reads, else the first (often an "About" tab Ladder ignores). */
function openingTab(tabs: readonly GridTab[]): string | null {
  return (tabs.find((tab) => tab.layer === 'roadmap') ?? tabs.find((tab) => tab.layer !== null) ?? tabs[0])?.name ?? null;
}

/** The sidebar's "I am showing this row", checked for shape since any same-origin frame may post. */
function shownRow(data: unknown): RowRef | null {
  const message = data as { type?: unknown; sheet?: unknown; row?: unknown } | null;
  if (typeof message !== 'object' || message === null || message.type !== 'ladder-show') return null;
  const { sheet, row } = message;
  return typeof sheet === 'string' && typeof row === 'number' && Number.isInteger(row) && row >= 1 ? { sheet, row } : null;
}

/** The keys that step along a list: the tab list wraps round (WAI-ARIA tabs), the rows stop at the ends, as in a spreadsheet. */
const TAB_KEYS = { back: 'ArrowLeft', next: 'ArrowRight', wrap: true };
const ROW_KEYS = { back: 'ArrowUp', next: 'ArrowDown', wrap: false };

/** Where a key moves from `at` in a list of `count`, or null for a key that moves nothing (or one with a modifier, left to the browser). */
function moved(event: KeyboardEvent, at: number, count: number, keys: typeof TAB_KEYS): number | null {
  if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === 'Home') return 0;
  if (event.key === 'End') return count - 1;
  if (event.key === keys.back) return keys.wrap ? (at - 1 + count) % count : Math.max(0, at - 1);
  if (event.key === keys.next) return keys.wrap ? (at + 1) % count : Math.min(count - 1, at + 1);
  return null;
}

const tabId = (index: number) => `grid-tab-${index}`;
const NUMBER = /^-?\d[\d.,]*$/;

/** A cell's text, cut to a few lines so a long trace does not make every row a paragraph; the current row shows it whole (CSS). */
function Clipped({ text }: { text: string }) {
  return text === '' ? null : <div class="clip">{text}</div>;
}

type GridRowData = GridTab['rows'][number];
type SetRows = (update: (rows: Record<string, number>) => Record<string, number>) => void;

const rowElementIn = (box: HTMLElement | null, row: number) => box?.querySelector<HTMLTableRowElement>(`tr[data-row="${row}"]`) ?? null;
// The row number cell is sticky on the left, so scrolling to it never scrolls the grid sideways.
const revealIn = (box: HTMLElement | null, row: number) =>
  rowElementIn(box, row)?.cells[0]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });

/**
 * The grid as the server reads it, reloaded when the sidebar says it changed the file, and
 * the rows the sidebar shows marked current (scrolled to once their tab is on screen).
 */
function useGrid() {
  const [grid, setGrid] = useState<Grid | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tabName, setTabName] = useState<string | null>(null);
  // Each tab's current row: where the keyboard is, or the row the sidebar last showed.
  const [currentRows, setCurrentRows] = useState<Record<string, number>>({});
  const gridNow = useRef<Grid | null>(null);
  gridNow.current = grid;
  // A row the sidebar showed, scrolled into view once its tab is on screen.
  const pendingScroll = useRef<RowRef | null>(null);
  // Only the latest load is shown: two writes in a row must not leave the older grid on screen.
  const loads = useRef(0);

  const load = () => {
    const ticket = ++loads.current;
    return fetch('/api/grid', { headers: { [SESSION_HEADER]: previewSession() } })
      .then((response) => response.json())
      .then((value: Grid | { error?: string }) => {
        if (ticket !== loads.current) return;
        if (!('tabs' in value) || !Array.isArray(value.tabs))
          throw new Error(('error' in value && value.error) || 'The preview could not read the workbook.');
        setError(null);
        setGrid(value);
        // After every sidebar write the grid reloads: stay on the tab the PM was looking at.
        setTabName((before) => (before !== null && value.tabs.some((tab) => tab.name === before) ? before : openingTab(value.tabs)));
      })
      .catch((failure: Error) => setError(failure.message));
  };

  const show = ({ sheet, row }: RowRef) => {
    // Before the first load the tab is kept, and load() falls back if it does not exist.
    if (gridNow.current && !gridNow.current.tabs.some((tab) => tab.name === sheet)) return;
    setTabName(sheet);
    setCurrentRows((rows) => ({ ...rows, [sheet]: row }));
    pendingScroll.current = { sheet, row };
  };

  // Listens once: load and show only set state, and the listener reads nothing else.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    void load();
    const listener = (event: MessageEvent) => {
      if (event.origin !== window.location.origin) return;
      if ((event.data as { type?: string } | null)?.type === 'ladder-changed') void load();
      const shown = shownRow(event.data);
      // Only marked here, never posted back as 'ladder-select', which would switch the sidebar's view.
      if (shown) show(shown);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, []);

  return { grid, error, tabName, setTabName, currentRows, setCurrentRows, pendingScroll };
}

function TabList({
  grid,
  index,
  choose,
  onKeyDown,
}: {
  grid: Grid | null;
  index: number;
  choose: (name: string) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  return (
    <div role="tablist" aria-label="Tabs" class="tabs" onKeyDown={onKeyDown}>
      {grid?.tabs.map((candidate, at) => (
        <button
          key={candidate.name}
          id={tabId(at)}
          type="button"
          role="tab"
          aria-selected={at === index}
          aria-controls="grid-panel"
          tabIndex={at === index ? 0 : -1}
          class={at === index ? 'tab active' : 'tab'}
          onClick={() => choose(candidate.name)}
        >
          {candidate.name}
          {candidate.layer ? <span class="layer"> {candidate.layer}</span> : null}
        </button>
      ))}
    </div>
  );
}

/** Ladder's own columns follow the row's, the flags first: they are what a PM looks for. Flags are never clipped. */
function LadderCells({ row, header, showsFlags, traced }: { row: GridRowData; header: boolean; showsFlags: boolean; traced: boolean }) {
  return (
    <>
      {showsFlags &&
        (header ? (
          <th scope="col" class="ladder">
            Flags
          </th>
        ) : (
          <td class="flags">{row.flags}</td>
        ))}
      {traced &&
        (header ? (
          <th scope="col" class="ladder">
            TRACE
          </th>
        ) : (
          <td class="trace">
            <Clipped text={row.trace ?? ''} />
          </td>
        ))}
      {traced &&
        (header ? (
          <th scope="col" class="ladder">
            IMPACT
          </th>
        ) : (
          <td class={NUMBER.test(row.impact ?? '') ? 'impact number' : 'impact'}>{row.impact ?? ''}</td>
        ))}
    </>
  );
}

interface GridRowProps {
  row: GridRowData;
  tab: GridTab;
  picked: RowRef | null;
  currentRow: number | null;
  tabStop: number | null;
  showsFlags: boolean;
  setCurrentRows: SetRows;
  pick: (sheet: string, row: number) => void;
}

function GridRow({ row, tab, picked, currentRow, tabStop, showsFlags, setCurrentRows, pick }: GridRowProps) {
  const header = row.row === tab.headerRow;
  // A title or note row (one cell, not a row Ladder reads) runs on into the empty cells, as in Sheets, instead of widening its column.
  const spills = !header && !row.item && row.cells.filter((cell) => cell !== '').length === 1;
  const selected = picked?.sheet === tab.name && picked.row === row.row;
  const isCurrent = row.row === currentRow;
  const classes = [
    header ? 'header' : '',
    row.flags ? 'flagged' : '',
    selected ? 'selected' : '',
    isCurrent ? 'current' : '',
    row.item ? 'item' : '',
    spills ? 'spills' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      class={classes || undefined}
      data-row={row.row}
      tabIndex={row.item ? (row.row === tabStop ? 0 : -1) : undefined}
      aria-current={isCurrent ? 'true' : undefined}
      onFocus={() => row.item && row.row !== currentRow && setCurrentRows((rows) => ({ ...rows, [tab.name]: row.row }))}
      onClick={() => row.item && pick(tab.name, row.row)}
    >
      <th scope="row">{row.row}</th>
      {/* A cell's key is its column: the cells of a row are its columns in order. */}
      {row.cells.map((cell, at) => {
        const column = `column-${at}`;
        return header ? (
          <th key={column} scope="col">
            {cell}
          </th>
        ) : spills ? (
          <td key={column}>{cell && <div class="spill">{cell}</div>}</td>
        ) : (
          <td key={column}>
            <Clipped text={cell} />
          </td>
        );
      })}
      <LadderCells row={row} header={header} showsFlags={showsFlags} traced={tab.traced} />
    </tr>
  );
}

interface GridPanelProps extends Omit<GridRowProps, 'row' | 'tabStop'> {
  index: number;
  /** The rows Ladder reads as items, in order: the ones the keyboard moves between. */
  items: readonly number[];
  scroller: RefObject<HTMLDivElement>;
}

function GridPanel({ tab, index, items, scroller, ...rowProps }: GridPanelProps) {
  const { currentRow, setCurrentRows, pick } = rowProps;
  const onKeyDown = (event: KeyboardEvent) => {
    const row = Number((event.target as HTMLElement).closest('tr')?.dataset.row);
    if (!items.includes(row)) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick(tab.name, row);
      return;
    }
    const next = moved(event, items.indexOf(row), items.length, ROW_KEYS);
    if (next === null) return;
    event.preventDefault();
    const target = items[next]!;
    setCurrentRows((before) => ({ ...before, [tab.name]: target }));
    rowElementIn(scroller.current, target)?.focus({ preventScroll: true });
    revealIn(scroller.current, target);
  };
  const tabStop = currentRow ?? items[0] ?? null;
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
      <table aria-describedby={items.length > 0 ? 'grid-keys' : undefined} onKeyDown={onKeyDown}>
        <tbody>
          {tab.rows.map((row) => (
            <GridRow key={row.row} row={row} tab={tab} tabStop={tabStop} {...rowProps} />
          ))}
        </tbody>
      </table>
      {tab.more > 0 && <p class="muted">…and {tab.more} more rows.</p>}
      {tab.moreColumns > 0 && <p class="muted">…and {tab.moreColumns} more columns, not shown.</p>}
    </div>
  );
}

/** After every render: the header row's band kept clear of rows scrolled to, and a row the sidebar showed scrolled to once its tab is on screen. */
function useScrollTargets(scroller: RefObject<HTMLDivElement>, current: GridTab | undefined, pendingScroll: RefObject<RowRef | null>) {
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || !current) return;
    // The sticky header row would hide a row scrolled "into view" under it: keep that band clear.
    const header = current.headerRow === null ? null : rowElementIn(box, current.headerRow);
    box.style.scrollPaddingTop = header ? `${header.offsetHeight}px` : '';
    const target = pendingScroll.current;
    if (target && target.sheet === current.name) {
      pendingScroll.current = null;
      revealIn(box, target.row);
    }
  });
}

function PageHeader({ file, error }: { file: string; error: string | null }) {
  return (
    <>
      <header>
        <h1>Ladder preview</h1>
        <span class="muted file">{file}</span>
        <span class="muted keys" id="grid-keys">
          ↑ ↓ Home End move between rows · Enter shows the row in the sidebar
        </span>
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function Page() {
  const { grid, error, tabName, setTabName, currentRows, setCurrentRows, pendingScroll } = useGrid();
  const [picked, setPicked] = useState<RowRef | null>(null);
  const sidebar = useRef<HTMLIFrameElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const index = grid?.tabs.findIndex((tab) => tab.name === tabName) ?? -1;
  const current = index >= 0 ? grid?.tabs[index] : undefined;
  const items = current?.rows.filter((row) => row.item).map((row) => row.row) ?? [];
  const chosen = current ? currentRows[current.name] : undefined;
  const currentRow = chosen !== undefined && items.includes(chosen) ? chosen : null;
  // A tab with no rows Ladder reads (a declined list) has no flags to show.
  const showsFlags = current?.headerRow !== null && items.length > 0;

  useScrollTargets(scroller, current, pendingScroll);

  const pick = (sheet: string, row: number) => {
    setPicked({ sheet, row });
    setCurrentRows((rows) => ({ ...rows, [sheet]: row }));
    sidebar.current?.contentWindow?.postMessage({ type: 'ladder-select', sheet, row }, window.location.origin);
  };

  const onTabKey = (event: KeyboardEvent) => {
    if (!grid) return;
    const next = moved(event, index, grid.tabs.length, TAB_KEYS);
    if (next === null) return;
    event.preventDefault();
    setTabName(grid.tabs[next]!.name);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div class="layout">
      <main class="sheet" aria-label="Workbook">
        <PageHeader file={grid?.file ?? ''} error={error} />
        <TabList grid={grid} index={index} choose={setTabName} onKeyDown={onTabKey} />
        {current && (
          // Keyed by tab, so another tab opens scrolled to its top; a reload of the same tab keeps the scroll.
          <GridPanel
            key={current.name}
            tab={current}
            index={index}
            items={items}
            scroller={scroller}
            picked={picked}
            currentRow={currentRow}
            showsFlags={showsFlags}
            setCurrentRows={setCurrentRows}
            pick={pick}
          />
        )}
      </main>
      <aside class="side" aria-label="Sidebar">
        <iframe ref={sidebar} src="/sidebar" title="Ladder sidebar" class="sidebar" />
      </aside>
    </div>
  );
}

render(<Page />, document.getElementById('page')!);
