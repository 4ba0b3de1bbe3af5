/**
 * Setup: which tab Ladder reads as which layer, from which header row, with which columns.
 * The PM can change any of it; the choice is saved in the document and wins over detection.
 * Only what the PM changed is saved, so the rest keeps following the sheet. After saving it
 * reads the tabs again and says what Ladder now does with each changed tab, including where
 * that differs from what was asked (a header row with no headers on it, say).
 */
import { TabCard } from './setup-tab';
import { ToleranceField } from './setup-tolerance';
import { useSetup } from './use-setup';

export function Setup({ active, onDirty }: { active: boolean; onDirty(dirty: boolean): void }) {
  const { setup, edits, changed, shownOf, edit, undo, save, busy, message, status, toleranceShown, setTolerance } = useSetup(
    active,
    onDirty,
  );
  if (setup.loading && !setup.value)
    return (
      <p class="muted" role="status">
        Reading the tabs…
      </p>
    );
  if (setup.error || !setup.value)
    return (
      <p class="error" role="alert">
        {setup.error}
      </p>
    );
  const data = setup.value;
  return (
    <div>
      <h2>Tabs</h2>
      {data.warnings.map((warning) => (
        <p key={warning} class="flag">
          ⚠ {warning}
        </p>
      ))}
      <div role="status" tabIndex={-1} ref={status} class={message?.ok === false ? 'error' : 'said'}>
        {message?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {data.tabs.map((tab) => (
        <TabCard
          key={tab.sheet}
          tab={tab}
          choices={data.choices}
          shown={shownOf(tab)}
          edited={tab.sheet in edits}
          onEdit={(change) => edit(tab, change)}
        />
      ))}
      <h2>Planning</h2>
      <ToleranceField choice={data.tolerance} shown={toleranceShown} onEdit={setTolerance} />
      <div class="actions">
        <button type="button" class="primary" disabled={!changed || busy} onClick={save}>
          Save setup
        </button>
        {changed && (
          <button type="button" disabled={busy} onClick={undo}>
            Undo changes
          </button>
        )}
      </div>
    </div>
  );
}
