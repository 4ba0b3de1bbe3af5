/**
 * Planning a quarter in the sidebar (DESIGN §10), in Chromium through the local preview on
 * copies of the Tesla example, judged on a fixed day (2026-11-20): each pillar's share of effort
 * against its target in the Strategy view, "Freeze this plan" (it asks first, writes a new tab
 * the file holds afterwards, and says so only when it did), and the Changes view: the snapshot
 * picked by name, "No item changed" right after a freeze, and a link saved through the Link view
 * as a sentence under its pillar › goal. The example may hold a snapshot of an earlier plan or
 * not: every test freezes first and picks its own snapshot by name, or removes them all.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cells, copyOfExample, rigForFile, seriousViolations, sha, shot, shownView, sidebarOf } from '../fixtures/preview';

const TODAY = '2026-11-20';
const ITEM_HEADER = ['Layer', 'Tab', 'Key', 'Title', 'Parents', 'Effort', 'Impact score', 'ROI', 'Progress', 'Status', 'Flags'];

const rig = rigForFile();

const shown = shownView;

/** Scrolls the sidebar so `what` starts just below its sticky tabs, for a screenshot. */
async function scrollTo(frame: FrameLocator, what: Locator) {
  await what.evaluate((element) => {
    const nav = element.ownerDocument.querySelector('nav')!.getBoundingClientRect().height;
    element.ownerDocument.scrollingElement!.scrollBy(0, element.getBoundingClientRect().top - nav - 8);
  });
  await frame.locator('body').evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

/** A table's body rows as text: the row header, then each cell. */
const rowsOf = (table: Locator) =>
  table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim())));

async function openChanges(frame: FrameLocator) {
  await frame.getByRole('tab', { name: 'Changes' }).click();
  await expect.poll(() => shown(frame).locator('h2').first().textContent()).toBe('What changed');
  await expect.poll(() => shown(frame).getByText('Reading the snapshots…').count()).toBe(0);
}

/** Freezes through the button and its question; answers the new tab's name, as the sidebar says it. */
async function freeze(frame: FrameLocator): Promise<string> {
  await shown(frame).getByRole('button', { name: 'Freeze this plan' }).click();
  const ask = frame.getByRole('group', { name: 'Freeze the plan?' });
  expect(await ask.textContent()).toContain('Freeze the plan as it is now into a new tab? It is never changed afterwards.');
  // The question takes the focus from the button it replaced.
  expect(await frame.locator(':focus').textContent()).toBe('Freeze it');
  await ask.getByRole('button', { name: 'Freeze it' }).click();
  const said = shown(frame).locator('.said');
  await expect.poll(() => said.count()).toBe(1);
  const text = (await said.textContent())!;
  const match = /^Froze (\d+) rows into “(Ladder snapshot 2026-11-20(?: \(\d+\))?)”\.$/.exec(text);
  expect(match, text).not.toBeNull();
  return match![2]!;
}

async function withoutSnapshots(file: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  for (const sheet of [...book.worksheets]) if (sheet.name.startsWith('Ladder snapshot')) book.removeWorksheet(sheet.id);
  await book.xlsx.writeFile(file);
}

async function pickRow(page: Page, row: number) {
  await page.getByRole('tab', { name: /Roadmap/ }).click();
  await page.locator(`tr[data-row="${row}"]`).click();
}

describe('Strategy: each pillar’s effort against its target', () => {
  test('P4 gets 7% of the effort against a target of 20%, and the view says it is under target, in words', async () => {
    const file = await copyOfExample(rig().dir, 'targets.xlsx');
    const { page } = await rig().serve(file, { today: TODAY });
    const frame = sidebarOf(page);
    await frame.getByRole('tab', { name: 'Strategy' }).click();
    const table = shown(frame).locator('table.targets');
    await expect.poll(() => table.count()).toBe(1);
    expect(await table.locator('caption').textContent()).toBe(
      "Each pillar's share of roadmap effort, against the share the strategy gives it",
    );
    expect(await rowsOf(table)).toEqual([
      ['P1 Build an expensive sports car on target', '22%', '20%'],
      ['P2 Use that money to build a more affordable car on target', '14%', '20%'],
      ['P3 Use that money to build an even more affordable car on target', '34%', '40%'],
      ['P4 Provide zero-emission electric power ⚠ under target', '7%', '20%'],
      ['Anti-priorities', '5%', '0%'],
      ['Reaches no pillar', '17%', '–'],
    ]);
    // A screen reader names the row by its header; the bar and its target mark are decoration.
    expect(await table.locator('.target-track[aria-hidden="true"]').count()).toBe(6);
    // Beside the pillar itself, in its card, the same in a sentence.
    const card = shown(frame).locator('section.card').filter({ hasText: 'Provide zero-emission electric power' });
    expect(await card.locator('.target-line').textContent()).toBe('Effort: actual 7% · target 20% · ⚠ under target');
    expect(await seriousViolations(page)).toEqual([]);
    await scrollTo(frame, shown(frame).locator('h2', { hasText: 'Effort against target' }));
    await shot(page, 'strategy-targets');
  });
});

describe('Setup: the tolerance for effort against targets', () => {
  test('a tolerance of 15 points is saved, takes P4 off "under target", and stays when only a tab is changed; 150 is refused', async () => {
    const file = await copyOfExample(rig().dir, 'tolerance.xlsx');
    const { page } = await rig().serve(file, { today: TODAY });
    const frame = sidebarOf(page);
    await frame.getByRole('tab', { name: 'Setup' }).click();
    const box = frame.getByLabel('Tolerance, in points');
    await expect.poll(() => box.getAttribute('placeholder')).toBe('10 (the default)');
    const status = shown(frame).locator('[role=status]').first();
    await box.fill('150');
    await frame.getByRole('button', { name: 'Save setup' }).click();
    await expect
      .poll(() => status.textContent())
      .toBe('Nothing was saved: the tolerance must be a number of points from 0 to 100, not “150”.');
    await expect(readFile(`${file}.ladder.json`, 'utf8')).rejects.toThrow();
    await box.fill('15');
    await frame.getByRole('button', { name: 'Save setup' }).click();
    await expect
      .poll(() => status.textContent())
      .toBe("Saved.A pillar's share of effort may now be 15 points off its target before it is flagged.");
    expect(JSON.parse(await readFile(`${file}.ladder.json`, 'utf8'))).toEqual({ version: 1, tabs: [], tolerance: 15 });
    // Changing only a tab keeps the tolerance saved before.
    await frame.getByLabel('Layer of Backlog').selectOption('ignore');
    await frame.getByRole('button', { name: 'Save setup' }).click();
    await expect.poll(() => status.textContent()).toBe('Saved.“Backlog” is not read from now on.');
    expect(JSON.parse(await readFile(`${file}.ladder.json`, 'utf8'))).toEqual({
      version: 1,
      tabs: [{ sheet: 'Backlog', use: 'ignore' }],
      tolerance: 15,
    });
    expect(await box.inputValue()).toBe('15');
    await scrollTo(frame, shown(frame).locator('h2', { hasText: 'Planning' }));
    await shot(page, 'setup-tolerance');
    // P4 is 13 points under its target: within 15, so Strategy no longer says it is under.
    await frame.getByRole('tab', { name: 'Strategy' }).click();
    const table = shown(frame).locator('table.targets');
    await expect.poll(() => table.count()).toBe(1);
    await expect.poll(async () => (await rowsOf(table))[3]).toEqual(['P4 Provide zero-emission electric power on target', '7%', '20%']);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('Freeze this plan, and what changed since', () => {
  test('with no snapshot, Changes says there is none; Back writes nothing; a freeze writes a new tab, and nothing has changed since', async () => {
    const file = await copyOfExample(rig().dir, 'freeze.xlsx');
    await withoutSnapshots(file);
    const { page, dialogs } = await rig().serve(file, { today: TODAY });
    const frame = sidebarOf(page);
    // Keyboard: Changes is the tab after Setup, and the arrow wraps round to Review.
    await frame.getByRole('tab', { name: 'Review' }).focus();
    await frame.getByRole('tab', { name: 'Review' }).press('End');
    await expect.poll(() => frame.getByRole('tab', { name: 'Changes' }).getAttribute('aria-selected')).toBe('true');
    expect(await frame.locator(':focus').textContent()).toBe('Changes');
    await openChanges(frame);
    expect(await shown(frame).locator('p.muted').first().textContent()).toMatch(/^There is no snapshot of the plan yet\./);
    expect(await shown(frame).getByRole('combobox').count()).toBe(0);
    // Asked, then Back: nothing written, and the focus is back on the button.
    const before = await sha(file);
    await shown(frame).getByRole('button', { name: 'Freeze this plan' }).click();
    await frame.getByRole('button', { name: 'Back' }).click();
    expect(await frame.locator(':focus').textContent()).toBe('Freeze this plan');
    expect(await sha(file)).toBe(before);
    const sheet = await freeze(frame);
    expect(sheet).toBe(`Ladder snapshot ${TODAY}`);
    // The file holds the new tab: the label block, then the item header and one row per item.
    const rows = await cells(file, sheet);
    const header = rows.findIndex((row) => JSON.stringify(row?.slice(0, ITEM_HEADER.length)) === JSON.stringify(ITEM_HEADER));
    expect(header).toBeGreaterThan(0);
    const items = rows.slice(header + 1).filter(Boolean);
    expect((await shown(frame).locator('.said').textContent())!).toBe(`Froze ${items.length} rows into “${sheet}”.`);
    expect(items.find((row) => row[2] === 'R-2')).toEqual(expect.arrayContaining(['roadmap', 'Roadmap', 'R-2', 'Model S']));
    // The Changes view now compares with it: picked by name, and nothing changed yet.
    const picker = shown(frame).getByLabel('Compare the plan now with');
    await expect.poll(() => picker.inputValue()).toBe(sheet);
    expect(await picker.locator('option').allTextContents()).toEqual([`${sheet} (${items.length} rows)`]);
    await expect.poll(() => shown(frame).getByRole('status').textContent()).toBe(`No item changed since “${sheet}”.`);
    expect(await shown(frame).locator('.changes-coverage').textContent()).toBe('Coverage 75% → 75% of roadmap rows reach a goal.');
    expect(await rowsOf(shown(frame).locator('table.changes-mix'))).toContainEqual([
      'P4 Provide zero-emission electric power ⚠ under target',
      '7% → 7%',
      '20%',
    ]);
    expect(await shown(frame).locator('ul.change-list').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a link saved through the Link view after a freeze shows as a sentence under its pillar › goal', async () => {
    const file = await copyOfExample(rig().dir, 'changes.xlsx');
    const { page } = await rig().serve(file, { today: TODAY });
    const frame = sidebarOf(page);
    await openChanges(frame);
    // Whatever snapshots the example holds, this one is the newest: the picker shows it first.
    const sheet = await freeze(frame);
    const picker = shown(frame).getByLabel('Compare the plan now with');
    await expect.poll(() => picker.inputValue()).toBe(sheet);
    await expect.poll(() => shown(frame).getByRole('status').textContent()).toBe(`No item changed since “${sheet}”.`);
    // In-car karaoke links to no goal; the PM links it to goal 2.
    await pickRow(page, 9);
    await expect.poll(() => shown(frame).locator('.card h3').first().textContent()).toBe('In-car karaoke');
    await frame.getByRole('checkbox', { name: /Reach 10% of US luxury sedan sales/ }).check();
    await frame.getByRole('button', { name: 'Save link' }).click();
    await expect.poll(() => shown(frame).locator('.said').first().textContent()).toMatch(/^Saved|^Linked/);
    // Back on Changes, asked again: the change, under the pillar and goal the row serves now.
    await frame.getByRole('tab', { name: 'Changes' }).click();
    await expect
      .poll(() => shown(frame).getByRole('status').textContent())
      .toMatch(new RegExp(`^\\d+ items? changed since “${sheet}”\\.$`));
    expect(await picker.inputValue()).toBe(sheet);
    const group = shown(frame)
      .locator('section.change-group')
      .filter({ has: frame.locator('h3', { hasText: /Reach 10% of US luxury sedan sales$/ }) });
    expect(await group.locator('h3').textContent()).toBe(
      'Use that money to build a more affordable car › Reach 10% of US luxury sedan sales',
    );
    expect(await group.locator('li').allTextContents()).toContainEqual(
      expect.stringMatching(/^"In-car karaoke" \(R-8\): parents no link → 2\b/),
    );
    expect(await shown(frame).locator('.changes-coverage').textContent()).toMatch(/^Coverage 75% → \d+% of roadmap rows reach a goal\.$/);
    expect(await seriousViolations(page)).toEqual([]);
    await scrollTo(frame, shown(frame).locator('h2', { hasText: 'What changed' }));
    await shot(page, 'changes');
  });
});
