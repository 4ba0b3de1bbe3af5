/**
 * A row of tabs as the WAI-ARIA tabs pattern has it: one tab stop (the selected tab), the
 * arrow keys and Home/End move between tabs and select them, and each tab names the panel
 * it controls.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface Tab<T extends string> {
  readonly id: T;
  readonly label: ComponentChildren;
}

interface Props<T extends string> {
  tabs: readonly Tab<T>[];
  selected: T;
  label: string;
  panel: string;
  onSelect(id: T): void;
}

export function TabList<T extends string>({ tabs, selected, label, panel, onSelect }: Props<T>) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    onSelect(next.id);
    // Focus follows the selection, as in Sheets' own tab strips.
    list.current?.querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} class="tabs" ref={list} onKeyDown={move}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={panel}
          tabIndex={tab.id === selected ? 0 : -1}
          class={tab.id === selected ? 'tab active' : 'tab'}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
