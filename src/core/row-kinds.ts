/**
 * What a row says it is, read against the layers' `rowKinds` (layers.ts): its Type cell
 * ("Epic", "Sub-task", "Key Result"), else how its id or title starts ("KR1.2", "O2",
 * "Objective 3: …"). A tab mixing epics and stories reads each row as its layer; objectives
 * followed by their key results read each key result under the objective above it.
 */
import { headerTokens } from './columns';
import { LAYERS, type LayerCode, type RowKind } from './layers';
import { once } from './once';

export interface KindOfRow {
  readonly layer: LayerCode;
  readonly level: 0 | 1;
  readonly splits: boolean;
}

const kindWords = once((): { phrase: string; kind: KindOfRow }[] =>
  LAYERS.flatMap((spec) =>
    spec.rowKinds.flatMap((kind) =>
      kind.words.map((word) => ({
        phrase: headerTokens(word).join(' '),
        kind: { layer: spec.code, level: kind.level, splits: kind.splits },
      })),
    ),
  ),
);

const MAX_KIND_LENGTH = 40;

/** The layer and level a Type cell names ("User Story" is a task, "Key Result" a level-1 goal), or null. */
export function kindOfValue(text: string): KindOfRow | null {
  // A type is a word or two; a long cell is a description, whatever words it holds.
  if (text.length > MAX_KIND_LENGTH) return null;
  const tokens = headerTokens(text);
  // Several kind words ("Epic story"?): the last one is the head noun.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const found = kindWords().find((entry) => entry.phrase === tokens[i]);
    if (found) return found.kind;
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Prefix {
  readonly level: 0 | 1;
  /** On an id: the prefix, then digits ("KR1.2", "KR-3", "O2"). */
  readonly id: RegExp;
  /** On a title: the prefix with a number or a colon before the text ("KR 1.1: …", "Objective 2 - …"). */
  readonly title: RegExp;
}

function prefixesOf(kinds: readonly RowKind[]): Prefix[] {
  const list = kinds.flatMap((kind) => kind.prefixes.map((prefix) => ({ prefix, level: kind.level })));
  // Longest first: "key result" before "kr", "objective" before "o".
  list.sort((a, b) => b.prefix.length - a.prefix.length);
  return list.map(({ prefix, level }) => {
    const word = escapeRegExp(prefix).replace(/ /g, '[\\s_-]*');
    // A one-letter prefix needs its number ("O: …" is not an objective's name).
    const numberOrColon = prefix.length === 1 ? '\\d+(?:\\.\\d+)*\\s*[:.)\\-–—]?' : '(?:\\d+(?:\\.\\d+)*\\s*[:.)\\-–—]?|[:\\-–—])';
    return {
      level,
      id: new RegExp(`^${word}\\s*[-_.:#]?\\s*\\d`, 'i'),
      title: new RegExp(`^${word}\\s*${numberOrColon}\\s+\\S`, 'i'),
    };
  });
}

const prefixes = once(() => new Map(LAYERS.map((spec) => [spec.code, prefixesOf(spec.rowKinds)])));
const HAS_LEVELS = new Map(LAYERS.map((spec) => [spec.code, spec.rowKinds.some((kind) => kind.level === 1)]));

/** A key result's marker inside an id ("O1-KR1", "OBJ2.KR3"): the id names its objective first. */
const nestedMarkers = once(
  () =>
    new Map(
      LAYERS.map((spec) => [
        spec.code,
        spec.rowKinds
          .filter((kind) => kind.level === 1)
          .flatMap((kind) => kind.prefixes)
          .map((prefix) => new RegExp(`[-_.\\s]${escapeRegExp(prefix).replace(/ /g, '[\\s_-]*')}\\s*\\d`, 'i')),
      ]),
    ),
);

/** Outline numbers: "2" heads an objective, "2.1" one of its key results. */
const OUTLINE_TOP = /^\d+\.?$/;
const OUTLINE_SUB = /^\d+\.\d+$/;

/** The level an id or title says a row of a layer has, or null when it says nothing. */
export function levelFromText(layer: LayerCode, id: string, title: string): 0 | 1 | null {
  if (!HAS_LEVELS.get(layer)) return null;
  if (OUTLINE_SUB.test(id)) return 1;
  if (OUTLINE_TOP.test(id)) return 0;
  if (
    id !== '' &&
    nestedMarkers()
      .get(layer)!
      .some((marker) => marker.test(id))
  )
    return 1;
  for (const prefix of prefixes().get(layer)!) {
    if (id !== '' && prefix.id.test(id)) return prefix.level;
  }
  for (const prefix of prefixes().get(layer)!) {
    if (title !== '' && prefix.title.test(title)) return prefix.level;
  }
  return null;
}

/** Whether a layer has sub-items at all (goals: key results under objectives). */
export function hasLevels(layer: LayerCode): boolean {
  return HAS_LEVELS.get(layer)!;
}
