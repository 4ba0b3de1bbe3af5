/**
 * 7. Saved settings that are damaged, old, too large, or about tabs and headers that have
 * changed: each is reported, detection takes over where it must, nothing crashes, and no
 * write lands on the wrong tab or row.
 */
import { describe, expect, test } from 'vitest';
import { addOn, LINK_R8, reply, TESLA_TABS, values } from './harness';

/** What Setup says on one tab's card. */
const notesOf = (setup: { value?: { tabs: { sheet: string; notes: string[] }[] } }, sheet: string) =>
  setup.value!.tabs.find((tab) => tab.sheet === sheet)!.notes.join(' ');
const saveRaw = (gas: ReturnType<typeof addOn>, raw: string) => gas.properties.store.set('ladder.settings', raw);

describe('damaged or old settings', () => {
  test.each([
    ['truncated', '{"version":1,"tabs":[{"sheet":"Road', /not readable \(damaged JSON\); tabs are detected instead/],
    ['from an older version', '{"version":0,"mapping":{"Roadmap":"roadmap"}}', /from another version of Ladder \(0\)/],
    ['not even JSON', 'roadmap=Q1', /not readable/],
    [
      'larger than Sheets keeps (written by something else)',
      JSON.stringify({ version: 1, tabs: Array.from({ length: 300 }, (_, i) => ({ sheet: `T${i}`, use: 'ignore' })) }),
      /were ignored/,
    ],
  ])('%s: reported, detection used, everything still works', (_, raw, message) => {
    const gas = addOn();
    saveRaw(gas, raw);
    const setup = reply(gas, 'ladderSetup');
    expect(setup).toMatchObject({ ok: true });
    expect(setup.value.warnings.join(' ')).toMatch(message);
    expect(setup.value.tabs.find((tab: { sheet: string }) => tab.sheet === 'Roadmap').use).toBe('roadmap');
    expect(gas.on('Roadmap').call('IMPACT', 'R-1')).toBe(735);
    gas.call('ladderCheckCascade');
    expect(gas.spreadsheet.toasts.at(-1)).toMatch(message);
    expect(reply(gas, 'ladderLinkRow', LINK_R8)).toMatchObject({ ok: true });
  });
});

describe('tabs and headers that changed since the settings were saved', () => {
  test('a renamed tab is reported, and a write to it is refused rather than sent elsewhere', () => {
    const tabs: Record<string, (typeof TESLA_TABS)[string]> = { ...TESLA_TABS, 'Q1 plan': TESLA_TABS.Roadmap! };
    delete tabs.Roadmap;
    const gas = addOn(tabs);
    expect(reply(gas, 'ladderSaveSetup', { version: 1, tabs: [{ sheet: 'Q1 plan', use: 'roadmap' }] })).toMatchObject({ ok: true });
    gas.spreadsheet.getSheetByName('Q1 plan')!.setName('Q1 plan (old)');
    const before = gas.spreadsheet.sheets.map((sheet) => JSON.stringify(sheet.dump()));
    const setup = reply(gas, 'ladderSetup');
    expect(setup.value.warnings.join(' ')).toContain('The tab "Q1 plan" in Ladder\'s settings is gone (renamed or deleted)');
    expect(reply(gas, 'ladderLinkRow', { sheet: 'Q1 plan', key: 'R-8', goals: [{ key: '2' }] }).ok).toBe(false);
    expect(gas.spreadsheet.sheets.map((sheet) => JSON.stringify(sheet.dump()))).toEqual(before);
  });

  test('a header row that moved is noticed, and writes still land on the right cell', () => {
    const gas = addOn();
    expect(reply(gas, 'ladderSaveSetup', { version: 1, tabs: [{ sheet: 'Roadmap', use: 'roadmap', headerRow: 1 }] })).toMatchObject({
      ok: true,
    });
    // The PM adds a title row above the header.
    gas.spreadsheet.getSheetByName('Roadmap')!.insertRowOf(1, ['Roadmap 2027 (draft)']);
    const setup = reply(gas, 'ladderSetup');
    expect(notesOf(setup, 'Roadmap')).toContain('the saved header row 1 no longer holds the headers; row 2 does, and is used instead.');
    expect(reply(gas, 'ladderLinkRow', LINK_R8)).toMatchObject({ ok: true, value: { row: 10 } });
    expect(values(gas, 'Roadmap')[9]!.slice(0, 3)).toEqual(['R-8', 'In-car karaoke', '2']);
    expect(values(gas, 'Roadmap')[0]).toEqual(['Roadmap 2027 (draft)']);
  });

  test('a saved column whose header was renamed is reported, and detection finds the link column', () => {
    const gas = addOn();
    expect(
      reply(gas, 'ladderSaveSetup', { version: 1, tabs: [{ sheet: 'Roadmap', use: 'roadmap', columns: { effort: 'Effort' } }] }).ok,
    ).toBe(true);
    gas.spreadsheet.getSheetByName('Roadmap')!.getRange('D1').setValue('Size (weeks)');
    const setup = reply(gas, 'ladderSetup');
    expect(notesOf(setup, 'Roadmap')).toContain('the column "Effort" saved as effort is no longer in the header row');
    expect(reply(gas, 'ladderLinkRow', LINK_R8)).toMatchObject({ ok: true, value: { row: 9 } });
    expect(values(gas, 'Roadmap')[8]![2]).toBe('2');
  });
});

describe('a tab Ladder leaves out, in Apps Script (which reads only the tabs Ladder counts)', () => {
  const sheet7 = [
    ['Thing', 'Owner', 'Serves'],
    ['Launch party for the Roadster', 'Ana', '1'],
    ['Fleet offsite', 'Bo', ''],
  ];

  test('Setup lists it, and mapping it to the roadmap is saved and read: its rows trace up to the mission', () => {
    const gas = addOn({ ...TESLA_TABS, Sheet7: sheet7 });
    const before = reply(gas, 'ladderSetup');
    expect(before.value.tabs.map((tab: { sheet: string }) => tab.sheet)).toEqual([...Object.keys(TESLA_TABS), 'Sheet7']);
    // Its labels are offered at once, so its columns can be picked in the same save.
    expect(before.value.tabs.at(-1)).toMatchObject({ sheet: 'Sheet7', use: 'ignore', items: 0, headers: ['Thing', 'Owner', 'Serves'] });
    const mapping = { sheet: 'Sheet7', use: 'roadmap', columns: { title: 'Thing', parent: 'Serves' } };
    expect(reply(gas, 'ladderSaveSetup', { version: 1, tabs: [mapping] })).toEqual({ ok: true, value: { saved: 1 } });
    expect(reply(gas, 'ladderSetup').value.tabs.at(-1)).toMatchObject({ sheet: 'Sheet7', use: 'roadmap', items: 2 });
    expect(gas.on('Sheet7').call('TRACE', 'Launch party for the Roadster')).toMatch(/^Launch party for the Roadster › /);
  });

  test('a header row on it that holds no headers is refused with the reason, and nothing is saved', () => {
    const gas = addOn({ ...TESLA_TABS, Sheet7: sheet7 });
    const saved = reply(gas, 'ladderSaveSetup', { version: 1, tabs: [{ sheet: 'Sheet7', use: 'roadmap', headerRow: 9 }] });
    expect(saved).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Nothing was saved: on "Sheet7", row 9 does not hold the column names/),
    });
    expect(gas.properties.store.get('ladder.settings')).toBeUndefined();
  });
});
