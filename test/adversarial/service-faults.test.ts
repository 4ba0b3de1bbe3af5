/**
 * 3. Service faults: transient errors on the first calls are retried with exponential
 * backoff and jitter, then succeed; permission, range and daily-quota errors are not retried; when the
 * retries run out, nothing is half-applied (the link and the flag column change together).
 */
import { describe, expect, test } from 'vitest';
import { addOn, LINK_R8, reply, values } from './harness';

const SHORT_TERM = 'Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.';
const DAILY = 'Service invoked too many times for one day: spreadsheets.';

const TRANSIENT = [
  SHORT_TERM,
  'Service error: Spreadsheets',
  "We're sorry, a server error occurred. Please wait a bit and try again.",
  'Internal error',
];

describe('transient errors are retried with backoff and jitter', () => {
  test.each(TRANSIENT)('"%s" twice, then the link succeeds', (message) => {
    const gas = addOn();
    gas.log.fail('Range.setValue', message, 2);
    expect(reply(gas, 'ladderLinkRow', LINK_R8)).toMatchObject({ ok: true });
    expect(values(gas, 'Roadmap')[8]![2]).toBe('2');
    expect(gas.sleeps).toHaveLength(2);
    // 250 ms then 500 ms, each stretched by a random factor between 0.5 and 1.5.
    expect(gas.sleeps[0]).toBeGreaterThanOrEqual(125);
    expect(gas.sleeps[0]).toBeLessThanOrEqual(375);
    expect(gas.sleeps[1]).toBeGreaterThanOrEqual(250);
    expect(gas.sleeps[1]).toBeLessThanOrEqual(750);
  });

  test('reading the workbook for TRACE is retried too', () => {
    const gas = addOn().on('Roadmap');
    gas.log.fail('Range.getValues', 'Service error: Spreadsheets', 2);
    expect(gas.call('IMPACT', 'R-1')).toBe(735);
  });

  test('checking the cascade is retried too', () => {
    const gas = addOn();
    gas.log.fail('Range.setValues', SHORT_TERM, 3);
    gas.call('ladderCheckCascade');
    expect(values(gas, 'Roadmap')[6]![9]).toMatch(/^⚠ NO_GOAL/);
    expect(gas.ui.alerts).toEqual([]);
  });
});

describe('errors another try cannot fix are not retried', () => {
  test.each([
    'You do not have permission to access the requested document.',
    'The coordinates of the range are outside the dimensions of the sheet.',
    // A daily quota lasts until it resets: a few seconds of backoff would only waste the 30 s a call has.
    DAILY,
  ])('"%s": one try, its message, nothing written', (message) => {
    const gas = addOn();
    gas.log.fail('Range.setValue', message);
    const before = values(gas, 'Roadmap');
    expect(reply(gas, 'ladderLinkRow', LINK_R8)).toEqual({ ok: false, error: message });
    expect(gas.sleeps).toEqual([]);
    expect(values(gas, 'Roadmap')).toEqual(before);
  });
});

describe('when the retries run out', () => {
  test('the link and the Ladder column change together, or neither does', () => {
    const gas = addOn();
    gas.call('ladderCheckCascade');
    const before = values(gas, 'Roadmap');
    expect(before[8]![9]).toMatch(/^⚠ NO_GOAL/);
    // The link cell is written (the first setValue); then every try at the Ladder cell (the second) fails.
    gas.log.at('Range.setValue', () =>
      gas.log.at('Range.setValue', () => gas.log.fail('Range.setValue', 'Service error: Spreadsheets', 5)),
    );
    const answer = reply(gas, 'ladderLinkRow', LINK_R8);
    expect(answer).toEqual({ ok: false, error: 'Service error: Spreadsheets' });
    expect(values(gas, 'Roadmap')).toEqual(before);
  });

  test('when both succeed, the Ladder column follows the new link at once', () => {
    const gas = addOn();
    gas.call('ladderCheckCascade');
    expect(reply(gas, 'ladderLinkRow', LINK_R8)).toMatchObject({ ok: true });
    expect(values(gas, 'Roadmap')[8]!.slice(2, 3)).toEqual(['2']);
    expect(values(gas, 'Roadmap')[8]![9]).toMatch(/^⚠ RESURFACED/);
  });

  test('a receipt is taken back when a row with tasks, removed anyway, cannot be removed', () => {
    // R-6 has tasks: without removeWithTasks the call is refused before anything is written.
    const gas = addOn();
    gas.log.fail('Sheet.deleteRow', 'Service error: Spreadsheets', 5);
    const before = [values(gas, 'Roadmap'), values(gas, 'Not on roadmap')];
    const answer = reply(gas, 'ladderDeclineRow', {
      sheet: 'Roadmap',
      key: 'R-6',
      reason: 'Later',
      action: 'remove',
      removeWithTasks: true,
    });
    expect(answer).toMatchObject({ ok: false, error: expect.stringContaining('Service error') });
    expect([values(gas, 'Roadmap'), values(gas, 'Not on roadmap')]).toEqual(before);
  });

  test('a receipt is taken back when the row it declines cannot be removed', () => {
    const gas = addOn();
    gas.log.fail('Sheet.deleteRow', 'Service error: Spreadsheets', 5);
    const before = [values(gas, 'Roadmap'), values(gas, 'Not on roadmap')];
    const answer = reply(gas, 'ladderDeclineRow', { sheet: 'Roadmap', key: 'R-6', reason: 'Later', action: 'remove' });
    expect(answer.ok).toBe(false);
    expect([values(gas, 'Roadmap'), values(gas, 'Not on roadmap')]).toEqual(before);
  });
});
