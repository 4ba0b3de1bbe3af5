import { describe, expect, test } from 'vitest';
import { LinkTableBuilder, NOT_FOUND } from '../../src/core/link-table';

describe('the link table', () => {
  test('keeps each link of each item, with the candidates of an ambiguous one', () => {
    const table = new LinkTableBuilder(3);
    table.startItem(0);
    table.startItem(1);
    table.add(0, 'G1', 0.6);
    table.add([0, 2], 'Growth', 0.4);
    table.startItem(2);
    table.add(NOT_FOUND, 'G9', 1);
    const links = table.finish();
    expect(links.of(0)).toEqual([]);
    expect(links.of(1)).toEqual([
      { text: 'G1', status: 'ok', targets: [0], share: 0.6, implicit: false },
      { text: 'Growth', status: 'ambiguous', targets: [0, 2], share: 0.4, implicit: false },
    ]);
    expect(links.of(2)).toEqual([{ text: 'G9', status: 'broken', targets: [], share: 1, implicit: false }]);
  });

  test('refuses items out of order or left out, rather than mixing up rows', () => {
    const table = new LinkTableBuilder(2);
    expect(() => table.startItem(1)).toThrow(/item order/);
    table.startItem(0);
    expect(() => table.finish()).toThrow(/1 items were never collected/);
  });
});
