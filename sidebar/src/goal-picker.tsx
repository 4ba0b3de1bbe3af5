/**
 * Choosing the goals a row moves. The links the row's goal cell holds now come first, as
 * chips that can be removed or given a share; the search and the goals grouped under their
 * pillar add to them. Anti-priorities are shown as warnings, never as choices. What the cell
 * will read is shown before saving, and a save that drops or changes a link the PM had asks
 * first. Saving hands back [{ key, share? }], the whole new link.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Brief, CurrentLink, Picker } from './types';
import { useLatest } from './use-latest';

export interface Chosen {
  key: string;
  share?: number;
}

interface Entry {
  key: string;
  title: string;
  status: CurrentLink['status'];
  /** As typed in the share box: '' for none. */
  share: string;
}

interface Props {
  picker: Picker;
  /** What the goal cell links to now. */
  current: readonly CurrentLink[];
  /** The goal cell's header ('' when saving adds a "Goal" column). */
  column: string;
  busy: boolean;
  onSave(goals: Chosen[]): void;
  onCancel?: () => void;
  onDirty?: (dirty: boolean) => void;
  saveLabel?: string;
  /** What the cell holds now when it changed in the sheet since `current` was read: the save replaces that. */
  cellNow?: string | undefined;
  /** Focus the search box when shown (opened by a button that is then gone). */
  autoFocus?: boolean;
}

const matches = (goal: Brief, query: string) => `${goal.key} ${goal.title}`.toLowerCase().includes(query.trim().toLowerCase());
const shareOf = (entry: Entry) => (entry.share.trim() === '' ? undefined : Number(entry.share));
/** The link cell as the server writes it (link-row.ts): "G1 (60%), G2". */
const cellText = (entries: readonly Entry[]) =>
  entries
    .map((entry) => (shareOf(entry) === undefined ? entry.key : `${entry.key} (${Math.round(shareOf(entry)! * 100) / 100}%)`))
    .join(', ');
const fromCurrent = (current: readonly CurrentLink[]): Entry[] =>
  current.map((link) => ({ key: link.key, title: link.title, status: link.status, share: link.share === null ? '' : String(link.share) }));
const name = (entry: Entry) => (entry.title && entry.title !== entry.key ? `${entry.title} (${entry.key})` : entry.key);

/** What stops a save, in a sentence, or null. */
function problemOf(entries: readonly Entry[]): string | null {
  const unusable = entries.find((entry) => entry.status === 'broken' || entry.status === 'ambiguous');
  if (unusable)
    return `“${unusable.key}” ${unusable.status === 'broken' ? 'matches no row' : 'matches several rows'}: remove it here, or fix it in the sheet.`;
  const shares = entries.map(shareOf).filter((share): share is number => share !== undefined);
  if (shares.some((share) => !(share > 0 && share <= 100))) return 'A share is a percent between 1 and 100.';
  const total = shares.reduce((a, b) => a + b, 0);
  if (total > 100.0001) return `The shares add up to ${Math.round(total * 100) / 100}%, more than 100%.`;
  const unshared = entries.filter((entry) => shareOf(entry) === undefined);
  if (shares.length > 0 && unshared.length > 0 && total >= 99.9999)
    return `The shares already add up to 100%, so ${name(unshared[0]!)} would get nothing: give it a share, or lower the others.`;
  return null;
}

export function GoalPicker({
  picker,
  current,
  column,
  cellNow,
  autoFocus = false,
  busy,
  onSave,
  onCancel,
  onDirty,
  saveLabel = 'Save link',
}: Props) {
  const initial = useMemo(() => fromCurrent(current), [current]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Entry[]>(initial);
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) search.current?.focus();
  }, [autoFocus]);
  // The Save button the focus was on gives way to the question: the focus goes to its answer.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  // A save that came back refused ends the question: what is asked next time may differ (the cell changed).
  useEffect(() => {
    if (!busy) setConfirming(false);
  }, [busy]);
  const before = cellText(initial);
  const after = cellText(chosen);
  const changed = after !== before;
  const report = useLatest(onDirty);
  useEffect(() => report.current?.(changed), [changed, report]);
  useEffect(() => () => report.current?.(false), [report]);

  const toggle = (goal: Brief) => {
    setConfirming(false);
    setChosen(
      chosen.some((entry) => entry.key === goal.key)
        ? chosen.filter((entry) => entry.key !== goal.key)
        : [...chosen, { key: goal.key, title: goal.title, status: 'goal', share: '' }],
    );
  };
  const remove = (key: string) => {
    setConfirming(false);
    setChosen(chosen.filter((entry) => entry.key !== key));
  };
  const setShare = (key: string, share: string) => {
    setConfirming(false);
    setChosen(chosen.map((entry) => (entry.key === key ? { ...entry, share } : entry)));
  };
  const problem = problemOf(chosen);
  // Every link with a share, and the shares short of 100%: the rest of the row reaches no goal. Allowed (a PM may
  // mean it), but said before saving.
  const shareTotal = chosen.reduce((sum, entry) => sum + (shareOf(entry) ?? 0), 0);
  const shortBy = chosen.length > 0 && chosen.every((entry) => shareOf(entry) !== undefined) && shareTotal < 99.9999 ? 100 - shareTotal : 0;
  // Dropping a link, or changing a share, replaces what the PM wrote: say so first.
  const dropped = initial.filter((entry) => !chosen.some((other) => other.key === entry.key));
  const reshared = initial.filter((entry) => chosen.some((other) => other.key === entry.key && shareOf(other) !== shareOf(entry)));
  const changedOutside = cellNow !== undefined && cellNow !== before;
  const replaces = dropped.length > 0 || reshared.length > 0 || changedOutside;
  const save = () =>
    onSave(chosen.map((entry) => (shareOf(entry) === undefined ? { key: entry.key } : { key: entry.key, share: shareOf(entry)! })));

  const goalRow = (goal: Brief, group: string) => (
    <li key={`${group}:${goal.key}`} class="goal">
      <label>
        <input type="checkbox" checked={chosen.some((entry) => entry.key === goal.key)} onChange={() => toggle(goal)} />
        <span class="goal-title">
          <bdi>{goal.title}</bdi>
        </span>{' '}
        <span class="muted">
          <bdi>{goal.key}</bdi>
        </span>
      </label>
    </li>
  );
  const groups = [
    ...picker.groups.map((group) => ({ title: group.pillar.title, goals: group.goals })),
    ...(picker.loose.length > 0 ? [{ title: 'Not under a pillar', goals: picker.loose }] : []),
  ];
  const where = column ? `the “${column}” cell` : 'a new “Goal” column';
  return (
    <div class="picker">
      <h4 class="picker-head">Linked to</h4>
      {chosen.length === 0 ? (
        <p class="muted">No goal yet. Pick one below.</p>
      ) : (
        <ul class="chips linked" aria-label="Linked to">
          {chosen.map((entry) => (
            <li key={entry.key} class={entry.status === 'broken' || entry.status === 'ambiguous' ? 'chip bad' : 'chip'}>
              <span class="chip-name">
                <bdi>{entry.title}</bdi>
                {entry.title !== entry.key && (
                  <span class="muted">
                    {' '}
                    <bdi>{entry.key}</bdi>
                  </span>
                )}
              </span>
              {entry.status === 'broken' && <span class="chip-note">matches no row</span>}
              {entry.status === 'ambiguous' && <span class="chip-note">matches several rows</span>}
              {entry.status === 'above' && <span class="chip-note">not a goal</span>}
              <label class="share">
                <span class="visually-hidden">Share of {name(entry)}, percent (optional)</span>
                <input
                  type="number"
                  min={1}
                  max={100}
                  inputMode="decimal"
                  placeholder="share"
                  value={entry.share}
                  onInput={(event) => setShare(entry.key, (event.target as HTMLInputElement).value)}
                />
                <span aria-hidden="true">%</span>
              </label>
              <button type="button" class="chip-remove" aria-label={`Remove ${name(entry)}`} onClick={() => remove(entry.key)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="field">
        Find a goal
        <input
          ref={search}
          type="search"
          value={query}
          placeholder="Title or id"
          onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
        />
      </label>
      {groups.map((group) => {
        const shown = group.goals.filter((goal) => matches(goal, query));
        return shown.length === 0 ? null : (
          <fieldset key={group.title}>
            <legend>
              <bdi>{group.title}</bdi>
            </legend>
            <ul>{shown.map((goal) => goalRow(goal, group.title))}</ul>
          </fieldset>
        );
      })}
      {groups.every((group) => !group.goals.some((goal) => matches(goal, query))) && <p class="muted">No goal matches “{query}”.</p>}
      {picker.antiPriorities.length > 0 && (
        <div class="warning" role="note">
          <strong>Anti-priorities</strong>: the strategy says not to work on these.
          <ul>
            {picker.antiPriorities.map((anti) => (
              <li key={anti.key}>
                ⚠ <bdi>{anti.title}</bdi>
                {anti.goals.length > 0 ? (
                  <>
                    {' '}
                    (goals under it: <bdi>{anti.goals.map((goal) => goal.title).join(', ')}</bdi>)
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="will-read" aria-live="polite">
        {changed ? (
          <>
            Saving writes{' '}
            <code>
              <bdi>{after || '(empty)'}</bdi>
            </code>{' '}
            into {where}
            {(cellNow ?? before) ? (
              <>
                , instead of{' '}
                <code>
                  <bdi>{cellNow ?? before}</bdi>
                </code>
              </>
            ) : (
              ''
            )}
            .
          </>
        ) : (
          'Nothing changed yet.'
        )}
      </p>
      {!problem && shortBy > 0 && (
        <p class="flag">
          The shares add up to {Math.round(shareTotal * 100) / 100}%: the other {Math.round(shortBy * 100) / 100}% of this row will reach no
          goal. Clear a share to let the links split the row.
        </p>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {chosen.length === 0 && changed && (
        <p class="error" role="alert">
          A link needs at least one goal. To unlink the row, clear its cell in the sheet.
        </p>
      )}
      {confirming ? (
        <fieldset class="confirm">
          <legend class="visually-hidden">Replace the link?</legend>
          <p>
            This replaces what the cell says now
            {changedOutside ? (
              <>
                {' '}
                (“<bdi>{cellNow}</bdi>”, changed in the sheet)
              </>
            ) : (
              ''
            )}
            {dropped.length + reshared.length > 0 ? ':' : '.'}{' '}
            {dropped.length > 0 && (
              <>
                it drops{' '}
                <strong>
                  <bdi>{dropped.map(name).join(', ')}</bdi>
                </strong>
                {reshared.length > 0 ? ' and ' : ''}
              </>
            )}
            {reshared.length > 0 && (
              <>
                changes the share of{' '}
                <strong>
                  <bdi>{reshared.map(name).join(', ')}</bdi>
                </strong>
              </>
            )}
            {dropped.length + reshared.length > 0 ? '.' : ''}
          </p>
          <div class="actions">
            <button type="button" class="primary" ref={confirmButton} disabled={busy} onClick={save}>
              Replace the link
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Back
            </button>
          </div>
        </fieldset>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="primary"
            disabled={busy || !changed || chosen.length === 0 || problem !== null}
            onClick={() => (replaces ? setConfirming(true) : save())}
          >
            {saveLabel}
          </button>
          {onCancel && (
            <button type="button" disabled={busy} onClick={onCancel}>
              Cancel
            </button>
          )}
          {!onCancel && changed && (
            <button type="button" disabled={busy} onClick={() => setChosen(initial)}>
              Undo changes
            </button>
          )}
        </div>
      )}
    </div>
  );
}
