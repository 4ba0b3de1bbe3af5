/**
 * The body of "What changed": each change's sentence under the pillar and goal its row serves
 * now ("Pillar › Goal", or "Reaches no pillar"), then the requests declined since and those
 * that came back. Cell text only ever as text.
 */
import type { ComponentChildren } from 'preact';
import type { ChangeGroup, PlanDiff } from '../types';

/** "Pillar › Goal", "Pillar", or "Reaches no pillar" (› Goal, for a goal under no pillar). */
export function groupHeading(group: Pick<ChangeGroup, 'pillar' | 'goal'>): string {
  const pillar = group.pillar ?? 'Reaches no pillar';
  return group.goal ? `${pillar} › ${group.goal}` : pillar;
}

export function ChangeGroups({ groups }: { groups: readonly ChangeGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="changes-head">
      <h2 id="changes-head">Changes by pillar and goal</h2>
      {groups.map((group, at) => (
        <section key={`${group.pillar}\u0000${group.goal}`} class="change-group" aria-labelledby={`change-group-${at}`}>
          <h3 id={`change-group-${at}`} class="change-group-head">
            <bdi>{groupHeading(group)}</bdi>
          </h3>
          <ul class="change-list">
            {group.changes.map((change) => (
              <li key={`${change.layer}\u0000${change.key}\u0000${change.change}`} data-change={change.change}>
                <bdi>{change.sentence}</bdi>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

interface RequestListProps<T> {
  /** The heading's id, which names the section. */
  id: string;
  heading: string;
  /** Said instead of the list when it is empty. */
  none: string;
  list: readonly T[];
  keyOf(item: T): string;
  /** One item's content, inside its <li>. */
  children(item: T): ComponentChildren;
}

/** A headed list of requests, or a sentence saying there are none: both request lists read the same. */
function RequestList<T>({ id, heading, none, list, keyOf, children }: RequestListProps<T>) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {list.length === 0 ? (
        <p class="muted">{none}</p>
      ) : (
        <ul class="plain">
          {list.map((item) => (
            <li key={keyOf(item)}>{children(item)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DeclinedSince({ list }: { list: PlanDiff['declined'] }) {
  return (
    <RequestList
      id="declined-since-head"
      heading="Declined since"
      none="No request was declined since then."
      list={list}
      keyOf={(request) => `${request.request}\u0000${request.date}\u0000${request.reason}`}
    >
      {(request) => (
        <>
          <div class="title">
            <bdi>{request.request}</bdi>
          </div>
          <div class="muted">
            {request.date ? `${request.date}: ` : ''}
            <bdi>{request.reason}</bdi>
          </div>
        </>
      )}
    </RequestList>
  );
}

export function CameBack({ list }: { list: PlanDiff['cameBack'] }) {
  return (
    <RequestList
      id="came-back-head"
      heading="Came back"
      none="No declined request is planned again."
      list={list}
      keyOf={(back) => `${back.request}\u0000${back.key}`}
    >
      {(back) => (
        <>
          <bdi>{back.request}</bdi> <span class="muted">is {back.key} now</span>
        </>
      )}
    </RequestList>
  );
}
