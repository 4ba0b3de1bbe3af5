/**
 * The one table of the strategy cascade. Everything that differs between layers (how tabs
 * and headers are recognised, which flags apply, how impact rolls up) is read from here, so
 * the rest of the core never branches on a particular layer.
 */

export const LAYER_CODES = ['mission', 'vision', 'strategy', 'goals', 'roadmap', 'tasks'] as const;
export type LayerCode = (typeof LAYER_CODES)[number];

export interface LayerSpec {
  readonly code: LayerCode;
  /** 0 for the mission, growing downwards. */
  readonly rank: number;
  /** Words (or phrases) that, found in a tab's name, make it this layer. */
  readonly tabWords: readonly string[];
  /** What one item is called in messages ("goal", "roadmap item"). */
  readonly noun: string;
  /** Header words naming this layer's own items; as headers below, they name the link up. */
  readonly itemWords: readonly string[];
  /** Work that must reach a goal: NO_GOAL and RESURFACED apply, impact is scored. */
  readonly isWork: boolean;
  /** The goals: reaching one clears NO_GOAL; its weight is w(goal) in IMPACT. */
  readonly isGoal: boolean;
  /** Its items' scores add up into the goals and pillars above them (IMPACT on a goal). */
  readonly rollsUpImpact: boolean;
  /** ANTI_PRIORITY applies. */
  readonly checksAntiPriority: boolean;
  /** Pillars and anti-priorities live here: kind column, MISSING_WHY, pillar counts. */
  readonly isStrategy: boolean;
  /** ORPHAN applies unless an item of one of these layers reaches the item. */
  readonly orphanUnlessReachedFrom: readonly LayerCode[];
  /**
   * What a row of this layer is called in a Type column ("Epic", "Story", "Key Result"), so
   * a tab that mixes layers (a Jira export) or levels (objectives and their key results)
   * can be read row by row. Level 1 rows are the sub-items of the level 0 row above them.
   */
  readonly rowKinds: readonly RowKind[];
}

export interface RowKind {
  readonly words: readonly string[];
  readonly level: 0 | 1;
  /**
   * Whether these words in a Type column can split a tab named for another layer: "Story"
   * on a roadmap tab is a tracker's export, "Bug fix" or "Tech debt" may be a category.
   */
  readonly splits: boolean;
  /** How an id or a title starts on such a row ("KR1.2", "O2", "Objective 3:"). */
  readonly prefixes: readonly string[];
}

/** The layers from the mission down; a layer's rank is its position here, so tables per layer are arrays indexed by rank. */
export const LAYERS: readonly LayerSpec[] = [
  {
    code: 'mission',
    rank: 0,
    noun: 'mission',
    tabWords: ['mission', 'purpose'],
    itemWords: ['mission', 'purpose'],
    isWork: false,
    isGoal: false,
    rollsUpImpact: false,
    checksAntiPriority: false,
    isStrategy: false,
    orphanUnlessReachedFrom: [],
    rowKinds: [],
  },
  {
    code: 'vision',
    rank: 1,
    noun: 'vision',
    tabWords: ['vision'],
    itemWords: ['vision'],
    isWork: false,
    isGoal: false,
    rollsUpImpact: false,
    checksAntiPriority: false,
    isStrategy: false,
    orphanUnlessReachedFrom: [],
    rowKinds: [],
  },
  {
    code: 'strategy',
    rank: 2,
    noun: 'pillar',
    tabWords: ['strategy', 'strategic', 'pillar', 'focus area', 'theme'],
    itemWords: ['pillar', 'strategy', 'strategic', 'focus area', 'theme', 'anti priority', 'antipriority', 'non goal', 'nongoal'],
    isWork: false,
    isGoal: false,
    rollsUpImpact: false,
    checksAntiPriority: false,
    isStrategy: true,
    orphanUnlessReachedFrom: ['goals'],
    // A strategy tab's Type column says pillar or anti-priority instead.
    rowKinds: [],
  },
  {
    code: 'goals',
    rank: 3,
    noun: 'goal',
    tabWords: ['goal', 'okr', 'objective', 'kpi', 'metric', 'key result'],
    itemWords: ['goal', 'objective', 'okr', 'kpi', 'metric', 'key result', 'kr'],
    isWork: false,
    isGoal: true,
    rollsUpImpact: false,
    checksAntiPriority: true,
    isStrategy: false,
    orphanUnlessReachedFrom: ['roadmap', 'tasks'],
    rowKinds: [
      { words: ['objective', 'goal', 'okr'], level: 0, prefixes: ['objective', 'obj', 'o', 'goal', 'g'], splits: true },
      { words: ['key result', 'kr'], level: 1, prefixes: ['key result', 'kr'], splits: true },
    ],
  },
  {
    code: 'roadmap',
    rank: 4,
    noun: 'roadmap item',
    tabWords: ['roadmap', 'initiative', 'project', 'epic', 'bet'],
    itemWords: ['initiative', 'project', 'epic', 'bet', 'roadmap', 'feature'],
    isWork: true,
    isGoal: false,
    rollsUpImpact: true,
    checksAntiPriority: true,
    isStrategy: false,
    orphanUnlessReachedFrom: [],
    rowKinds: [{ words: ['initiative', 'epic', 'project', 'bet'], level: 0, prefixes: [], splits: true }],
  },
  {
    code: 'tasks',
    rank: 5,
    noun: 'task',
    tabWords: ['task', 'backlog', 'ticket', 'story', 'sprint'],
    // "Issue" names a row of a tracker's export (Issue key, Issue Type), not a tab.
    itemWords: ['task', 'story', 'ticket', 'issue', 'sub task', 'subtask'],
    isWork: true,
    isGoal: false,
    rollsUpImpact: false,
    checksAntiPriority: true,
    isStrategy: false,
    orphanUnlessReachedFrom: [],
    rowKinds: [
      { words: ['story', 'task', 'sub task', 'subtask', 'ticket', 'issue'], level: 0, prefixes: [], splits: true },
      { words: ['bug', 'spike', 'chore', 'defect', 'debt'], level: 0, prefixes: [], splits: false },
    ],
  },
];

const BY_CODE = new Map(LAYERS.map((spec) => [spec.code, spec]));

export function layerSpec(code: LayerCode): LayerSpec {
  return BY_CODE.get(code)!;
}

/** Words of a tab name that make it the declined list; checked before any layer's words. */
export const DECLINED_TAB_WORDS: readonly string[] = ['not on roadmap', 'declined', 'not doing', 'wont do', 'rejected'];

/** Words of a tab name that make it a log of goal check-ins ("Check-ins", "Progress log"). */
export const CHECK_IN_TAB_WORDS: readonly string[] = ['checkin', 'update', 'progress log'];

/** Words of a tab name that make it a strategy tab holding only anti-priorities. */
export const ANTI_PRIORITY_TAB_WORDS: readonly string[] = ['anti priority', 'antipriority', 'non goal', 'nongoal'];
