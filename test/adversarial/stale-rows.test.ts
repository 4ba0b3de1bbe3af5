/**
 * 1. Stale rows: between the sidebar's read and its write, the roadmap is sorted, a row is
 * inserted above, the target is deleted or its key edited. The write lands on the row with
 * that key, or is refused with "this row changed"; never on the old row number.
 */
import { describe, expect, test } from 'vitest';
import { addOn, LINK_R8, reply, values } from './harness';

function roadmap(gas: ReturnType<typeof addOn>) {
  return gas.spreadsheet.getSheetByName('Roadmap')!;
}

describe("between the sidebar's read and its write", () => {
  test.each([
    [
      'the roadmap is sorted (reversed)',
      (gas: ReturnType<typeof addOn>) => {
        const grid = roadmap(gas).grid;
        grid.splice(1, grid.length - 1, ...grid.slice(1).reverse());
      },
      2,
    ],
    [
      'a row is inserted above',
      (gas: ReturnType<typeof addOn>) => {
        roadmap(gas).insertRowOf(2, ['R-0', 'New idea']);
      },
      10,
    ],
    [
      'a row above is deleted',
      (gas: ReturnType<typeof addOn>) => {
        roadmap(gas).deleteRow(2);
      },
      8,
    ],
  ])('%s: the link lands on the row with that key', (_, change, landsOn) => {
    const gas = addOn();
    gas.spreadsheet.select('Roadmap', 'B9');
    expect(reply(gas, 'ladderRowContext').value.item.key).toBe('R-8');
    change(gas);
    const before = values(gas, 'Roadmap');
    expect(reply(gas, 'ladderLinkRow', LINK_R8)).toMatchObject({ ok: true, value: { row: landsOn } });
    const after = values(gas, 'Roadmap');
    expect(after[landsOn - 1]!.slice(0, 3)).toEqual(['R-8', 'In-car karaoke', '2']);
    // Nothing else moved or changed.
    after[landsOn - 1]![2] = before[landsOn - 1]![2];
    expect(after).toEqual(before);
  });

  test.each([
    ['the target row is deleted', (gas: ReturnType<typeof addOn>) => roadmap(gas).deleteRow(9), /"R-8" is no longer on "Roadmap"/],
    [
      'its key is edited',
      (gas: ReturnType<typeof addOn>) => roadmap(gas).getRange('A9').setValue('R-88'),
      /"R-8" is no longer on "Roadmap"/,
    ],
    [
      'its title is edited',
      (gas: ReturnType<typeof addOn>) => roadmap(gas).getRange('B9').setValue('Karaoke 2'),
      /its title is now "Karaoke 2"/,
    ],
  ])('%s: the write is refused, and nothing is written', (_, change, message) => {
    const gas = addOn();
    change(gas);
    const before = values(gas, 'Roadmap');
    const answer = reply(gas, 'ladderLinkRow', LINK_R8);
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(message);
    expect(answer.error).toMatch(/Refresh and try again/);
    expect(values(gas, 'Roadmap')).toEqual(before);
  });
});

describe('during the write itself (a person editing while Ladder writes)', () => {
  test('a row inserted after Ladder found the row: the key is checked again, and nothing is written', () => {
    const gas = addOn();
    // The key check is the first single-cell read of the call: the edit lands just before it.
    gas.log.at('Range.getValue', () => roadmap(gas).insertRowOf(2, ['R-0']));
    const answer = reply(gas, 'ladderLinkRow', LINK_R8);
    expect(answer).toEqual({
      ok: false,
      error: 'This row changed while Ladder was writing (it was moved, edited or deleted). Refresh and try again.',
    });
    expect(values(gas, 'Roadmap')[8]!.slice(0, 3)).toEqual(['R-7', 'Fleet discount programme', 6]);
    expect(values(gas, 'Roadmap')[9]!.slice(0, 3)).toEqual(['R-8', 'In-car karaoke', '']);
  });

  test('a decline that would remove a row that moved removes nothing and records nothing', () => {
    const gas = addOn();
    gas.log.at('Range.getValue', () => roadmap(gas).insertRowOf(2, ['R-0']));
    const answer = reply(gas, 'ladderDeclineRow', { sheet: 'Roadmap', key: 'R-8', reason: 'No', action: 'remove' });
    expect(answer.ok).toBe(false);
    expect(values(gas, 'Roadmap')).toHaveLength(10);
    expect(values(gas, 'Not on roadmap')).toHaveLength(3);
  });
});
