/**
 * The body of "What changed": each change's sentence under the pillar and goal its row serves
 * now ("Pillar › Goal", or "Reaches no pillar"), then the requests declined since and those
 * that came back. Cell text only ever as text.
 */
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

export function DeclinedSince({ list }: { list: PlanDiff['declined'] }) {
  return (
    <section aria-labelledby="declined-since-head">
      <h2 id="declined-since-head">Declined since</h2>
      {list.length === 0 ? (
        <p class="muted">No request was declined since then.</p>
      ) : (
        <ul class="plain">
          {list.map((request) => (
            <li key={`${request.request}\u0000${request.date}\u0000${request.reason}`}>
              <div class="title">
                <bdi>{request.request}</bdi>
              </div>
              <div class="muted">
                {request.date ? `${request.date}: ` : ''}
                <bdi>{request.reason}</bdi>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CameBack({ list }: { list: PlanDiff['cameBack'] }) {
  return (
    <section aria-labelledby="came-back-head">
      <h2 id="came-back-head">Came back</h2>
      {list.length === 0 ? (
        <p class="muted">No declined request is planned again.</p>
      ) : (
        <ul class="plain">
          {list.map((back) => (
            <li key={`${back.request}\u0000${back.key}`}>
              <bdi>{back.request}</bdi> <span class="muted">is {back.key} now</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
