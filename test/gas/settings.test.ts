/**
 * Ladder's settings are read from the document's properties once per execution: by every
 * sidebar call, however often it reads the tabs (a link with a Ladder column reads them
 * again to write its flags, a decline that adds the declined list reads them again, and any
 * write refreshes the Ladder columns after it), by a custom function's cold run, and by the
 * edit trigger. The tabs are read with the settings read then, never parsed again.
 */
import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { API_CALLS, gasName } from '../../src/api/calls';
import { tabsOf } from '../fixtures/workbook';
import { type AppsScript, loadAppsScript } from './apps-script';

const tabs = tabsOf(TESLA);
const SAVED = JSON.stringify({ version: 1, tabs: [{ sheet: 'Goals', use: 'goals', headerRow: 1 }] });

const settingsReads = (gas: AppsScript) => gas.log.get('Properties.getProperty') + gas.log.get('Properties.getProperties');

/** An add-on with saved settings and a Ladder column on every layer tab (so writes rewrite it). */
function addOn(workbook = tabs): AppsScript {
  const gas = loadAppsScript(workbook);
  gas.properties.store.set('ladder.settings', SAVED);
  gas.call('ladderCheckCascade');
  gas.cache.evictAll();
  gas.log.reset();
  return gas;
}

const { 'Not on roadmap': _declined, ...withoutDeclinedList } = tabs;

/** Each sidebar call as the sidebar makes it, with input that succeeds. */
const CALLS: Record<string, { input?: unknown; reads?: number }> = {
  health: {},
  setup: {},
  // Saving checks the tabs as the new settings read them: the saved ones are not needed.
  saveSetup: { input: { version: 1, tabs: [{ sheet: 'Backlog', use: 'ignore' }] }, reads: 0 },
  rowContext: { input: { sheet: 'Roadmap', row: 9 } },
  linkRow: { input: { sheet: 'Roadmap', key: 'R-8', expectedTitle: 'In-car karaoke', goals: [{ key: '2' }] } },
  declineRow: { input: { sheet: 'Roadmap', key: 'R-8', reason: 'Off strategy', action: 'mark' } },
  strategy: {},
  goalProgress: { input: { sheet: 'Goals', key: '3' } },
  checkIn: { input: { sheet: 'Goals', key: '3', value: '19%', confidence: 80, note: 'Margins up' } },
  freezePlan: {},
  planChanges: {},
};

describe('the settings property is read once per execution', () => {
  test('the table names every sidebar call', () => {
    expect(Object.keys(CALLS).sort()).toEqual(API_CALLS.map((call) => call.name).sort());
  });

  test.each(Object.entries(CALLS))('the sidebar call %s', (name, { input, reads = 1 }) => {
    const gas = addOn();
    const answer = JSON.parse(JSON.stringify(gas.call(gasName(name), input ?? null)));
    expect(answer).toMatchObject({ ok: true });
    expect(settingsReads(gas)).toBe(reads);
  });

  test('a decline that adds the declined list, and so reads the tabs again', () => {
    const gas = addOn(withoutDeclinedList);
    const answer = JSON.parse(
      JSON.stringify(gas.call('ladderDeclineRow', { sheet: 'Roadmap', key: 'R-8', reason: 'Off strategy', action: 'keep' })),
    );
    expect(answer).toMatchObject({ ok: true });
    expect(gas.spreadsheet.getSheetByName('Not on roadmap')).not.toBeNull();
    expect(settingsReads(gas)).toBe(1);
  });

  test("a custom function's cold run, and none more while the cache is warm", () => {
    const gas = addOn().on('Roadmap');
    expect(gas.call('TRACE', 'R-2')).toMatch(/^Model S/);
    expect(gas.log.get('Range.getValues')).toBeGreaterThan(0);
    expect(settingsReads(gas)).toBe(1);
    gas.log.reset();
    expect(gas.call('IMPACT', 'R-1')).toBe(735);
    expect(settingsReads(gas)).toBe(1);
  });

  test('the edit trigger, which judges the tab and then refreshes the Ladder columns', () => {
    const gas = addOn();
    gas.userEdit('Roadmap', 'C9', '2');
    expect(gas.log.get('Range.getValues')).toBeGreaterThan(0);
    expect(settingsReads(gas)).toBe(1);
  });

  test('the key and the JSON stay as spreadsheets saved them before', () => {
    const gas = addOn();
    gas.call('ladderSaveSetup', { version: 1, tabs: [{ sheet: 'Backlog', use: 'ignore' }] });
    expect(JSON.parse(gas.properties.store.get('ladder.settings')!)).toEqual({ version: 1, tabs: [{ sheet: 'Backlog', use: 'ignore' }] });
    const setup = JSON.parse(JSON.stringify(gas.call('ladderSetup', null)));
    expect(setup.value.saved).toEqual({ version: 1, tabs: [{ sheet: 'Backlog', use: 'ignore' }] });
  });
});
