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

export function useSetup(active: boolean, onDirty: (dirty: boolean) => void) {
  const setup = useCall('setup', undefined, [], active);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  // The answer is at the top and the Save button at the bottom: take the PM (and the focus) to it.
  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);
  const changed = Object.keys(edits).length > 0;
  const report = useLatest(onDirty);
  useEffect(() => report.current(changed), [changed, report]);
  /** A tab as shown: as edited, else as Ladder reads it. */
  const shownOf = (tab: SetupTab): Edit =>
    edits[tab.sheet] ?? { use: tab.use as Use, headerRow: tab.headerRow === null ? '' : String(tab.headerRow), columns: {} };
  const edit = (tab: SetupTab, change: Partial<Edit>) => setEdits({ ...edits, [tab.sheet]: { ...shownOf(tab), ...change } });
  const save = () => {
    if (!setup.value) return;
    setBusy(true);
    void call('saveSetup', { version: 1, tabs: mappingsOf(setup.value, edits) }).then(async (reply) => {
      if (!reply.ok) {
        setBusy(false);
        setMessage({ ok: false, lines: [reply.error] });
        return;
      }
      const fresh = await call('setup');
      setBusy(false);
      setMessage(
        fresh.ok
          ? { ok: true, lines: ['Saved.', ...savedReport(edits, fresh.value)] }
          : { ok: true, lines: ['Saved, but the tabs could not be read again:', fresh.error] },
      );
      setEdits({});
      void setup.reload();
    });
  };
  return { setup, edits, changed, shownOf, edit, undo: () => setEdits({}), save, busy, message, status };
}
