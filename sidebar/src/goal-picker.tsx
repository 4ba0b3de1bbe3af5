/**
 * Choosing the goals a row moves: a search box, goals grouped under their pillar, an
 * optional share for each chosen goal, and the anti-priorities shown as warnings, never as
 * choices. Saving hands back [{ key, share? }].
 */
import { useState } from 'preact/hooks';
import type { Brief, Picker } from './types';

export interface Chosen {
  key: string;
  share?: number;
}

interface Props {
  picker: Picker;
  busy: boolean;
  onSave(goals: Chosen[]): void;
  saveLabel?: string;
}

const matches = (goal: Brief, query: string) => `${goal.key} ${goal.title}`.toLowerCase().includes(query.trim().toLowerCase());

export function GoalPicker({ picker, busy, onSave, saveLabel = 'Save link' }: Props) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const toggle = (key: string) => {
    const next = new Map(chosen);
    if (next.has(key)) next.delete(key);
    else next.set(key, '');
    setChosen(next);
  };
  const setShare = (key: string, share: string) => setChosen(new Map(chosen).set(key, share));
  const shares = [...chosen.values()].filter((share) => share !== '').map(Number);
  const invalid = shares.some((share) => !(share > 0 && share <= 100)) || shares.reduce((a, b) => a + b, 0) > 100;

  const goalRow = (goal: Brief, group: string) => (
    <li key={`${group}:${goal.key}`} class="goal">
      <label>
        <input type="checkbox" checked={chosen.has(goal.key)} onChange={() => toggle(goal.key)} />
        <span class="goal-title">{goal.title}</span> <span class="muted">{goal.key}</span>
      </label>
      {chosen.has(goal.key) && (
        <label class="share">
          Share %
          <input type="number" min={1} max={100} inputMode="numeric" value={chosen.get(goal.key)} onInput={(event) => setShare(goal.key, (event.target as HTMLInputElement).value)} aria-label={`Share of ${goal.title}, percent (optional)`} />
        </label>
      )}
    </li>
  );

  const groups = [
    ...picker.groups.map((group) => ({ title: group.pillar.title, goals: group.goals })),
    ...(picker.loose.length > 0 ? [{ title: 'Not under a pillar', goals: picker.loose }] : []),
  ];
  return (
    <div class="picker">
      <label class="field">
        Find a goal
        <input type="search" value={query} placeholder="Title or id" onInput={(event) => setQuery((event.target as HTMLInputElement).value)} />
      </label>
      {groups.map((group) => {
        const shown = group.goals.filter((goal) => matches(goal, query));
        return shown.length === 0 ? null : (
          <fieldset key={group.title}>
            <legend>{group.title}</legend>
            <ul>{shown.map((goal) => goalRow(goal, group.title))}</ul>
          </fieldset>
        );
      })}
      {picker.antiPriorities.length > 0 && (
        <div class="warning" role="note">
          <strong>Anti-priorities</strong>: the strategy says not to work on these.
          <ul>
            {picker.antiPriorities.map((anti) => (
              <li key={anti.key}>
                ⚠ {anti.title}{anti.goals.length > 0 ? ` (goals under it: ${anti.goals.map((goal) => goal.title).join(', ')})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {invalid && <p class="error" role="alert">Shares must be between 1 and 100 and add up to 100 at most.</p>}
      <button type="button" class="primary" disabled={busy || chosen.size === 0 || invalid}
        onClick={() => onSave([...chosen].map(([key, share]) => (share === '' ? { key } : { key, share: Number(share) })))}>
        {saveLabel}
      </button>
    </div>
  );
}
