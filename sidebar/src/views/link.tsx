/**
 * Link: follows the selected row, shows its trace and flags, and links it to one or several
 * goals. In Sheets the selection is asked for again a few seconds after each answer; in the
 * preview the grid says when a row is picked.
 */
import type { ComponentChildren } from 'preact';
import { GoalPicker } from '../goal-picker';
import { named } from '../names';
import { RowCard } from '../row-card';
import type { RowItem } from '../types';
import { placeOf, type Selection, useLink } from './use-link';

export type { Selection } from './use-link';

/** Why the choices on screen are not the sheet's any more, and the button that lets them go. */
function LetGo({ label, onLetGo, children }: { label: string; onLetGo(): void; children: ComponentChildren }) {
  return (
    <div class="notice" role="alert">
      <p>{children}</p>
      <div class="actions">
        <button type="button" onClick={onLetGo}>
          {label}
        </button>
      </div>
    </div>
  );
}

type LinkState = ReturnType<typeof useLink>;

/** The row on show, its why, and the picker that links it (or why it is not linked here). `outdated`: the row as the sheet has it now, when its link cell changed meanwhile. */
function SelectedRow({ item, link, outdated }: { item: RowItem; link: LinkState; outdated: RowItem | null }) {
  return (
    <>
      <h2 class="visually-hidden">Selected row</h2>
      <RowCard item={item} />
      {item.why && <p class="why">{item.why}</p>}
      {link.saveError && (
        <p class="error" role="alert">
          {link.saveError}
        </p>
      )}
      {item.canLink ? (
        <GoalPicker
          key={`${link.shownPlace}:${item.linkCell}:${link.version}`}
          picker={link.shown!.picker}
          current={item.links}
          cellNow={outdated?.linkCell}
          column={item.linkColumn}
          busy={link.busy}
          onDirty={link.markDirty}
          onSave={(goals) => link.save(item, (outdated ?? item).linkCell, goals)}
        />
      ) : (
        <p class="muted">Goals and pillars are linked on their own tabs; the sidebar links roadmap and task rows.</p>
      )}
    </>
  );
}

/** While the picker holds changes: the newest answer when it is another row (`elsewhere`), or this row with its link cell changed (`outdated`). */
function driftOf({ dirty, latest, shown }: LinkState) {
  const shownItem = shown?.item ?? null;
  const latestItem = latest?.item ?? null;
  const same = latestItem && shownItem && placeOf(latestItem) === placeOf(shownItem);
  const elsewhere = dirty && latestItem && shownItem && !same ? latestItem : null;
  const outdated = dirty && !elsewhere && latestItem && same && latestItem.linkCell !== shownItem.linkCell ? latestItem : null;
  return { elsewhere, outdated };
}

export function Link({ selection, onDirty }: { selection: Selection; onDirty(dirty: boolean): void }) {
  const link = useLink(selection, onDirty);
  const { shown, error } = link;
  if (error && !shown)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!shown)
    return (
      <p class="muted" role="status">
        Reading the selected row…
      </p>
    );
  const item = shown.item;
  const { elsewhere, outdated } = driftOf(link);
  return (
    <div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {elsewhere && (
        <LetGo label="Discard them and show the new row" onLetGo={link.showLatest}>
          You selected {named(elsewhere)} (<bdi>{placeOf(elsewhere)}</bdi>). The changes below for {named(item!)} are not saved yet.
        </LetGo>
      )}
      {outdated && (
        <LetGo label="Start again from what it says now" onLetGo={link.showLatest}>
          Its link cell changed in the sheet meanwhile: it now reads “<bdi>{outdated.linkCell}</bdi>”. Save to replace that with your
          choice, or start again from it.
        </LetGo>
      )}
      <p class="said" role="status" tabIndex={-1} ref={link.status}>
        {link.saved ?? ''}
      </p>
      {!item ? (
        <p class="muted">Select a roadmap or task row in the sheet to link it to goals.</p>
      ) : (
        <SelectedRow item={item} link={link} outdated={outdated} />
      )}
    </div>
  );
}
