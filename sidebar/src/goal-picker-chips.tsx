/**
 * The links a row's goal cell holds, as chips: each names its goal (and says when the link is
 * broken, ambiguous or not to a goal), takes an optional share, and can be removed.
 */
import { type Entry, isUnusable, name } from './goal-picker-rules';

interface Edits {
  onShare(key: string, share: string): void;
  onRemove(key: string): void;
}

const NOTES: Partial<Record<Entry['status'], string>> = {
  broken: 'matches no row',
  ambiguous: 'matches several rows',
  above: 'not a goal',
};

function Chip({ entry, onShare, onRemove }: { entry: Entry } & Edits) {
  const note = NOTES[entry.status];
  return (
    <li class={isUnusable(entry) ? 'chip bad' : 'chip'}>
      <span class="chip-name">
        <bdi>{entry.title}</bdi>
        {entry.title !== entry.key && (
          <span class="muted">
            {' '}
            <bdi>{entry.key}</bdi>
          </span>
        )}
      </span>
      {note && <span class="chip-note">{note}</span>}
      <label class="share">
        <span class="visually-hidden">Share of {name(entry)}, percent (optional)</span>
        <input
          type="number"
          min={1}
          max={100}
          inputMode="decimal"
          placeholder="share"
          value={entry.share}
          onInput={(event) => onShare(entry.key, (event.target as HTMLInputElement).value)}
        />
        <span aria-hidden="true">%</span>
      </label>
      <button type="button" class="chip-remove" aria-label={`Remove ${name(entry)}`} onClick={() => onRemove(entry.key)}>
        ×
      </button>
    </li>
  );
}

export function LinkedChips({ chosen, ...edits }: { chosen: readonly Entry[] } & Edits) {
  if (chosen.length === 0) return <p class="muted">No goal yet. Pick one below.</p>;
  return (
    <ul class="chips linked" aria-label="Linked to">
      {chosen.map((entry) => (
        <Chip key={entry.key} entry={entry} {...edits} />
      ))}
    </ul>
  );
}
