/**
 * The sidebar shell's state beyond its views: which view is shown and which were ever opened
 * (a view is kept once built), the row the preview's grid picked, and the browser's question
 * before a page with unsent input is closed.
 */
import { useEffect, useState } from 'preact/hooks';
import { useLatest } from './use-latest';
import type { Selection } from './views/link';

export type ViewId = 'review' | 'link' | 'strategy' | 'setup' | 'changes';

/** The view on show, and every view opened so far (built once, then hidden while another is shown). */
export function useViews(first: ViewId) {
  const [view, setView] = useState<ViewId>(first);
  const [opened, setOpened] = useState<ReadonlySet<ViewId>>(new Set([first]));
  const open = (id: ViewId) => {
    setView(id);
    setOpened((before) => (before.has(id) ? before : new Set([...before, id])));
  };
  return { view, opened, open };
}

/** The row the local preview's grid says is picked; a pick opens the Link view (`onPick`). */
export function usePickedRow(onPick: () => void): Selection {
  const [selection, setSelection] = useState<Selection>(null);
  const picked = useLatest(onPick);
  useEffect(() => {
    const listener = (event: MessageEvent) => {
      const data = event.data as { type?: string; sheet?: unknown; row?: unknown } | null;
      if (event.origin !== window.location.origin || data?.type !== 'ladder-select') return;
      if (typeof data.sheet === 'string' && typeof data.row === 'number') {
        setSelection({ sheet: data.sheet, row: data.row });
        picked.current();
      }
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [picked]);
  return selection;
}

/**
 * Closing or reloading the page with input not sent: the browser asks first. The listener
 * stays for the page's life and reads the state as last rendered, so the question follows
 * what the tabs show at once, not an effect that runs a frame later.
 */
export function useUnloadWarning(unsaved: boolean) {
  const latest = useLatest(unsaved);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!latest.current) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [latest]);
}
