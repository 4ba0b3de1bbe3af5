/**
 * The preview page: the workbook's tabs as a grid (flagged rows highlighted, the roadmap
 * with its TRACE and IMPACT), and the real sidebar beside it. Picking a row tells the
 * sidebar; the sidebar tells the page when it changed the file, and the grid reloads.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { GridTab } from '../grid';
import { previewSession, SESSION_HEADER } from '../../../../sidebar/src/preview-session';

interface Grid {
  file: string;
  tabs: GridTab[];
}

function Page() {
  const [grid, setGrid] = useState<Grid | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState(0);
  const [picked, setPicked] = useState<{ sheet: string; row: number } | null>(null);
  const sidebar = useRef<HTMLIFrameElement>(null);
  const load = () => fetch('/api/grid', { headers: { [SESSION_HEADER]: previewSession() } }).then((response) => response.json()).then((value: Grid) => setGrid(value), (failure: Error) => setError(failure.message));
  useEffect(() => {
    void load();
    const listener = (event: MessageEvent) => {
      if (event.origin === window.location.origin && (event.data as { type?: string } | null)?.type === 'ladder-changed') void load();
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, []);
  const pick = (sheet: string, row: number) => {
    setPicked({ sheet, row });
    sidebar.current?.contentWindow?.postMessage({ type: 'ladder-select', sheet, row }, window.location.origin);
  };

  const current = grid?.tabs[tab];
  return (
    <div class="layout">
      <section class="sheet" aria-label="Workbook">
        <header>
          <strong>Ladder preview</strong> <span class="muted">{grid?.file ?? ''}</span>
        </header>
        {error && <p class="error" role="alert">{error}</p>}
        <nav role="tablist" aria-label="Tabs">
          {grid?.tabs.map((candidate, index) => (
            <button key={candidate.name} type="button" role="tab" aria-selected={index === tab} class={index === tab ? 'tab active' : 'tab'} onClick={() => setTab(index)}>
              {candidate.name}{candidate.layer ? <span class="layer"> {candidate.layer}</span> : null}
            </button>
          ))}
        </nav>
        {current && (
          <div class="scroll">
            <table>
              <tbody>
                {current.rows.map((row) => {
                  const header = row.row === current.headerRow;
                  const selected = picked?.sheet === current.name && picked.row === row.row;
                  const classes = [header ? 'header' : '', row.flags ? 'flagged' : '', selected ? 'selected' : '', row.item ? 'item' : ''].join(' ').trim();
                  return (
                    <tr key={row.row} class={classes} data-row={row.row} tabIndex={row.item ? 0 : -1} aria-selected={selected}
                      onClick={() => row.item && pick(current.name, row.row)}
                      onKeyDown={(event) => {
                        if (row.item && (event.key === 'Enter' || event.key === ' ')) {
                          event.preventDefault();
                          pick(current.name, row.row);
                        }
                      }}>
                      <th scope="row">{row.row}</th>
                      {row.cells.map((cell, index) => (header ? <th key={index} scope="col">{cell}</th> : <td key={index}>{cell}</td>))}
                      {current.traced && (header ? <th scope="col">TRACE</th> : <td class="trace">{row.trace ?? ''}</td>)}
                      {current.traced && (header ? <th scope="col">IMPACT</th> : <td class="impact">{row.impact ?? ''}</td>)}
                      {current.headerRow !== null && (header ? <th scope="col">Flags</th> : <td class="flags">{row.flags}</td>)}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {current.more > 0 && <p class="muted">…and {current.more} more rows.</p>}
            {current.moreColumns > 0 && <p class="muted">…and {current.moreColumns} more columns, not shown.</p>}
          </div>
        )}
      </section>
      <iframe ref={sidebar} src="/sidebar" title="Ladder sidebar" class="sidebar" />
    </div>
  );
}

render(<Page />, document.getElementById('page')!);
