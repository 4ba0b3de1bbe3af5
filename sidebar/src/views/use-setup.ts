/**
 * Setup's state: the tabs as read, the PM's edits to them (only tabs touched are held), and
 * saving, with what was said after it and the focus taken to that.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../server';
import type { SetupTab } from '../types';
import { useCall } from '../use-call';
import { useLatest } from '../use-latest';
import type { Edit, Use } from './setup-labels';
import { mappingsOf, savedReport } from './setup-save';
import { toleranceOf, toleranceReport } from './setup-tolerance';

export function useSetup(active: boolean, onDirty: (dirty: boolean) => void) {
  const setup = useCall('setup', undefined, [], active);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  // The tolerance as typed; null while the PM has not touched it.
  const [tolerance, setTolerance] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  // The answer is at the top and the Save button at the bottom: take the PM (and the focus) to it.
  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);
  const savedTolerance = setup.value?.tolerance.saved ?? null;
  const toleranceShown = tolerance ?? (savedTolerance === null ? '' : String(savedTolerance));
  const toleranceChanged = tolerance !== null && tolerance.trim() !== (savedTolerance === null ? '' : String(savedTolerance));
  const changed = Object.keys(edits).length > 0 || toleranceChanged;
  const report = useLatest(onDirty);
  useEffect(() => report.current(changed), [changed, report]);
  /** A tab as shown: as edited, else as Ladder reads it. */
  const shownOf = (tab: SetupTab): Edit =>
    edits[tab.sheet] ?? { use: tab.use as Use, headerRow: tab.headerRow === null ? '' : String(tab.headerRow), columns: {} };
  const edit = (tab: SetupTab, change: Partial<Edit>) => setEdits({ ...edits, [tab.sheet]: { ...shownOf(tab), ...change } });
  const save = () => {
    if (!setup.value) return;
    const chosen = toleranceOf(toleranceShown);
    if (!chosen.ok) {
      setMessage({ ok: false, lines: [chosen.error] });
      return;
    }
    setBusy(true);
    // Everything saved is sent again: a tolerance saved earlier stays when only tabs change.
    const settings = {
      version: 1 as const,
      tabs: mappingsOf(setup.value, edits),
      ...(chosen.value === null ? {} : { tolerance: chosen.value }),
    };
    const choice = setup.value.tolerance;
    void call('saveSetup', settings).then(async (reply) => {
      if (!reply.ok) {
        setBusy(false);
        setMessage({ ok: false, lines: [reply.error] });
        return;
      }
      const fresh = await call('setup');
      setBusy(false);
      setMessage(
        fresh.ok
          ? {
              ok: true,
              lines: ['Saved.', ...savedReport(edits, fresh.value), ...(toleranceChanged ? [toleranceReport(chosen.value, choice)] : [])],
            }
          : { ok: true, lines: ['Saved, but the tabs could not be read again:', fresh.error] },
      );
      setEdits({});
      setTolerance(null);
      void setup.reload();
    });
  };
  const undo = () => {
    setEdits({});
    setTolerance(null);
  };
  return { setup, edits, changed, shownOf, edit, undo, save, busy, message, status, toleranceShown, setTolerance };
}
