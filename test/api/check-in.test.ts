/**
 * Check-ins through the sidebar's calls (DESIGN §9): a new row in the check-in tab, never a
 * goal's own cells; the tab and missing columns made when needed; every refusal a sentence
 * that writes nothing.
 */
import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { callApi } from '../../src/api/calls';
import { tabsOf } from '../fixtures/workbook';
import { MemoryPort } from './memory-port';

const ok = (reply: ReturnType<typeof callApi>) => {
  if (!reply.ok) throw new Error(`expected ok, got: ${reply.error}`);
  return reply.value as any;
};
const port = (change?: (tabs: ReturnType<typeof tabsOf>) => void) => {
  const tabs = tabsOf(TESLA);
  change?.(tabs);
  const memory = new MemoryPort(tabs);
  memory.date = '2026-12-01';
  return memory;
};
const goalsBefore = (memory: MemoryPort) => JSON.stringify(memory.sheet('Goals').values);

describe('goalProgress', () => {
  test("a goal's progress in words and its check-ins, newest first, the one in use marked", () => {
    const view = ok(callApi(port(), 'goalProgress', { sheet: 'Goals', key: '4' }));
    expect(view).toMatchObject({
      key: '4',
      title: 'Deliver 500,000 Model 3s a year',
      progress: 0.3,
      status: 'off track',
      text: '30%: 0 → 150,000 of 500,000, off track (92% of the time gone)',
      log: 'Check-ins',
      logExists: true,
    });
    expect(view.checkIns.map((entry: any) => [entry.date, entry.value, entry.confidence, entry.current])).toEqual([
      ['2026-11-15', '150,000', '30%', true],
      ['2026-09-30', '120,000', '40%', false],
    ]);
  });

  test('a row that is not a goal is refused with a sentence', () => {
    const reply = callApi(port(), 'goalProgress', { sheet: 'Roadmap', key: 'R-1' });
    expect(reply).toEqual({ ok: false, error: '"Roadster" is not a goal: only goals take check-ins.' });
  });
});

describe('checkIn', () => {
  test("appends a dated row to the log, leaves the goal's cells alone, and answers the new progress", () => {
    const memory = port();
    const goals = goalsBefore(memory);
    const reply = ok(
      callApi(memory, 'checkIn', {
        sheet: 'Goals',
        key: '4',
        expectedTitle: 'Deliver 500,000 Model 3s a year',
        value: '200,000',
        confidence: 50,
        note: 'Line 3 up',
        by: 'Doug',
      }),
    );
    expect(reply).toMatchObject({ sheet: 'Check-ins', row: 7, created: false, addedColumns: [], value: '200000' });
    expect(reply.progress).toMatchObject({ progress: 0.4, status: 'off track' });
    expect(memory.sheet('Check-ins').values[6]).toEqual([new Date('2026-12-01T00:00:00Z'), 4, 200000, '50%', 'Line 3 up', 'Doug']);
    expect(goalsBefore(memory)).toBe(goals);
  });

  test('a percent or a yes/no is kept as typed', () => {
    const memory = port();
    ok(callApi(memory, 'checkIn', { sheet: 'Goals', key: '3', value: '19%' }));
    // The goal's id is the number 3 on Goals, as in the log's other rows: written as the number.
    expect(memory.sheet('Check-ins').values[6]!.slice(0, 3)).toEqual([new Date('2026-12-01T00:00:00Z'), 3, '19%']);
    const view = ok(callApi(memory, 'goalProgress', { sheet: 'Goals', key: '3' }));
    expect(view.progress).toBeCloseTo(14 / 15, 12);
  });

  test('an id typed as text stays text in the log, leading zeros and all', () => {
    const memory = port((tabs) => {
      tabs.Goals![3]![0] = '007';
    });
    ok(callApi(memory, 'checkIn', { sheet: 'Goals', key: '007', value: '200,000' }));
    expect(memory.sheet('Check-ins').values.at(-1)!.slice(1, 3)).toEqual(['007', 200000]);
    expect(ok(callApi(memory, 'goalProgress', { sheet: 'Goals', key: '007' })).checkIns[0]).toMatchObject({
      date: '2026-12-01',
      current: true,
    });
  });

  test('with no check-in tab, "Check-ins" is made with its headers first', () => {
    const memory = port((tabs) => delete tabs['Check-ins']);
    const reply = ok(callApi(memory, 'checkIn', { sheet: 'Goals', key: '6', value: '2 fleets' }));
    expect(reply).toMatchObject({ sheet: 'Check-ins', row: 2, created: true });
    expect(memory.sheet('Check-ins').values).toEqual([
      ['Date', 'Goal', 'Value', 'Confidence', 'Note', 'By'],
      [new Date('2026-12-01T00:00:00Z'), 6, '2 fleets', '', '', ''],
    ]);
  });

  test('a log without a Note column gets one, after its last column, rather than losing the note', () => {
    const memory = port((tabs) => {
      tabs['Check-ins'] = [
        ['When', 'Goal', 'Value'],
        [new Date('2026-10-01T00:00:00Z'), '4', 130000],
      ];
    });
    const reply = ok(callApi(memory, 'checkIn', { sheet: 'Goals', key: '4', value: '160000', note: 'Better' }));
    expect(reply.addedColumns).toEqual(['Note']);
    expect(memory.sheet('Check-ins').values[0]).toEqual(['When', 'Goal', 'Value', 'Note']);
    expect(memory.sheet('Check-ins').values[2]).toEqual([new Date('2026-12-01T00:00:00Z'), 4, 160000, 'Better']);
  });

  test.each([
    [
      'a value Ladder cannot measure',
      { value: 'soon' },
      '"soon" is not a value Ladder can measure: write a number (17, 1,200, 17%, $200) or done / not done.',
    ],
    ['an empty value', { value: '  ' }, 'Write the value the goal is at now, such as 17, 17% or done.'],
    [
      'a goal whose title changed',
      { value: '5', expectedTitle: 'Something else' },
      'This row changed: its title is now "Deliver 500,000 Model 3s a year". Refresh and try again.',
    ],
    ['a goal that is gone', { value: '5', key: '44' }, 'This row changed: "44" is no longer on "Goals". Refresh and try again.'],
  ])('%s is refused with a sentence, and nothing is written', (_, change, error) => {
    const memory = port();
    const reply = callApi(memory, 'checkIn', { sheet: 'Goals', key: '4', ...change });
    expect(reply).toEqual({ ok: false, error });
    expect(memory.writes).toEqual([]);
  });

  test('a confidence over 100 never reaches the sheet', () => {
    const memory = port();
    const reply = callApi(memory, 'checkIn', { sheet: 'Goals', key: '4', value: '5', confidence: 120 });
    expect(reply.ok).toBe(false);
    expect(memory.writes).toEqual([]);
  });

  test('a dropdown in the log that refuses the value stops the whole entry, headers included', () => {
    const memory = port((tabs) => {
      tabs['Check-ins'] = [
        ['Date', 'Goal', 'Value'],
        [new Date('2026-10-01T00:00:00Z'), '4', 130000],
      ];
    });
    memory.dropdowns.set('Check-ins!3:3', ['on track', 'off track']);
    const reply = callApi(memory, 'checkIn', { sheet: 'Goals', key: '4', value: '160000', note: 'kept in the form' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/^Cell Check-ins!3:3/);
    expect(memory.writes).toEqual([]);
  });
});
