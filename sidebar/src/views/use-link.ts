/**
 * The Link view's state: the row the server last answered for the selection, the row on show
 * (kept while the picker holds changes, so a click elsewhere in the sheet loses nothing), and
 * saving a link, with what was said after it and the focus taken to that.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Chosen } from '../goal-picker';
import { goalNames, named } from '../names';
import { call, inAppsScript } from '../server';
import type { RowContext, RowItem } from '../types';
import { useLatest } from '../use-latest';
import { type Follower, follow } from './link-follow';

export type Selection = { sheet: string; row: number } | null;

export const placeOf = (item: { sheet: string; row: number }) => `${item.sheet}!${item.row}`;

/** The newest answer, and the one shown: they differ while `held` (the picker holds changes) for a row no longer selected. */
function useFollowedRow(selection: Selection, held: { readonly current: boolean }) {
  const [latest, setLatest] = useState<RowContext | null>(null);
  const [shown, setShown] = useState<RowContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The selection the next call asks about: read when the call is sent, not when requested.
  const selected = useLatest(selection);
  const [follower] = useState(() =>
    follow(
      () => call('rowContext', selected.current ?? undefined),
      (reply) => {
        // A failed poll (a timeout, a busy sheet) shows until the next answer replaces it.
        if (!reply.ok) {
          setError(reply.error);
          return;
        }
        setError(null);
        setLatest(reply.value);
        // Changes not saved yet keep their row on screen: a click elsewhere in the sheet loses nothing.
        if (!held.current) setShown(reply.value);
      },
      inAppsScript(),
    ),
  );
  // The follower is made once (useState's initialiser) and never replaced.
  useEffect(() => () => follower.stop(), [follower]);
  const selectedSheet = selection?.sheet;
  const selectedRow = selection?.row;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new selection is what asks again; the call reads it from a ref.
  useEffect(() => follower.request(), [follower, selectedSheet, selectedRow]);
  return { latest, shown, setShown, error, follower };
}

/** Saving the link, and what came back: said in `saved` (which takes the focus) or `saveError`, both cleared when another row is shown. */
function useLinkSave(shownPlace: string, follower: Follower, markDirty: (dirty: boolean) => void) {
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The form the focus was in is rebuilt after a save: focus what was said instead of losing it.
    if (saved) status.current?.focus();
  }, [saved]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another row is shown: what was said about the last one no longer applies.
  useEffect(() => {
    setSaved(null);
    setSaveError(null);
  }, [shownPlace]);
  /** `linkCell`: what the cell is known to hold; once the sidebar has said it changed (and shows it), saving replaces that. */
  const save = (item: RowItem, linkCell: string, goals: Chosen[]) => {
    setBusy(true);
    setSaveError(null);
    void call('linkRow', { sheet: item.sheet, key: item.key, expectedTitle: item.title, expectedLink: linkCell, goals }).then((reply) => {
      setBusy(false);
      if (reply.ok) {
        markDirty(false);
        setSaved(`Saved: ${named(item)} now links to ${goalNames(reply.value.goals)}.`);
        setVersion(version + 1);
        // What was asked before the save is older than the save: ask afresh.
        follower.request();
      } else {
        setSaveError(reply.error);
        // A refusal because the cell changed: show what it holds now (the picker keeps the PM's choice until they leave it).
        follower.request();
      }
    });
  };
  return { saveError, busy, saved, version, status, save };
}

export function useLink(selection: Selection, onDirty: (dirty: boolean) => void) {
  const [dirty, setDirty] = useState(false);
  const dirtyNow = useLatest(dirty);
  const { latest, shown, setShown, error, follower } = useFollowedRow(selection, dirtyNow);
  const markDirty = (value: boolean) => {
    setDirty(value);
    onDirty(value);
  };
  const shownItem = shown?.item ?? null;
  const shownPlace = shownItem ? placeOf(shownItem) : '';
  const saving = useLinkSave(shownPlace, follower, markDirty);
  /** Lets the unsaved choices go and shows the row as the sheet has it now. */
  const showLatest = () => {
    markDirty(false);
    setShown(latest);
  };
  return { dirty, markDirty, latest, shown, error, shownPlace, showLatest, ...saving };
}
