/** Review's closing lists: the goals and pillars no work reaches, and the declined requests that came back. */
import type { Queued } from '../types';
import { idOf } from './review-format';

export function Orphans({ rows }: { rows: readonly Queued[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="orphans-head">
      <h2 id="orphans-head">Goals and pillars nothing reaches</h2>
      <ul class="plain">
        {rows.map((row) => (
          <li key={idOf(row)}>
            <bdi>{row.title || row.key}</bdi>{' '}
            <span class="muted">
              <bdi>{row.sheet}</bdi> row {row.row}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Resurfaced({ rows }: { rows: readonly Queued[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="resurfaced-head">
      <h2 id="resurfaced-head">Declined before, back again</h2>
      <ul class="plain">
        {rows.map((row) => (
          <li key={idOf(row)}>
            <div class="title">
              <bdi>{row.title}</bdi>
            </div>
            <div class="muted">{row.advice.find((advice) => advice.codes.includes('RESURFACED'))?.problem}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
