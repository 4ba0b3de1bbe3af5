/**
 * 5. Hostile values. Every text Ladder writes that Sheets would turn into something else is
 * stored as text; ids that look like dates or numbers round-trip unchanged; odd cells
 * neither crash nor mislead. (Markup shown in the sidebar and the preview: the browser tests
 * in test/local/preview.test.ts; long cells, emoji, RTL and error values: test/core/hostile.)
 */
import { describe, expect, test } from 'vitest';
import { addOn, reply, TESLA_TABS, values } from './harness';

describe('what Ladder writes is stored as text', () => {
  test.each([
    '=1+1',
    '=HYPERLINK("http://x.invalid","click")',
    '+44 20 7946',
    '-5 points',
    '@everyone',
    '\tindented',
    '\rcarriage',
    "'quoted",
  ])('a declined reason "%s"', (reason) => {
    const gas = addOn();
    expect(reply(gas, 'ladderDeclineRow', { sheet: 'Roadmap', key: 'R-6', reason, action: 'keep' })).toMatchObject({ ok: true });
    const cell = gas.spreadsheet.getSheetByName('Not on roadmap')!.getRange('D4');
    expect(cell.getFormula()).toBe('');
    expect(cell.getValue()).toBe(reason);
  });

  test('a request whose title is formula-looking is recorded as text', () => {
    const tabs = { ...TESLA_TABS, Roadmap: [...TESLA_TABS.Roadmap!, ['R-9', '=IMPORTDATA("http://x.invalid")', '', 'S', 'Low']] };
    const gas = addOn(tabs);
    expect(reply(gas, 'ladderDeclineRow', { sheet: 'Roadmap', key: 'R-9', reason: 'no', action: 'mark' })).toMatchObject({ ok: true });
    const cell = gas.spreadsheet.getSheetByName('Not on roadmap')!.getRange('B4');
    expect(cell.getFormula()).toBe('');
    expect(cell.getValue()).toBe('=IMPORTDATA("http://x.invalid")');
  });
});

describe('ids that look like dates, fractions, numbers or booleans round-trip unchanged', () => {
  test.each(['2026-09', '1/2', '0012', '1e5', 'TRUE'])('a goal with id "%s"', (id) => {
    const tabs = {
      ...TESLA_TABS,
      Goals: [
        ['ID', 'Goal', 'Pillar'],
        [id, 'Odd id goal', 'P1'],
      ],
    };
    const gas = addOn(tabs);
    const answer = reply(gas, 'ladderLinkRow', { sheet: 'Roadmap', key: 'R-8', goals: [{ key: id }] });
    expect(answer).toMatchObject({ ok: true, value: { linkText: id } });
    expect(values(gas, 'Roadmap')[8]![2]).toBe(id);
    expect(gas.on('Roadmap').call('TRACE', 'R-8', 'keys')).toBe(
      `R-8 › ${id} › P1 › The most compelling car company of the 21st century › Accelerate the world's transition to sustainable energy`,
    );
  });
});

describe('odd sheets', () => {
  test('a merged header cell (blank beside it) and a blank column do not shift the columns', () => {
    const tabs = {
      ...TESLA_TABS,
      Roadmap: [
        ['ID', 'Initiative', '', 'Goal', 'Impact'],
        ['R-1', 'Roadster', '', 1, 3],
      ],
    };
    const gas = addOn(tabs).on('Roadmap');
    expect(gas.call('IMPACT', 'R-1', 'score')).toBe(3);
  });

  test('error values and 50,000-character cells in links are readable flags, not crashes', () => {
    // One link that resolves keeps "Goal" a link column (a column of nothing but broken values is read as a label).
    const tabs = {
      ...TESLA_TABS,
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R-1', 'Roadster', '#REF!'],
        ['R-2', 'x'.repeat(50_000), 'y'.repeat(50_000)],
        ['R-3', 'Model S', '1'],
      ],
    };
    const gas = addOn(tabs);
    gas.call('ladderCheckCascade');
    const roadmap = values(gas, 'Roadmap');
    expect(roadmap[1]![3]).toBe('⚠ NO_GOAL\n⚠ NO_PARENT\n⚠ BROKEN_LINK: "#REF!" not found');
    expect(String(roadmap[2]![3]).length).toBeLessThan(400);
    expect(gas.ui.alerts).toEqual([]);
  });
});
