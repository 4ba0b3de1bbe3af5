/** The sidebar: four views behind tabs, and the selection the Link view follows. */
import { useEffect, useState } from 'preact/hooks';
import { Link, type Selection } from './views/link';
import { Review } from './views/review';
import { Setup } from './views/setup';
import { Strategy } from './views/strategy';

const VIEWS = [
  { id: 'review', label: 'Review' },
  { id: 'link', label: 'Link' },
  { id: 'strategy', label: 'Strategy' },
  { id: 'setup', label: 'Setup' },
] as const;
type ViewId = (typeof VIEWS)[number]['id'];

export function App() {
  const [view, setView] = useState<ViewId>('review');
  const [selection, setSelection] = useState<Selection>(null);
  useEffect(() => {
    // The local preview's grid tells the sidebar which row is picked.
    const listener = (event: MessageEvent) => {
      const data = event.data as { type?: string; sheet?: unknown; row?: unknown } | null;
      if (event.origin !== window.location.origin || data?.type !== 'ladder-select') return;
      if (typeof data.sheet === 'string' && typeof data.row === 'number') {
        setSelection({ sheet: data.sheet, row: data.row });
        setView('link');
      }
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, []);
  return (
    <main>
      <nav role="tablist" aria-label="Ladder views">
        {VIEWS.map(({ id, label }) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={view === id} aria-controls="view" class={view === id ? 'tab active' : 'tab'} onClick={() => setView(id)}>
            {label}
          </button>
        ))}
      </nav>
      <div id="view" role="tabpanel" aria-labelledby={`tab-${view}`}>
        {view === 'review' && <Review />}
        {view === 'link' && <Link selection={selection} />}
        {view === 'strategy' && <Strategy />}
        {view === 'setup' && <Setup />}
      </div>
    </main>
  );
}
