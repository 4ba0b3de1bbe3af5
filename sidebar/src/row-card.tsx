/** A row as the sidebar shows it: where it is, its title, its flags and its trace. */
import type { RowItem } from './types';

export function RowCard({ item }: { item: RowItem }) {
  return (
    <div class="card">
      <div class="muted">{item.sheet}!{item.row} · {item.key}</div>
      <div class="title">{item.title || item.key}</div>
      {item.flags.map((flag) => <div key={flag.code} class="flag">⚠ {flag.code}: {flag.message}</div>)}
      <div class="trace">{item.trace}</div>
    </div>
  );
}
