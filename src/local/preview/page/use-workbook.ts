/**
 * The preview page's workbook: the grid as the preview server reads it (read again each time
 * the sidebar writes, staying on the tab the PM was looking at), each tab's current row, and
 * the row the sidebar says it is showing, which becomes its tab's current row.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { previewSession, SESSION_HEADER } from '../../../../sidebar/src/preview-session';
import type { GridTab } from '../grid';

export interface Grid {
  file: string;
  tabs: GridTab[];
}

export interface RowRef {
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

/** The grid and the tab on show; `load` reads the file again. */
function useGridFile() {
  const [grid, setGrid] = useState<Grid | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tabName, setTabName] = useState<string | null>(null);
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
  return { grid, error, tabName, setTabName, load };
}

export function useWorkbook() {
  const { grid, error, tabName, setTabName, load } = useGridFile();
  // Each tab's current row: where the keyboard is, or the row the sidebar last showed.
  const [currentRows, setCurrentRows] = useState<Record<string, number>>({});
  const setCurrentRow = (sheet: string, row: number) => setCurrentRows((rows) => ({ ...rows, [sheet]: row }));
  const gridNow = useRef<Grid | null>(null);
  gridNow.current = grid;
  // A row the sidebar showed, scrolled into view once its tab is on screen.
  const pendingScroll = useRef<RowRef | null>(null);
  const show = ({ sheet, row }: RowRef) => {
    // Before the first load the tab is kept, and load() falls back if it does not exist.
    if (gridNow.current && !gridNow.current.tabs.some((tab) => tab.name === sheet)) return;
    setTabName(sheet);
    setCurrentRow(sheet, row);
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
  return { grid, error, tabName, setTabName, currentRows, setCurrentRow, pendingScroll };
}
