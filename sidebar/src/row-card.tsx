/**
 * A row as the sidebar shows it: where it is, its title, what is wrong with it and what to
 * do (one sentence each per cause, the flag codes small beside), and its paths up the
 * cascade, one per line.
 */
import type { Ref } from 'preact';
import type { RowItem } from './types';

export function RowCard({ item, titleRef }: { item: RowItem; titleRef?: Ref<HTMLHeadingElement> }) {
  return (
    <div class="card">
      <div class="muted">
        <bdi>{item.sheet}</bdi> row {item.row} · {item.noun} <bdi>{item.key}</bdi>
      </div>
      <h3 class="title" tabIndex={-1} ref={titleRef ?? null}>
        <bdi>{item.title || item.key}</bdi>
      </h3>
      {item.markedDeclined && <p class="muted">Marked “{item.markedDeclined}”: not planned work, so Ladder checks nothing on it.</p>}
      {item.advice.length > 0 && (
        <ul class="advice">
          {item.advice.map((advice) => (
            <li key={advice.codes.join()}>
              <p class="problem">{advice.problem}</p>
              <p class="todo">{advice.todo}</p>
              <p class="codes">{advice.codes.join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
      <Paths item={item} />
    </div>
  );
}

function Paths({ item }: { item: RowItem }) {
  if (item.paths.length === 0) return null;
  const [first, ...rest] = item.paths;
  return (
    <div class="paths">
      <p class="path-label">{item.paths.length + item.morePaths === 1 ? 'Path up' : `Paths up (${item.paths.length + item.morePaths})`}</p>
      <p class="trace">
        <bdi>{first}</bdi>
      </p>
      {rest.length + item.morePaths > 0 && (
        <details>
          <summary>+{rest.length + item.morePaths} more</summary>
          {rest.map((path) => (
            <p key={path} class="trace">
              <bdi>{path}</bdi>
            </p>
          ))}
          {item.morePaths > 0 && <p class="muted">…and {item.morePaths} more not listed.</p>}
        </details>
      )}
    </div>
  );
}
