/**
 * Review, before quarterly planning: the cascade's health at a glance, then the flagged
 * roadmap rows one by one, each to link to a goal, decline with a receipt, or skip; and the
 * goals no work reaches and the requests that came back.
 */
import { useState } from 'preact/hooks';
import { DeclineForm, type Decline } from '../decline-form';
import { GoalPicker, type Chosen } from '../goal-picker';
import { RowCard } from '../row-card';
import { call } from '../server';
import type { Health } from '../types';
import { useCall } from '../use-call';

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);

function Summary({ health }: { health: Health }) {
  return (
    <section aria-label="Health">
      {health.coverage.map((cover) => (
        <p key={cover.layer} class="coverage">
          <strong>{percent(cover.reaching, cover.rows)}</strong> of {cover.layer} rows reach a goal ({cover.reaching} of {cover.rows})
          {cover.effort > 0 ? `; ${percent(cover.effortReaching, cover.effort)} of their effort` : ''}
        </p>
      ))}
      <ul class="chips" aria-label="Rows per flag">
        {health.flagCounts.map((entry) => <li key={entry.code}>{entry.code} <strong>{entry.rows}</strong></li>)}
        {health.flagCounts.length === 0 && <li class="ok">Nothing flagged</li>}
      </ul>
      {health.strategy.checks.map((check) => <p key={check} class="flag">⚠ {check}</p>)}
      {health.warnings.map((warning) => <p key={warning} class="muted">{warning}</p>)}
    </section>
  );
}

function QueueItem({ sheet, row, onDone, onSkip }: { sheet: string; row: number; onDone(message: string): void; onSkip(): void }) {
  const context = useCall('rowContext', { sheet, row }, [sheet, row]);
  const [mode, setMode] = useState<'choose' | 'link' | 'decline'>('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (context.loading && !context.value) return <p class="muted">Loading the row…</p>;
  if (context.error || !context.value?.item) return <p class="error">{context.error ?? 'This row is gone; refresh.'}</p>;
  const item = context.value.item;
  const act = (name: 'linkRow' | 'declineRow', input: { goals: Chosen[] } | Decline, message: string) => {
    setBusy(true);
    setError(null);
    const row = { sheet: item.sheet, key: item.key, expectedTitle: item.title };
    const sent = name === 'linkRow' ? call('linkRow', { ...row, ...(input as { goals: Chosen[] }) }) : call('declineRow', { ...row, ...(input as Decline) });
    void sent.then((reply) => {
      setBusy(false);
      if (reply.ok) onDone(message);
      else setError(reply.error);
    });
  };
  return (
    <div>
      <RowCard item={item} />
      {error && <p class="error" role="alert">{error}</p>}
      {mode === 'choose' && (
        <div class="actions">
          <button type="button" class="primary" onClick={() => setMode('link')}>Link to a goal</button>
          <button type="button" onClick={() => setMode('decline')}>Decline</button>
          <button type="button" onClick={onSkip}>Skip</button>
        </div>
      )}
      {mode === 'link' && (
        <GoalPicker picker={context.value.picker} busy={busy} onSave={(goals: Chosen[]) => act('linkRow', { goals }, `Linked "${item.title}".`)} />
      )}
      {mode === 'decline' && (
        <DeclineForm picker={context.value.picker} busy={busy} onCancel={() => setMode('choose')}
          onDecline={(decline: Decline) => act('declineRow', decline, `Declined "${item.title}".`)} />
      )}
    </div>
  );
}

export function Review() {
  const health = useCall('health');
  const [position, setPosition] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  if (health.loading && !health.value) return <p class="muted" role="status">Reading the cascade…</p>;
  if (health.error || !health.value) return <p class="error" role="alert">Ladder could not read the cascade: {health.error}</p>;
  const queue = health.value.flagged.filter((row) => row.layer === 'roadmap');
  const orphans = health.value.flagged.filter((row) => row.codes.includes('ORPHAN'));
  const resurfaced = health.value.flagged.filter((row) => row.codes.includes('RESURFACED'));
  const current = queue[position];
  return (
    <div>
      <Summary health={health.value} />
      <h2>Roadmap rows to review</h2>
      {done && <p class="ok" role="status">{done}</p>}
      {queue.length === 0 && <p class="ok">Every roadmap row reaches a goal, and nothing is flagged.</p>}
      {current && (
        <div>
          <p class="muted">Row {position + 1} of {queue.length}</p>
          <QueueItem key={`${current.sheet}!${current.row}`} sheet={current.sheet} row={current.row}
            onSkip={() => setPosition((position + 1) % queue.length)}
            onDone={(message) => {
              setDone(message);
              void health.reload();
            }} />
        </div>
      )}
      {orphans.length > 0 && (
        <section>
          <h2>Goals and pillars nothing reaches</h2>
          <ul class="plain">{orphans.map((row) => <li key={`${row.sheet}!${row.row}`}>{row.title || row.key} <span class="muted">{row.sheet}!{row.row}</span></li>)}</ul>
        </section>
      )}
      {resurfaced.length > 0 && (
        <section>
          <h2>Declined before, back again</h2>
          <ul class="plain">
            {resurfaced.map((row) => (
              <li key={`${row.sheet}!${row.row}`}>
                <div class="title">{row.title}</div>
                <div class="flag">{row.flags.find((flag) => flag.startsWith('RESURFACED'))}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
