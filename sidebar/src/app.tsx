/**
 * The sidebar: four views behind tabs, and the selection the Link view follows. A view is
 * built the first time it is opened and then kept, hidden, while another is shown: a reason
 * half typed in Review is still there after a look at Link.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { TabList } from './tab-list';
import { Link, type Selection } from './views/link';
import { Review } from './views/review';
import { Setup } from './views/setup';
import { Strategy } from './views/strategy';

type ViewId = 'review' | 'link' | 'strategy' | 'setup';
const LABELS: Record<ViewId, string> = { review: 'Review', link: 'Link', strategy: 'Strategy', setup: 'Setup' };
const ORDER: readonly ViewId[] = ['review', 'link', 'strategy', 'setup'];

export function App() {
  const [view, setView] = useState<ViewId>('review');
  const [opened, setOpened] = useState<ReadonlySet<ViewId>>(new Set(['review']));
  const [selection, setSelection] = useState<Selection>(null);
  const [unsaved, setUnsaved] = useState<ReadonlySet<ViewId>>(new Set());
  const open = (id: ViewId) => {
    setView(id);
    setOpened((before) => (before.has(id) ? before : new Set([...before, id])));
  };
  const dirty = (id: ViewId) => (isDirty: boolean) =>
    setUnsaved((before) => {
      if (before.has(id) === isDirty) return before;
      const next = new Set(before);
      if (isDirty) next.add(id);
      else next.delete(id);
      return next;
    });
  const openView = useRef(open);
  openView.current = open;
  useEffect(() => {
    // The local preview's grid tells the sidebar which row is picked.
    const listener = (event: MessageEvent) => {
      const data = event.data as { type?: string; sheet?: unknown; row?: unknown } | null;
      if (event.origin !== window.location.origin || data?.type !== 'ladder-select') return;
      if (typeof data.sheet === 'string' && typeof data.row === 'number') {
        setSelection({ sheet: data.sheet, row: data.row });
        openView.current('link');
      }
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, []);
  const anyUnsaved = unsaved.size > 0;
  useEffect(() => {
    // Closing or reloading the page with input not sent: the browser asks first.
    if (!anyUnsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anyUnsaved]);
  const tabs = ORDER.map((id) => ({
    id,
    label: unsaved.has(id) ? (
      <>
        {LABELS[id]}{' '}
        <span class="unsaved" title="Not saved yet">
          •<span class="visually-hidden"> (not saved yet)</span>
        </span>
      </>
    ) : (
      LABELS[id]
    ),
  }));
  return (
    <main aria-label="Ladder sidebar">
      <h1 class="visually-hidden">Ladder</h1>
      <nav aria-label="Ladder views">
        <TabList tabs={tabs} selected={view} label="Ladder views" panel="view" onSelect={open} />
      </nav>
      <div id="view" role="tabpanel" aria-labelledby={`tab-${view}`}>
        {opened.has('review') && (
          <div hidden={view !== 'review'}>
            <Review active={view === 'review'} onDirty={dirty('review')} onOpenSetup={() => open('setup')} />
          </div>
        )}
        {opened.has('link') && (
          <div hidden={view !== 'link'}>
            <Link selection={selection} onDirty={dirty('link')} />
          </div>
        )}
        {opened.has('strategy') && (
          <div hidden={view !== 'strategy'}>
            <Strategy active={view === 'strategy'} onDirty={dirty('strategy')} />
          </div>
        )}
        {opened.has('setup') && (
          <div hidden={view !== 'setup'}>
            <Setup active={view === 'setup'} onDirty={dirty('setup')} />
          </div>
        )}
      </div>
    </main>
  );
}
