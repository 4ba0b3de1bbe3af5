/**
 * The workbook's tabs above the grid, as the WAI-ARIA tabs pattern has it: one tab stop (the
 * tab on show), the arrow keys and Home/End move between tabs and open them, wrapping round.
 */
import type { GridTab } from '../grid';
import { moved, TAB_KEYS } from './keys';

/** A tab's id, which the grid's panel is labelled by. */
export const tabId = (index: number) => `grid-tab-${index}`;

export function TabStrip({ tabs, index, onSelect }: { tabs: readonly GridTab[]; index: number; onSelect(name: string): void }) {
  const onKey = (event: KeyboardEvent) => {
    const next = moved(event, index, tabs.length, TAB_KEYS);
    if (next === null) return;
    event.preventDefault();
    onSelect(tabs[next]!.name);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div role="tablist" aria-label="Tabs" class="tabs" onKeyDown={onKey}>
      {tabs.map((candidate, at) => (
        <button
          key={candidate.name}
          id={tabId(at)}
          type="button"
          role="tab"
          aria-selected={at === index}
          aria-controls="grid-panel"
          tabIndex={at === index ? 0 : -1}
          class={at === index ? 'tab active' : 'tab'}
          onClick={() => onSelect(candidate.name)}
        >
          {candidate.name}
          {candidate.layer ? <span class="layer"> {candidate.layer}</span> : null}
        </button>
      ))}
    </div>
  );
}
