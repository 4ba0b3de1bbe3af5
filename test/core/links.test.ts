import { describe, expect, test } from 'vitest';
import { NOT_FOUND } from '../../src/core/link-table';
import { lookupOrder, resolveReferences } from '../../src/core/links';
import { BASE, cascadeOf, flagMessage, flagsOf, itemOf, tracesOf } from '../fixtures/workbook';

const roadmapWith = (rows: unknown[][]) => ({
  ...BASE,
  Roadmap: [['ID', 'Initiative', 'Goal', 'Effort', 'Impact'], ...(rows as never[][])],
});

describe('resolving references', () => {
  test('a title with commas is tried whole first', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [...BASE.Goals!, ['G4', 'Faster, cheaper, kinder claims', 'P1', 1]],
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R1', 'Photo estimate', 'Faster, cheaper, kinder claims'],
      ],
    });
    expect(tracesOf(c, 'R1')[0]!.slice(0, 2)).toEqual(['R1', 'G4']);
    expect(flagsOf(c, 'R1')).toEqual([]);
  });

  test('when the whole cell matches nothing, each part is a link of its own', () => {
    const c = cascadeOf(roadmapWith([['R1', 'Photo estimate', 'G1, G2; G3']]));
    expect(tracesOf(c, 'R1').map((t) => t[1])).toEqual(['G1', 'G2', 'G3']);
    expect(c.links.of(itemOf(c, 'R1')).map((l) => l.share)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  test('splits on commas, semicolons and line breaks, skipping empty parts', () => {
    const c = cascadeOf(roadmapWith([['R1', 'A', 'G1, G2;P3\nP1\r\n G3 (10%) ,,']]));
    expect(c.links.of(itemOf(c, 'R1')).map((l) => [l.text, l.status])).toEqual([
      ['G1', 'ok'],
      ['G2', 'ok'],
      ['P3', 'ok'],
      ['P1', 'ok'],
      ['G3', 'ok'],
    ]);
  });

  test('a title with commas survives among other links', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [...BASE.Goals!, ['G4', 'Faster, cheaper claims', 'P1', 1]],
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R1', 'A', 'G2; Faster, cheaper claims'],
        ['R2', 'B', 'G1, Faster, cheaper claims, O9'],
      ],
    });
    expect(c.links.of(itemOf(c, 'R1')).map((l) => l.text)).toEqual(['G2', 'Faster, cheaper claims']);
    expect(c.links.of(itemOf(c, 'R2')).map((l) => [l.text, l.status])).toEqual([
      ['G1', 'ok'],
      ['Faster, cheaper claims', 'ok'],
      ['O9', 'broken'],
    ]);
  });

  test('written shares are kept; the rest is split among the others', () => {
    const c = cascadeOf(roadmapWith([['R1', 'Photo estimate', 'G1 (50%), G2, G3']]));
    expect(c.links.of(itemOf(c, 'R1')).map((l) => l.share)).toEqual([0.5, 0.25, 0.25]);
  });

  test('numbers and text compare as the same key; case and spaces do not matter', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [
        ['Goal ID', 'Goal', 'Pillar'],
        [1, 'Cut   time-to-settle', 'P1'],
        ['2', 'Fewer complaints', 'p2'],
      ],
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R1', 'A', '1'],
        ['R2', 'B', 2],
        ['R3', 'C', '  CUT time-to-settle '],
      ],
    });
    expect(tracesOf(c, 'R1')[0]![1]).toBe('1');
    expect(tracesOf(c, 'R2')[0]![1]).toBe('2');
    expect(tracesOf(c, 'R3')[0]![1]).toBe('1');
    expect(tracesOf(c, '2')[0]![1]).toBe('P2');
  });

  test('the layer directly above is searched first, then further up', () => {
    // "Reduce friction" is both a goal's title and a pillar's: the goal (directly above) wins.
    const c = cascadeOf({
      ...BASE,
      Goals: [...BASE.Goals!, ['G4', 'Reduce friction', 'P1', 1]],
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R1', 'A', 'Reduce friction'],
        ['R2', 'B', 'P2'],
      ],
    });
    expect(tracesOf(c, 'R1')[0]![1]).toBe('G4');
    expect(tracesOf(c, 'R2')[0]!.slice(0, 2)).toEqual(['R2', 'P2']);
    expect(flagsOf(c, 'R2')).toContain('NO_GOAL');
  });

  test("the item's own layer is searched last: nesting", () => {
    const c = cascadeOf({
      ...BASE,
      Roadmap: [
        ['ID', 'Initiative', 'Parent'],
        ['R1', 'Claims app', 'G1'],
        ['R1.1', 'Photo estimate', 'R1'],
        ['R1.1.1', 'Blur check', 'Photo estimate'],
      ],
    });
    expect(tracesOf(c, 'R1.1.1')[0]).toEqual(['R1.1.1', 'R1.1', 'R1', 'G1', 'P1', 'Claims settled in a day', 'Protect our customers']);
    expect(flagsOf(c, 'R1.1.1')).toEqual([]);
  });

  test('links never point down, and a reference to an item below says so', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [
        ['Goal ID', 'Goal', 'Pillar'],
        ['G1', 'Cut time-to-settle', 'R1'],
        ['G2', 'Fewer complaints', 'P2'],
      ],
    });
    expect(flagsOf(c, 'G1')).toEqual(expect.arrayContaining(['BROKEN_LINK', 'NO_PARENT']));
    expect(flagMessage(c, 'G1', 'BROKEN_LINK')).toBe(
      '"R1" is not above it: it names the roadmap item "Photo estimate" (Roadmap!2), below; links point up',
    );
  });

  test('a column whose values all name items below is read as a label, said once', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [
        ['Goal ID', 'Goal', 'Pillar'],
        ['G1', 'Cut time-to-settle', 'R1'],
        ['G2', 'Fewer complaints', 'R2'],
      ],
    });
    expect(flagsOf(c, 'G1')).not.toContain('BROKEN_LINK');
    expect(c.warnings.filter((warning) => warning.includes('"Pillar"'))).toEqual([
      'Goals: the column "Pillar" was read as a label, not as links: its 2 values ("R1", "R2") name items below their rows, and links point up.',
    ]);
  });

  test('an id is matched before a title', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [
        ['Goal ID', 'Goal', 'Pillar'],
        ['G1', 'Cut time-to-settle', 'P1'],
        ['G2', 'G1', 'P2'],
      ],
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R1', 'A', 'G1'],
      ],
    });
    expect(tracesOf(c, 'R1')[0]![1]).toBe('G1');
  });

  test('two items with the same title make the reference ambiguous', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [
        ['Goal ID', 'Goal', 'Pillar'],
        ['G1', 'Grow', 'P1'],
        ['G2', 'Grow', 'P2'],
      ],
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R1', 'A', 'grow'],
      ],
    });
    expect(flagsOf(c, 'R1')).toEqual(expect.arrayContaining(['AMBIGUOUS_LINK', 'NO_GOAL', 'NO_PARENT']));
    expect(flagMessage(c, 'R1', 'AMBIGUOUS_LINK')).toBe('"grow" matches 2 items (Goals!2, Goals!3)');
  });

  test('a tab with no link column hangs from the only item above it', () => {
    const c = cascadeOf(BASE);
    expect(tracesOf(c, 'Claims settled in a day')).toEqual([['Claims settled in a day', 'Protect our customers']]);
    expect(c.links.of(itemOf(c, 'P1'))[0]!.implicit).toBe(true);
  });

  test('with several items above and no link column, the rows have no parent', () => {
    const c = cascadeOf({
      ...BASE,
      Goals: [
        ['Goal ID', 'Goal'],
        ['G1', 'Cut time-to-settle'],
      ],
    });
    expect(flagMessage(c, 'G1', 'NO_PARENT')).toBe('the tab has no link column');
  });

  test('the same goal named twice is one link', () => {
    const c = cascadeOf(roadmapWith([['R1', 'A', 'G1; Cut time-to-settle']]));
    expect(c.links.of(itemOf(c, 'R1'))).toHaveLength(1);
    expect(c.links.of(itemOf(c, 'R1'))[0]!.share).toBe(1);
  });
});

describe("one item's references, resolved", () => {
  const c = cascadeOf(BASE);
  const ranks = [...new Set(c.items.map((item) => item.rank))].sort((a, b) => a - b);
  const resolve = (...cells: string[]) => resolveReferences(cells, lookupOrder(c.items[itemOf(c, 'R1')]!.rank, ranks), c.index);

  test('come back as a plain list: text, effective share, what each names', () => {
    expect(resolve('G1 (50%), G2; O9')).toEqual([
      { text: 'G1', share: 0.5, match: itemOf(c, 'G1') },
      { text: 'G2', share: 0.25, match: itemOf(c, 'G2') },
      { text: 'O9', share: 0.25, match: NOT_FOUND },
    ]);
  });

  test('depend on nothing but their cells: resolving again gives the same list', () => {
    const first = resolve('G1', 'Fewer complaints (40%)');
    resolve('G3; P1, P2, P3');
    expect(resolve('G1', 'Fewer complaints (40%)')).toEqual(first);
    expect(first).toEqual([
      { text: 'G1', share: 0.6, match: itemOf(c, 'G1') },
      { text: 'Fewer complaints', share: 0.4, match: itemOf(c, 'G2') },
    ]);
  });
});
