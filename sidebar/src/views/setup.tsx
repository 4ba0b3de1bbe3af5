/**
 * Setup: which tab Ladder reads as which layer, from which header row, with which columns.
 * The PM can change a tab's layer or header row; the choice is saved in the document and
 * wins over detection.
 */
import { useState } from 'preact/hooks';
import { call } from '../server';
import type { Setup as SetupData } from '../types';
import { useCall } from '../use-call';

const USES = ['mission', 'vision', 'strategy', 'anti-priorities', 'goals', 'roadmap', 'tasks', 'declined', 'ignore'];

export function Setup() {
  const setup = useCall<SetupData>('setup');
  const [edits, setEdits] = useState<Record<string, { use: string; headerRow: string }>>({});
  const [message, setMessage] = useState<string | null>(null);
  if (setup.loading && !setup.value) return <p class="muted" role="status">Reading the tabs…</p>;
  if (setup.error || !setup.value) return <p class="error" role="alert">{setup.error}</p>;
  const data = setup.value;
  const edit = (sheet: string, field: 'use' | 'headerRow', value: string) => {
    const tab = data.tabs.find((candidate) => candidate.sheet === sheet)!;
    const current = edits[sheet] ?? { use: tab.use, headerRow: tab.headerRow === null ? '' : String(tab.headerRow) };
    setEdits({ ...edits, [sheet]: { ...current, [field]: value } });
  };
  const save = () => {
    const kept = data.saved.tabs.filter((tab) => !(tab.sheet in edits) && data.tabs.some((candidate) => candidate.sheet === tab.sheet));
    // A header row is saved only when the PM changed it: a pinned row would not follow the sheet.
    const changed = Object.entries(edits).map(([sheet, { use, headerRow }]) => {
      const detected = data.tabs.find((tab) => tab.sheet === sheet)?.headerRow;
      return { sheet, use, ...(headerRow && Number(headerRow) !== detected ? { headerRow: Number(headerRow) } : {}) };
    });
    void call('saveSetup', { version: 1, tabs: [...kept, ...changed] }).then((reply) => {
      setMessage(reply.ok ? 'Saved. Ladder reads the tabs this way from now on.' : reply.error);
      if (reply.ok) {
        setEdits({});
        void setup.reload();
      }
    });
  };
  return (
    <div>
      {data.warnings.map((warning) => <p key={warning} class="flag">⚠ {warning}</p>)}
      {message && <p role="status">{message}</p>}
      {data.tabs.map((tab) => {
        const shown = edits[tab.sheet] ?? { use: tab.use, headerRow: tab.headerRow === null ? '' : String(tab.headerRow) };
        return (
          <section key={tab.sheet} class="card">
            <div class="title">{tab.sheet}</div>
            <div class="row-fields">
              <label class="field">
                Layer
                <select value={shown.use} onChange={(event) => edit(tab.sheet, 'use', (event.target as HTMLSelectElement).value)}>
                  {USES.map((use) => <option key={use} value={use}>{use}</option>)}
                </select>
              </label>
              <label class="field narrow">
                Header row
                <input type="number" min={1} max={1000} value={shown.headerRow} onInput={(event) => edit(tab.sheet, 'headerRow', (event.target as HTMLInputElement).value)} />
              </label>
            </div>
            <p class="muted">
              {tab.use === 'ignore' ? 'Not read.' : `${tab.items} rows · ${tab.source === 'settings' ? 'your setting' : 'detected'}`}
              {tab.columns.length > 0 ? ` · ${tab.columns.map((column) => `${column.role}: ${column.headers.join(', ')}`).join(' · ')}` : ''}
            </p>
          </section>
        );
      })}
      <button type="button" class="primary" disabled={Object.keys(edits).length === 0} onClick={save}>Save setup</button>
    </div>
  );
}
