/**
 * Link: follows the selected row, shows its trace and flags, and links it to one or several
 * goals. In Sheets the selection is asked for every few seconds; in the preview the grid
 * says when a row is picked.
 */
import { useEffect, useState } from 'preact/hooks';
import { GoalPicker, type Chosen } from '../goal-picker';
import { RowCard } from '../row-card';
import { call, inAppsScript } from '../server';
import type { RowContext } from '../types';

export type Selection = { sheet: string; row: number } | null;

export function Link({ selection }: { selection: Selection }) {
  const [context, setContext] = useState<RowContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const load = () => call('rowContext', selection ?? undefined).then((reply) => {
    if (reply.ok) setContext(reply.value);
    else setError(reply.error);
  });
  useEffect(() => {
    setSaved(null);
    void load();
    if (!inAppsScript()) return undefined;
    const timer = window.setInterval(() => void load(), 3000);
    return () => window.clearInterval(timer);
  }, [selection?.sheet, selection?.row]);

  if (error) return <p class="error" role="alert">{error}</p>;
  if (!context) return <p class="muted" role="status">Reading the selected row…</p>;
  const item = context.item;
  if (!item) return <p class="muted">Select a roadmap or task row in the sheet to link it to goals.</p>;
  return (
    <div>
      <RowCard item={item} />
      <p class="why">{item.why}</p>
      {saved && <p class="ok" role="status">{saved}</p>}
      {item.canLink ? (
        <GoalPicker key={`${item.sheet}!${item.row}`} picker={context.picker} busy={busy} onSave={(goals: Chosen[]) => {
          setBusy(true);
          void call('linkRow', { sheet: item.sheet, key: item.key, expectedTitle: item.title, goals }).then((reply) => {
            setBusy(false);
            if (reply.ok) {
              setSaved(`Saved: ${reply.value.linkText}`);
              void load();
            } else setError(reply.error);
          });
        }} />
      ) : (
        <p class="muted">Goals and pillars are linked on their own tabs; the sidebar links roadmap and task rows.</p>
      )}
    </div>
  );
}
