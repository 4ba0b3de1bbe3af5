/**
 * What can be added to a link: a search box, and the goals it matches grouped under their
 * pillar, each a checkbox; and what cannot, the anti-priorities, shown as a warning only.
 */
import type { RefObject } from 'preact';
import { type Entry, matches } from './goal-picker-rules';
import type { Brief, Picker } from './types';

interface Group {
  title: string;
  goals: readonly Brief[];
}

interface Choice {
  chosen: readonly Entry[];
  onToggle(goal: Brief): void;
}

function GoalRow({ goal, chosen, onToggle }: { goal: Brief } & Choice) {
  return (
    <li class="goal">
      <label>
        <input type="checkbox" checked={chosen.some((entry) => entry.key === goal.key)} onChange={() => onToggle(goal)} />
        <span class="goal-title">
          <bdi>{goal.title}</bdi>
        </span>{' '}
        <span class="muted">
          <bdi>{goal.key}</bdi>
        </span>
      </label>
    </li>
  );
}

function GoalGroup({ group, query, ...choice }: { group: Group; query: string } & Choice) {
  const shown = group.goals.filter((goal) => matches(goal, query));
  if (shown.length === 0) return null;
  return (
    <fieldset>
      <legend>
        <bdi>{group.title}</bdi>
      </legend>
      <ul>
        {shown.map((goal) => (
          <GoalRow key={`${group.title}:${goal.key}`} goal={goal} {...choice} />
        ))}
      </ul>
    </fieldset>
  );
}

/** The pillars' goals, then those under no pillar. */
const groupsOf = (picker: Picker): Group[] => [
  ...picker.groups.map((group) => ({ title: group.pillar.title, goals: group.goals })),
  ...(picker.loose.length > 0 ? [{ title: 'Not under a pillar', goals: picker.loose }] : []),
];

export function GoalSearch({
  picker,
  query,
  onQuery,
  searchRef,
  ...choice
}: { picker: Picker; query: string; onQuery(query: string): void; searchRef: RefObject<HTMLInputElement> } & Choice) {
  const groups = groupsOf(picker);
  return (
    <>
      <label class="field">
        Find a goal
        <input
          ref={searchRef}
          type="search"
          value={query}
          placeholder="Title or id"
          onInput={(event) => onQuery((event.target as HTMLInputElement).value)}
          onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
        />
      </label>
      {groups.map((group) => (
        <GoalGroup key={group.title} group={group} query={query} {...choice} />
      ))}
      {groups.every((group) => !group.goals.some((goal) => matches(goal, query))) && <p class="muted">No goal matches “{query}”.</p>}
    </>
  );
}

export function AntiPriorities({ list }: { list: Picker['antiPriorities'] }) {
  if (list.length === 0) return null;
  return (
    <div class="warning" role="note">
      <strong>Anti-priorities</strong>: the strategy says not to work on these.
      <ul>
        {list.map((anti) => (
          <li key={anti.key}>
            ⚠ <bdi>{anti.title}</bdi>
            {anti.goals.length > 0 ? (
              <>
                {' '}
                (goals under it: <bdi>{anti.goals.map((goal) => goal.title).join(', ')}</bdi>)
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
