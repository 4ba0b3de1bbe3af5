/**
 * The preview page: the workbook's tabs as a grid (flagged rows highlighted, each row's
 * flags, and for the roadmap its TRACE and IMPACT), and the real sidebar beside it. It opens
 * on the roadmap. Picking a row (a click, or Enter) tells the sidebar; the sidebar tells the
 * page when it changed the file (the grid reloads, on the same tab) and which row it is
 * showing (that row becomes the grid's current row). The grid is one tab stop, its rows
 * reached with the arrow keys, and so is the tab list above it (the WAI-ARIA tabs pattern).
 */
import { render } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { GridPanel } from './grid-panel';
import { TabStrip } from './tab-strip';
import { type RowRef, useWorkbook } from './use-workbook';

function Page() {
  const { grid, error, tabName, setTabName, currentRows, setCurrentRow, pendingScroll } = useWorkbook();
  const [picked, setPicked] = useState<RowRef | null>(null);
  const sidebar = useRef<HTMLIFrameElement>(null);
  const index = grid?.tabs.findIndex((tab) => tab.name === tabName) ?? -1;
  const current = index >= 0 ? grid?.tabs[index] : undefined;
  const pick = (sheet: string, row: number) => {
    setPicked({ sheet, row });
    setCurrentRow(sheet, row);
    sidebar.current?.contentWindow?.postMessage({ type: 'ladder-select', sheet, row }, window.location.origin);
  };
  return (
    <div class="layout">
      <main class="sheet" aria-label="Workbook">
        <header>
          <h1>Ladder preview</h1>
          <span class="muted file">{grid?.file ?? ''}</span>
          <span class="muted keys" id="grid-keys">
            ↑ ↓ Home End move between rows · Enter shows the row in the sidebar
          </span>
        </header>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <TabStrip tabs={grid?.tabs ?? []} index={index} onSelect={setTabName} />
        {current && (
          // Keyed by tab, so another tab opens scrolled to its top; a reload of the same tab keeps the scroll.
          <GridPanel
            key={current.name}
            tab={current}
            index={index}
            chosen={currentRows[current.name]}
            picked={picked?.sheet === current.name ? picked.row : null}
            pending={pendingScroll}
            onPick={(row) => pick(current.name, row)}
            onCurrent={(row) => setCurrentRow(current.name, row)}
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
