/**
 * 2. Concurrency: two sidebars at once. The document lock serialises writes: the second call
 * waits (here: finds the lock held and is told to retry), nothing interleaves, the sheet is
 * flushed before the lock is released, and the lock is released even when the work fails.
 */
import { describe, expect, test } from 'vitest';
import { addOn, LINK_R8, reply, values } from './harness';

const BUSY = 'Ladder is busy with another change; try again in a moment.';

describe('two sidebars', () => {
  test('link the same row at once: the second waits its turn, then wins; no write is lost or mixed', () => {
    const gas = addOn();
    let second: ReturnType<typeof reply> | null = null;
    // The second sidebar's call arrives while the first is writing.
    gas.log.at('Range.setValue', () => {
      second = reply(gas, 'ladderLinkRow', { ...LINK_R8, goals: [{ key: '7' }] });
    });
    expect(reply(gas, 'ladderLinkRow', LINK_R8)).toMatchObject({ ok: true, value: { linkText: '2' } });
    expect(second).toEqual({ ok: false, error: BUSY });
    expect(values(gas, 'Roadmap')[8]![2]).toBe('2');
    expect(reply(gas, 'ladderLinkRow', { ...LINK_R8, goals: [{ key: '7' }] })).toMatchObject({ ok: true });
    expect(values(gas, 'Roadmap')[8]![2]).toBe('7');
    expect(gas.lock.held).toBe(false);
  });

  test('decline two requests at once: both receipts land, whole, one after the other', () => {
    const gas = addOn();
    let second: ReturnType<typeof reply> | null = null;
    gas.log.at('Range.setValues', () => {
      second = reply(gas, 'ladderDeclineRow', { sheet: 'Roadmap', key: 'R-7', reason: 'Fleet deals starve margins', action: 'keep' });
    });
    expect(reply(gas, 'ladderDeclineRow', { sheet: 'Roadmap', key: 'R-6', reason: 'Not before the cars', action: 'keep' })).toMatchObject({
      ok: true,
    });
    expect(second).toEqual({ ok: false, error: BUSY });
    expect(reply(gas, 'ladderDeclineRow', { sheet: 'Roadmap', key: 'R-7', reason: 'Fleet deals starve margins', action: 'keep' }).ok).toBe(
      true,
    );
    const declined = values(gas, 'Not on roadmap');
    expect(declined.slice(3).map((row) => [row[1], row[3]])).toEqual([
      ['Solar roof tiles', 'Not before the cars'],
      ['Fleet discount programme', 'Fleet deals starve margins'],
    ]);
  });

  test('the same request declined twice (a double click) appends one row', () => {
    const gas = addOn();
    const decline = {
      sheet: 'Roadmap',
      key: 'R-6',
      expectedTitle: 'Solar roof tiles',
      reason: 'Later',
      action: 'remove',
      removeWithTasks: true,
    };
    expect(reply(gas, 'ladderDeclineRow', decline)).toMatchObject({ ok: true });
    expect(reply(gas, 'ladderDeclineRow', decline)).toMatchObject({ ok: true, value: { repeated: true } });
    expect(values(gas, 'Not on roadmap')).toHaveLength(4);
  });

  test('the lock is released and the sheet flushed, even when the work fails', () => {
    const gas = addOn();
    gas.log.fail('Range.setValue', 'You do not have permission to access the requested document.');
    expect(reply(gas, 'ladderLinkRow', LINK_R8).ok).toBe(false);
    expect(gas.lock.held).toBe(false);
    expect(gas.lock.releases).toBe(1);
    expect(reply(gas, 'ladderLinkRow', LINK_R8)).toMatchObject({ ok: true });
    expect(gas.log.get('SpreadsheetApp.flush')).toBe(1);
  });

  test('a lock that cannot be had is a retryable message, with nothing half-written', () => {
    const gas = addOn();
    gas.lock.busy = true;
    const before = [values(gas, 'Roadmap'), values(gas, 'Not on roadmap')];
    expect(reply(gas, 'ladderDeclineRow', { sheet: 'Roadmap', key: 'R-6', reason: 'x', action: 'remove' })).toEqual({
      ok: false,
      error: BUSY,
    });
    expect([values(gas, 'Roadmap'), values(gas, 'Not on roadmap')]).toEqual(before);
  });
});
