/**
 * A row's flags as a PM reads them in the sidebar: one sentence per cause saying what is
 * wrong, and one saying what to do. Flags that one cause sets off together are said once:
 * a typo in the link cell is a BROKEN_LINK, and because of it the row has no parent
 * (NO_PARENT) and reaches no goal (NO_GOAL); the PM has one thing to fix, not three.
 */
import type { Flag, FlagCode, LinkCause } from './flags';

export interface Advice {
  /** The flags this cause accounts for, the cause's own first. */
  readonly codes: readonly FlagCode[];
  /** What is wrong, as a sentence. */
  readonly problem: string;
  /** What to do about it, as a sentence. */
  readonly todo: string;
}

/** Each flag in two or three words, for chips and filters. */
export const FLAG_LABELS: Record<FlagCode, string> = {
  NO_GOAL: 'No goal',
  NO_PARENT: 'Links to nothing',
  BROKEN_LINK: 'Broken link',
  AMBIGUOUS_LINK: 'Ambiguous link',
  DUPLICATE_ID: 'Duplicate id',
  CYCLE: 'Loop',
  ANTI_PRIORITY: 'Anti-priority',
  RESURFACED: 'Declined before',
  ORPHAN: 'Nothing reaches it',
  MISSING_WHY: 'No why',
  NO_METRIC: 'No metric',
  AT_RISK: 'At risk',
  OVER_INVESTED: 'Over target',
  UNDER_INVESTED: 'Under target',
};

/**
 * Which flags come first in the review: work against the strategy, then work that reaches
 * no goal (whatever the cause), then the link problems that cost nothing yet, then what is
 * worth a second look. Lower is more urgent.
 */
const URGENCY: Record<FlagCode, number> = {
  ANTI_PRIORITY: 0,
  NO_GOAL: 1,
  CYCLE: 2,
  BROKEN_LINK: 3,
  AMBIGUOUS_LINK: 3,
  RESURFACED: 4,
  DUPLICATE_ID: 5,
  NO_PARENT: 6,
  ORPHAN: 7,
  MISSING_WHY: 8,
  // A goal behind its pace is the one thing a quarterly review must not miss.
  AT_RISK: 0,
  NO_METRIC: 7,
  OVER_INVESTED: 6,
  UNDER_INVESTED: 6,
};

/** The urgency of a row's most urgent flag (see URGENCY); rows without flags come last. */
export function urgencyOf(flags: readonly Flag[]): number {
  const most = flags.reduce((best, flag) => Math.min(best, URGENCY[flag.code]), Number.POSITIVE_INFINITY);
  // A row that only follows the row above it comes after that row: fixing the row above fixes both.
  return inheritsNoGoal(flags) && most === URGENCY.NO_GOAL ? most + 0.5 : most;
}

/** NO_GOAL causes that may lie further up the row's way (the row's own link flags say when they do not). */
const INHERITED_CAUSES: ReadonlySet<LinkCause> = new Set<LinkCause>(['above-unlinked', 'broken', 'ambiguous', 'cycle', 'anti-priority']);

/**
 * Whether a row reaches no goal only because of the rows above it: its own link works (no
 * NO_PARENT, no broken, ambiguous or looping link of its own, no anti-priority on its way), so
 * the gap is further up ("G9" not found two rows up, a roadmap row with no link).
 */
export function inheritsNoGoal(flags: readonly Flag[]): boolean {
  const codes = new Set(flags.map((flag) => flag.code));
  const noGoal = flags.find((flag) => flag.code === 'NO_GOAL');
  // Its own link empty or missing, links only above the goals, or no goals at all: the gap is the row's own.
  if (!noGoal || !INHERITED_CAUSES.has(noGoal.cause!)) return false;
  return !['NO_PARENT', 'BROKEN_LINK', 'AMBIGUOUS_LINK', 'CYCLE', 'ANTI_PRIORITY'].some((code) => codes.has(code as FlagCode));
}

/** Text as a sentence: a capital first, a full stop last. */
export const sentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  // A quotation that ends the text still needs the sentence's own full stop after it.
  return /[.!?…]["”’)]*$/.test(capital) ? capital : `${capital}.`;
};

/** NO_PARENT, in words about the row. */
function noParentProblem({ cause, message }: Flag): string {
  if (cause === 'no-link') return 'It is linked to nothing above it.';
  if (cause === 'unresolved') return 'Nothing in its link cell names a row above it.';
  return sentence(`it hangs from nothing: ${message}`);
}

/** NO_GOAL, in words about the row. */
function noGoalProblem({ cause, message }: Flag): string {
  if (cause === 'no-link') return 'It is linked to nothing, so it reaches no goal.';
  if (cause === 'above-goals') return sentence(`it is ${message}`);
  return sentence(`it reaches no goal: ${message}`);
}

/** The advice said so far for a row: a flag one cause accounts for is not said again for another. */
interface Advising {
  readonly flags: readonly Flag[];
  readonly isWork: boolean;
  readonly said: Set<FlagCode>;
  readonly out: Advice[];
}

const flagOf = (advising: Advising, code: FlagCode) => advising.flags.find((flag) => flag.code === code);

function add(advising: Advising, codes: FlagCode[], problem: string, todo: string): void {
  for (const code of codes) advising.said.add(code);
  advising.out.push({ codes, problem, todo });
}

/** Work against the strategy, and links that go round in a loop: each may be why the row reaches no goal. */
function adviseAntiPriorityAndLoop(advising: Advising): void {
  const noGoal = flagOf(advising, 'NO_GOAL');
  const anti = flagOf(advising, 'ANTI_PRIORITY');
  if (anti) {
    // A row reaching no goal because its path runs into an anti-priority has that one cause.
    const joined = noGoal?.cause === 'anti-priority' ? (['NO_GOAL'] as const) : [];
    add(
      advising,
      ['ANTI_PRIORITY', ...joined],
      sentence(`it ${anti.message}: the strategy says not to do this`),
      'Stop this work, or change the strategy if it should count.',
    );
  }
  const cycle = flagOf(advising, 'CYCLE');
  if (cycle) {
    const joined = noGoal?.cause === 'cycle' ? (['NO_GOAL'] as const) : [];
    const loop = cycle.message.replace(/^links loop: /, '');
    add(
      advising,
      ['CYCLE', ...joined],
      sentence(`its links go round in a loop (${loop})`),
      'Change one link in the loop so it points to the row above.',
    );
  }
}

/** A link cell naming a row that is not there, or several rows. */
function adviseBadLinks(advising: Advising): void {
  const { said } = advising;
  const noGoal = flagOf(advising, 'NO_GOAL');
  const noParent = flagOf(advising, 'NO_PARENT');
  const broken = flagOf(advising, 'BROKEN_LINK');
  if (broken) {
    // Every reference broken: nothing resolves (NO_PARENT), and the goal it was meant to reach is missed (NO_GOAL).
    const joined: FlagCode[] = [];
    if (noParent?.cause === 'unresolved') joined.push('NO_PARENT');
    if (noGoal && !said.has('NO_GOAL') && noGoal.cause === 'broken') joined.push('NO_GOAL');
    const consequence = joined.includes('NO_GOAL') ? ', so it reaches no goal' : '';
    const orLink = advising.isWork ? ', or link it to another goal here' : '';
    add(
      advising,
      ['BROKEN_LINK', ...joined],
      sentence(`its link cell names a row that is not there: ${broken.message}${consequence}`),
      `Fix the id or the title in the link cell${orLink}.`,
    );
  }
  const ambiguous = flagOf(advising, 'AMBIGUOUS_LINK');
  if (ambiguous) {
    const joined: FlagCode[] = [];
    if (noParent?.cause === 'unresolved' && !said.has('NO_PARENT')) joined.push('NO_PARENT');
    if (noGoal && !said.has('NO_GOAL') && noGoal.cause === 'ambiguous') joined.push('NO_GOAL');
    add(
      advising,
      ['AMBIGUOUS_LINK', ...joined],
      sentence(`its link names several rows: ${ambiguous.message}`),
      'Link by id instead of by title.',
    );
  }
}

/** No goal and no parent, where no cause above accounts for them. */
function adviseNoGoal(advising: Advising): void {
  const { said, isWork } = advising;
  const noGoal = flagOf(advising, 'NO_GOAL');
  const noParent = flagOf(advising, 'NO_PARENT');
  if (noGoal && !said.has('NO_GOAL')) {
    const joined = noParent && !said.has('NO_PARENT') ? (['NO_PARENT'] as const) : [];
    if (inheritsNoGoal(advising.flags)) {
      add(
        advising,
        ['NO_GOAL'],
        sentence(`it reaches no goal through the row above it: ${noGoal.message}`),
        'Fix the row it links to (this one follows), or link it to a goal itself.',
      );
    } else
      add(advising, ['NO_GOAL', ...joined], noGoalProblem(noGoal), isWork ? 'Link it to a goal, or decline it.' : 'Link it to a goal.');
  }
  if (noParent && !said.has('NO_PARENT')) add(advising, ['NO_PARENT'], noParentProblem(noParent), 'Fill in or fix its link cell.');
}

/** The flags that are their own cause: each says one thing. */
function adviseTheRest(advising: Advising): void {
  const twin = flagOf(advising, 'DUPLICATE_ID');
  if (twin) add(advising, ['DUPLICATE_ID'], sentence(twin.message.replace(/^the id/, 'its id')), 'Give each row its own id.');
  const resurfaced = flagOf(advising, 'RESURFACED');
  if (resurfaced)
    add(
      advising,
      ['RESURFACED'],
      sentence(`it was ${resurfaced.message}`),
      'Read the reason again before saying yes; if things changed, link it to the goal it now moves.',
    );
  const orphan = flagOf(advising, 'ORPHAN');
  if (orphan)
    add(advising, ['ORPHAN'], sentence(orphan.message.replace(/ reaches it$/, ' reaches it yet')), 'Plan work for it, or drop it.');
  const why = flagOf(advising, 'MISSING_WHY');
  if (why)
    add(
      advising,
      ['MISSING_WHY'],
      why.message === 'no why given' ? 'It has no why.' : sentence(why.message),
      'Write down why the strategy has it.',
    );
  const risk = flagOf(advising, 'AT_RISK');
  if (risk) add(advising, ['AT_RISK'], sentence(`it is ${risk.message}`), 'Check in on it with the owner, or change the plan or the date.');
  const over = flagOf(advising, 'OVER_INVESTED') ?? flagOf(advising, 'UNDER_INVESTED');
  if (over)
    add(
      advising,
      [over.code],
      sentence(`it gets ${over.message}`),
      over.code === 'OVER_INVESTED'
        ? 'Move effort to the pillars under their target, or raise its target.'
        : 'Plan more work for it, or lower its target.',
    );
  const metric = flagOf(advising, 'NO_METRIC');
  if (metric)
    add(
      advising,
      ['NO_METRIC'],
      sentence(`nothing measures it: ${metric.message}`),
      'Give it a target and a current value, or a progress cell.',
    );
}

/**
 * The causes behind a row's flags, most urgent first. `isWork`: a roadmap or task row, which
 * the sidebar can link to a goal or decline (so the advice can say so).
 */
export function rowAdvice(flags: readonly Flag[], isWork: boolean): Advice[] {
  const advising: Advising = { flags, isWork, said: new Set(), out: [] };
  // In this order: a cause said first takes the flags it sets off with it.
  adviseAntiPriorityAndLoop(advising);
  adviseBadLinks(advising);
  adviseNoGoal(advising);
  adviseTheRest(advising);
  return advising.out;
}
