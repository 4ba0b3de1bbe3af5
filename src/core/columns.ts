/**
 * Column roles and how a header cell is matched to one (DESIGN §2). Matching is by words:
 * "Effort (wks)" is effort, "Ticket ID" is id, "Valid" is nothing. Multi-word phrases
 * ("key result", "story points") are recognised first so their words do not also count alone.
 */
import { LAYERS, type LayerCode, type LayerSpec } from './layers';
import { isMetricRole, METRIC_ROLES, METRIC_WORDS } from './metric-columns';
import { once } from './once';
import { headerLabel, words } from './text';

/**
 * Tried in this order: "Work Item Type" is a kind, though "item" names titles. A goal's
 * metric columns (metric-columns.ts) come after impact: "Impact score" stays impact. `group` is not
 * named by a header's words: on a tab of key results, it is the Objective
 * column the rows are listed under (detect.ts decides it from the tab's columns).
 */
export const ROLES = [
  'parent',
  'id',
  'kind',
  'title',
  'why',
  // A pillar's target share of effort (DESIGN §10): tried before effort, so "% of effort" is a target.
  'allocation',
  'effort',
  'impact',
  'confidence',
  'reach',
  'weight',
  ...METRIC_ROLES,
  'group',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that do not depend on the layer. `parent` and `title` add the layers' own words. */
const ROLE_WORDS: Record<Role, readonly string[]> = {
  group: [],
  parent: ['parent', 'ladders to', 'ladder to', 'supports', 'linked to', 'links to', 'serves'],
  id: ['id', 'key', 'ref', 'code', '#', 'uuid', 'guid'],
  title: ['title', 'name', 'summary', 'item', 'request', 'statement'],
  why: ['why', 'rationale', 'reason', 'because'],
  kind: ['type', 'kind'],
  effort: ['effort', 'size', 'estimate', 'cost', 'points', 'story points', 'weeks'],
  impact: ['impact', 'value', 'benefit'],
  confidence: ['confidence'],
  reach: ['reach'],
  weight: ['weight', 'priority'],
  allocation: [
    'target',
    'allocation',
    'investment',
    'budget',
    'share of effort',
    'of effort',
    'effort share',
    'target share',
    'effort target',
    'target mix',
  ],
  ...METRIC_WORDS,
};

/**
 * The headers of the columns Ladder inserts itself (Insert a TRACE / IMPACT / PROGRESS column). They are
 * Ladder's output, never the PM's input: "Impact (roi)" read as the tab's impact column would
 * feed IMPACT's own answers back into it; "Progress (Ladder)" is named apart from the PM's own
 * "Progress" column, which stays their input.
 */
export const OWN_COLUMN_HEADERS = { TRACE: 'Trace', IMPACT: 'Impact (roi)', PROGRESS: 'Progress (Ladder)' } as const;
const OWN_HEADERS: ReadonlySet<string> = new Set(Object.values(OWN_COLUMN_HEADERS).map((header) => header.toLowerCase()));

/** Whether a header is one of Ladder's own columns (the zero-width space it toggles to recalculate aside). */
export function isOwnColumn(header: string): boolean {
  return OWN_HEADERS.has(
    header
      .replace(/\u200b/g, '')
      .trim()
      .toLowerCase(),
  );
}

/** Roles that only mean something on some layers. */
function roleApplies(role: Role, layer: LayerSpec): boolean {
  if (role === 'weight') return layer.isStrategy || layer.isGoal;
  if (isMetricRole(role)) return layer.isGoal;
  if (role === 'allocation') return layer.isStrategy;
  return role !== 'group';
}

/** Header words that name an attribute of the item a header's layer word names ("Issue key", "Project name"). */
export const NAMING_WORDS: ReadonlySet<string> = new Set([
  'id',
  'key',
  'name',
  'title',
  '#',
  'summary',
  'number',
  'no',
  'code',
  'ref',
  'uuid',
  'guid',
]);

/** Words that may surround a lone title word ("Our vision", "The mission"). */
const FILLER_WORDS = new Set(['our', 'the', 'company', 'team', 'product']);

type Phrase = readonly string[];
const toPhrases = (list: readonly string[]): Phrase[] => list.map((entry) => words(entry));

export interface RoleMatcher {
  readonly layer: LayerCode;
  /** The role a header names on this layer, or null when it names none. */
  roleOf(header: string): Role | null;
  /** Whether a lone header cell is just a title word ("Mission", "Pillars"). */
  isTitleWord(header: string): boolean;
}

const matcherCache = new Map<LayerCode, RoleMatcher>();

/** Builds (once per layer) the header matcher for a layer. */
export function roleMatcher(code: LayerCode): RoleMatcher {
  const cached = matcherCache.get(code);
  if (cached) return cached;
  const layer = LAYERS.find((spec) => spec.code === code)!;
  const above = LAYERS.filter((spec) => spec.rank < layer.rank);
  const ownWords = toPhrases(layer.itemWords);
  const roleWords = new Map<Role, Phrase[]>();
  for (const role of ROLES) {
    if (!roleApplies(role, layer)) continue;
    const list = toPhrases(ROLE_WORDS[role]);
    if (role === 'parent') for (const spec of above) list.push(...toPhrases([...spec.itemWords, ...spec.tabWords]));
    roleWords.set(role, list);
  }

  const own = new Set(ownWords.map((p) => p.join(' ')));
  const linkPhrases = toPhrases(ROLE_WORDS.parent);
  const anyLayer = new Set(LAYERS.flatMap((spec) => [...spec.itemWords, ...spec.tabWords]).map((word) => words(word).join(' ')));
  const matcher: RoleMatcher = {
    layer: code,
    roleOf(header) {
      if (isOwnColumn(header)) return null;
      let tokens = headerTokens(header);
      // "Key" before other words is an adjective ("Key Initiatives"), not the id of "Issue key".
      if (tokens[0] === 'key' && tokens.length > 1) tokens = tokens.slice(1);
      if (tokens.length === 0) return null;
      // The last layer word is the head noun: "Strategic Objective" on a goals tab names the goal
      // itself, so only a link word ("Parent objective") makes it the link up.
      let head: string | undefined;
      for (const token of tokens) if (anyLayer.has(token)) head = token;
      const ownHead = head !== undefined && own.has(head);
      for (const [role, phrases] of roleWords) {
        const list = role === 'parent' && ownHead ? linkPhrases : phrases;
        if (list.some((p) => tokens.includes(p.join(' ')))) return role;
      }
      // The layer's own words name the title only when nothing else is named:
      // "Goal" is the title on a goals tab, "Goal ID" its id and "Goal weight" its weight.
      if (ownWords.some((p) => tokens.includes(p.join(' ')))) return 'title';
      return null;
    },
    isTitleWord(header) {
      const tokens = headerTokens(header).filter((token) => !FILLER_WORDS.has(token));
      const titleWords = [...ownWords, ...(roleWords.get('title') ?? [])].map((p) => p.join(' '));
      return tokens.length > 0 && tokens.length <= 3 && tokens.every((token) => titleWords.includes(token));
    },
  };
  matcherCache.set(code, matcher);
  return matcher;
}

// Every phrase of two or more words across all roles and layers, so "key result" is never read as "key".
const compoundPhrases = once((): readonly Phrase[] =>
  uniquePhrases([
    ...Object.values(ROLE_WORDS).flatMap(toPhrases),
    ...LAYERS.flatMap((spec) => toPhrases([...spec.itemWords, ...spec.tabWords])),
  ]).filter((phrase) => phrase.length > 1),
);

/** A header's words, with the known phrases of every layer and role joined into one token. */
export function headerTokens(header: string): string[] {
  return tokenize(headerLabel(header), compoundPhrases());
}

const linkTokens = once((): ReadonlySet<string> => new Set(ROLE_WORDS.parent.map((phrase) => words(phrase).join(' '))));
const ID_TOKENS: ReadonlySet<string> = new Set(['id', 'key', '#', 'ref', 'code', 'number', 'no', 'uuid', 'guid']);

/**
 * Whether a header says only "the link up": a layer's word, a link word and id words ("Goal",
 * "Goal ID", "Objective #", "Parent", "Parent issue"). Any other word makes it a header that
 * may describe instead ("Project lead", "Parent summary", "Epic Colour").
 */
export function isPlainLinkHeader(header: string): boolean {
  const tokens = headerTokens(header);
  const layerTokens = new Set(LAYERS.flatMap((spec) => [...spec.itemWords, ...spec.tabWords]).map((word) => words(word).join(' ')));
  return tokens.length > 0 && tokens.every((token) => linkTokens().has(token) || ID_TOKENS.has(token) || layerTokens.has(token));
}

/** The layers whose item words a header's tokens name ("Epic Link" names the roadmap). */
export function layersNamed(tokens: readonly string[]): LayerSpec[] {
  return LAYERS.filter((spec) => spec.itemWords.some((word) => tokens.includes(words(word).join(' '))));
}

function uniquePhrases(list: Phrase[]): Phrase[] {
  const seen = new Set<string>();
  return list.filter((phrase) => !seen.has(phrase.join(' ')) && seen.add(phrase.join(' ')));
}

/** Header words, with known multi-word phrases joined into one token ("key result"). */
export function tokenize(header: string, compounds: readonly Phrase[]): string[] {
  const list = words(header);
  const out: string[] = [];
  for (let i = 0; i < list.length; ) {
    const compound = compounds.filter((phrase) => phrase.every((word, k) => list[i + k] === word)).sort((a, b) => b.length - a.length)[0];
    if (compound) {
      out.push(compound.join(' '));
      i += compound.length;
    } else {
      out.push(list[i]!);
      i += 1;
    }
  }
  return out;
}
