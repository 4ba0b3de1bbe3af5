/**
 * The sidebar: five views behind tabs, and the selection the Link view follows. A view is
 * built the first time it is opened and then kept, hidden, while another is shown: a reason
 * half typed in Review is still there after a look at Link.
 */
import type { ComponentChildren } from 'preact';
import { usePickedRow, useUnloadWarning, useViews, type ViewId } from './app-hooks';
import { TabList } from './tab-list';
import { useMarks } from './use-dirty-set';
import { Changes } from './views/changes';
import { Link } from './views/link';
import { Review } from './views/review';
import { Setup } from './views/setup';
import { Strategy } from './views/strategy';

const LABELS: Record<ViewId, string> = { review: 'Review', link: 'Link', strategy: 'Strategy', setup: 'Setup', changes: 'Changes' };
// Changes last: Setup stays where PMs know it, one arrow key right of Strategy.
const ORDER: readonly ViewId[] = ['review', 'link', 'strategy', 'setup', 'changes'];

/** A view's tab label, with a dot (and words for a screen reader) while it holds input not saved. */
function tabLabel(id: ViewId, unsaved: boolean): ComponentChildren {
  if (!unsaved) return LABELS[id];
  return (
    <>
      {LABELS[id]}{' '}
      <span class="unsaved" title="Not saved yet">
        •<span class="visually-hidden"> (not saved yet)</span>
      </span>
    </>
  );
}

/** A view's place in the panel: absent until first opened, then kept and only hidden. */
function Pane({ id, view, opened, children }: { id: ViewId; view: ViewId; opened: ReadonlySet<ViewId>; children: ComponentChildren }) {
  return opened.has(id) ? <div hidden={view !== id}>{children}</div> : null;
}

export function App() {
  const { view, opened, open } = useViews('review');
  const { marks: unsaved, mark: dirty } = useMarks<ViewId>();
  const selection = usePickedRow(() => open('link'));
  useUnloadWarning(unsaved.size > 0);
  const tabs = ORDER.map((id) => ({ id, label: tabLabel(id, unsaved.has(id)) }));
  const panes = { view, opened };
  return (
    <main aria-label="Ladder sidebar">
      <h1 class="visually-hidden">Ladder</h1>
      <nav aria-label="Ladder views">
        <TabList tabs={tabs} selected={view} label="Ladder views" panel="view" onSelect={open} />
      </nav>
      <div id="view" role="tabpanel" aria-labelledby={`tab-${view}`}>
        <Pane id="review" {...panes}>
          <Review active={view === 'review'} onDirty={dirty('review')} onOpenSetup={() => open('setup')} />
        </Pane>
        <Pane id="link" {...panes}>
          <Link selection={selection} onDirty={dirty('link')} />
        </Pane>
        <Pane id="strategy" {...panes}>
          <Strategy active={view === 'strategy'} onDirty={dirty('strategy')} />
        </Pane>
        <Pane id="setup" {...panes}>
          <Setup active={view === 'setup'} onDirty={dirty('setup')} />
        </Pane>
        <Pane id="changes" {...panes}>
          <Changes active={view === 'changes'} />
        </Pane>
      </div>
    </main>
  );
}
