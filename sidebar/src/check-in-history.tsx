/** A goal's check-ins so far, newest first: the latest few, and the rest folded away. */
import type { CheckInView } from './types';

/** Check-ins listed before "N earlier" folds the rest away. */
const RECENT = 4;

function Entry({ entry }: { entry: CheckInView }) {
  return (
    <li class={entry.current ? 'current' : undefined}>
      <div>
        <strong>
          <bdi>{entry.value || '—'}</bdi>
        </strong>{' '}
        <span class="muted">
          on {entry.date || 'no date'}
          {entry.confidence ? `, confidence ${entry.confidence}` : ''}
          {entry.by ? (
            <>
              , by <bdi>{entry.by}</bdi>
            </>
          ) : (
            ''
          )}
        </span>
        {entry.current && <span class="history-tag"> current</span>}
      </div>
      {entry.note && (
        <p class="history-note">
          <bdi>{entry.note}</bdi>
        </p>
      )}
    </li>
  );
}

const Entries = ({ list, label }: { list: readonly CheckInView[]; label: string }) => (
  <ul class="history-list" aria-label={label}>
    {list.map((entry) => (
      <Entry key={`${entry.sheet}!${entry.row}`} entry={entry} />
    ))}
  </ul>
);

export function History({ title, list }: { title: string; list: readonly CheckInView[] }) {
  if (list.length === 0) return <p class="muted">No check-ins yet.</p>;
  const earlier = list.slice(RECENT);
  return (
    <div class="history">
      <p class="picker-head">Check-ins so far ({list.length}), newest first</p>
      <Entries list={list.slice(0, RECENT)} label={`Check-ins on ${title}`} />
      {earlier.length > 0 && (
        <details>
          <summary>{earlier.length} earlier</summary>
          <Entries list={earlier} label={`Earlier check-ins on ${title}`} />
        </details>
      )}
    </div>
  );
}
