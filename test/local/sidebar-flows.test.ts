/**
 * The sidebar's flows as a PM walks them before quarterly planning, in Chromium through the
 * local preview on copies of the Tesla example: what the PM sees (text, and screenshots kept
 * in test-results/screenshots) and what the file holds afterwards. Each test is a case the
 * first sidebar got wrong: links silently replaced, a review stuck on a handled row, typed
 * reasons lost, Enter sending a half-filled form, a row's tasks orphaned without a word.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cells, copyOfExample, rigForFile, seriousViolations, sha, shot, shownView, sidebarOf } from '../fixtures/preview';

const rig = rigForFile();

const shown = shownView;
const cardTitle = (frame: FrameLocator) => shown(frame).locator('.card h3').first();
const said = (frame: FrameLocator) => shown(frame).locator('.said').first();

async function pickRow(page: Page, row: number) {
  await page.getByRole('tab', { name: /Roadmap/ }).click();
  await page.locator(`tr[data-row="${row}"]`).click();
}

/** Walks the queue with Skip until the card shows `title`. */
async function reviewUntil(frame: FrameLocator, title: string) {
  for (let step = 0; step < 10; step++) {
    await expect.poll(() => cardTitle(frame).count()).toBe(1);
    if ((await cardTitle(frame).textContent()) === title) return;
    await frame.getByRole('button', { name: 'Skip' }).click();
  }
  throw new Error(`"${title}" never came up in the queue`);
}

describe('linking keeps the links a row has', () => {
  test('Model S shows its two goals and shares as chips; adding a third asks before changing a share, and the cell keeps all three', async () => {
    const file = await copyOfExample(rig().dir, 'chips.xlsx');
    const { page } = await rig().serve(file);
    await pickRow(page, 3);
    const frame = sidebarOf(page);
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Model S');
    const chips = frame.getByRole('list', { name: 'Linked to' }).getByRole('listitem');
    await expect.poll(() => chips.count()).toBe(2);
    expect(await chips.nth(0).textContent()).toContain('Reach 10% of US luxury sedan sales');
    expect(await frame.getByLabel(/Share of Reach 10% of US luxury sedan sales/).inputValue()).toBe('60');
    expect(await frame.getByLabel(/Share of .*\(3\)/).inputValue()).toBe('40');
    // Ticking a third goal adds it beside them; with the shares at 100% it would get nothing, and the sidebar says so.
    await frame.getByLabel('Find a goal').fill('Roadster');
    await frame.getByRole('checkbox', { name: /Sell out the Roadster/ }).check();
    await expect.poll(() => chips.count()).toBe(3);
    await expect.poll(() => frame.getByRole('alert').first().textContent()).toMatch(/already add up to 100%/);
    expect(await frame.getByRole('button', { name: 'Save link' }).isDisabled()).toBe(true);
    await frame.getByLabel(/Share of .*\(3\)/).fill('20');
    await frame.getByLabel(/Share of Sell out the Roadster/).fill('20');
    await expect
      .poll(() => frame.locator('.will-read').textContent())
      .toBe('Saving writes 2 (60%), 3 (20%), 1 (20%) into the “Goal” cell, instead of 2 (60%), 3 (40%).');
    await frame.getByRole('button', { name: 'Save link' }).click();
    // A share changed: the sidebar asks first, and Back keeps every choice.
    const confirm = frame.getByRole('group', { name: 'Replace the link?' });
    await expect.poll(() => confirm.textContent()).toMatch(/changes the share of .*\(3\)/);
    await shot(page, 'link');
    await confirm.getByRole('button', { name: 'Back' }).click();
    expect(await chips.count()).toBe(3);
    await frame.getByRole('button', { name: 'Save link' }).click();
    await confirm.getByRole('button', { name: 'Replace the link' }).click();
    await expect
      .poll(() => said(frame).textContent())
      .toMatch(/^Saved: “Model S” \(R-2\) now links to .*\(2\) 60%, .*\(3\) 20%, .*\(1\) 20%\.$/);
    expect((await cells(file, 'Roadmap'))[2]![2]).toBe('2 (60%), 3 (20%), 1 (20%)');
    // Focus stays in the sidebar, on what was said, not lost with the form.
    expect(await frame.locator(':focus').getAttribute('class')).toBe('said');
  });

  test('an edit to the link cell made in the file meanwhile is not written over', async () => {
    const file = await copyOfExample(rig().dir, 'outside.xlsx');
    const { page } = await rig().serve(file);
    await pickRow(page, 3);
    const frame = sidebarOf(page);
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Model S');
    await frame.getByLabel('Find a goal').fill('Roadster');
    await frame.getByRole('checkbox', { name: /Sell out the Roadster/ }).check();
    await frame.getByRole('button', { name: /Remove Model 3|Remove .*\(3\)/ }).click();
    // Meanwhile someone saves the file in Excel with another link.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    book.getWorksheet('Roadmap')!.getCell('C3').value = '2';
    await book.xlsx.writeFile(file);
    await frame.getByRole('button', { name: 'Save link' }).click({ timeout: 5000 });
    await page.screenshot({ path: '/tmp/dbg7.png' });
    await frame.getByRole('group', { name: 'Replace the link?' }).getByRole('button', { name: 'Replace the link' }).click();
    await expect.poll(() => frame.locator('.error[role=alert]').first().textContent()).toMatch(/changed|saved elsewhere|read it again/i);
    expect((await cells(file, 'Roadmap'))[2]![2]).toBe('2');
    // Picking another row clears what was said about this one, once the PM lets the changes go.
    await pickRow(page, 9);
    await expect.poll(() => frame.locator('.notice').first().textContent()).toMatch(/You selected “In-car karaoke” \(R-8\).*not saved yet/);
    await frame.getByRole('button', { name: 'Discard them and show the new row' }).click();
    await expect.poll(() => cardTitle(frame).textContent()).toBe('In-car karaoke');
    expect(await frame.locator('.error').count()).toBe(0);
  });
});

describe('after an outside edit', () => {
  test('once the sidebar has said what the cell holds now, saving again replaces it, after asking', async () => {
    const file = await copyOfExample(rig().dir, 'again.xlsx');
    const { page } = await rig().serve(file);
    await pickRow(page, 3);
    const frame = sidebarOf(page);
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Model S');
    await frame.getByLabel('Find a goal').fill('Roadster');
    await frame.getByRole('checkbox', { name: /Sell out the Roadster/ }).check();
    await frame.getByRole('button', { name: /Remove .*\(3\)/ }).click();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    book.getWorksheet('Roadmap')!.getCell('C3').value = '5';
    await book.xlsx.writeFile(file);
    const confirm = frame.getByRole('group', { name: 'Replace the link?' });
    await frame.getByRole('button', { name: 'Save link' }).click();
    await confirm.getByRole('button', { name: 'Replace the link' }).click();
    const notice = shown(frame).locator('.notice').first();
    await expect.poll(() => notice.textContent()).toMatch(/^Its link cell changed in the sheet meanwhile: it now reads “5”\./);
    expect((await cells(file, 'Roadmap'))[2]![2]).toBe('5');
    const willRead = frame.locator('.will-read');
    await expect.poll(() => willRead.textContent()).toBe('Saving writes 2 (60%), 1 into the “Goal” cell, instead of 5.');
    await frame.getByRole('button', { name: 'Save link' }).click();
    const asked = /^This replaces what the cell says now \(“5”, changed in the sheet\): it drops .*\(3\)\.$/;
    await expect.poll(() => confirm.locator('p').textContent()).toMatch(asked);
    // The question takes the focus from the Save button it replaced.
    expect(await frame.locator(':focus').textContent()).toBe('Replace the link');
    await confirm.getByRole('button', { name: 'Replace the link' }).click();
    await expect.poll(async () => (await cells(file, 'Roadmap'))[2]![2]).toBe('2 (60%), 1');
  });
});

describe('a review that moves on', () => {
  test('most urgent first, one sentence per cause, and after a decline the next row comes up with what happened said', async () => {
    const file = await copyOfExample(rig().dir, 'queue.xlsx');
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    // Work on an anti-priority comes first; then rows with no goal, the most effort first.
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Fleet discount programme');
    const options = await frame.getByLabel('Jump to a row').locator('option').allTextContents();
    expect(options.map((text) => text.replace(/ \(.*$/, ''))).toEqual([
      '1. Fleet discount programme',
      '2. Solar roof tiles',
      '3. In-car karaoke',
      '4. Tile glass durability tests',
    ]);
    // Each cause in words, not codes.
    expect(options[0]).toBe('1. Fleet discount programme (Anti-priority)');
    // The grid shows which row the review is on.
    await expect.poll(() => page.locator('tr.current').getAttribute('data-row')).toBe('8');
    await frame.getByLabel('Jump to a row').selectOption({ index: 1 });
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Solar roof tiles');
    // One typo, one cause: said once, with the three flags it sets off.
    const advice = frame.locator('.card .advice li');
    expect(await advice.count()).toBe(1);
    expect(await advice.locator('.problem').textContent()).toBe(
      'Its link cell names a row that is not there: "G9" not found, so it reaches no goal.',
    );
    expect(await advice.locator('.codes').textContent()).toBe('BROKEN_LINK · NO_PARENT · NO_GOAL');
    await shot(page, 'review');
    await frame.getByRole('button', { name: 'Decline', exact: true }).click();
    await frame.getByLabel(/Why not/).fill('No roof business before the car business works');
    await frame.getByLabel("Pillar it didn't fit").selectOption('P4');
    await frame.locator('form.decline').getByRole('button', { name: 'Decline', exact: true }).click();
    await expect
      .poll(() => said(frame).textContent())
      .toMatch(
        /^Declined “Solar roof tiles” \(R-6\): receipt on row 4 of “Not on roadmap”\. The row is marked declined\. Next: “In-car karaoke”\.$/,
      );
    await expect.poll(() => cardTitle(frame).textContent()).toBe('In-car karaoke');
    // The form is gone with the row; the declined row is out of the queue and out of coverage.
    expect(await frame.locator('form.decline').count()).toBe(0);
    expect(await frame.getByLabel('Jump to a row').locator('option').allTextContents()).not.toContain(
      expect.stringContaining('Solar roof tiles'),
    );
    await expect
      .poll(() => frame.locator('.coverage').first().textContent())
      .toBe('86% of roadmap items reach a goal (6 of 7); 94% of their effort.');
    const declined = await cells(file, 'Not on roadmap');
    // The receipt names the pillar by its title, with its id, for whoever reads it next quarter.
    expect(declined[3]!.slice(1, 5)).toEqual([
      'Solar roof tiles',
      undefined,
      'No roof business before the car business works',
      'Provide zero-emission electric power (P4)',
    ]);
    // A real date, like the receipts already there, so the list still sorts.
    expect(declined[3]![0]).toBeInstanceOf(Date);
    const roadmap = await cells(file, 'Roadmap');
    expect(String(roadmap[6]![8])).toMatch(/^Declined \d{4}-\d{2}-\d{2}$/);
  });

  test('Skip stops at the end and says so, Previous goes back, and flag chips filter the queue', async () => {
    const file = await copyOfExample(rig().dir, 'skip.xlsx');
    const before = await sha(file);
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    await expect.poll(() => frame.getByText('Row 1 of 4').count()).toBe(1);
    for (let step = 0; step < 3; step++) await frame.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Tile glass durability tests');
    await frame.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => said(frame).textContent()).toBe('That was the last row. 4 rows still to review.');
    expect(await shown(frame).locator('.card').count()).toBe(0);
    await frame.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Tile glass durability tests');
    // Moving on says nothing stale about the end of the queue.
    expect(await said(frame).textContent()).toBe('');
    await frame.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => cardTitle(frame).textContent()).toBe('In-car karaoke');
    await frame.getByRole('button', { name: /^Declined before/ }).click();
    expect(await frame.getByRole('button', { name: /^Declined before/ }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => frame.getByText('Row 1 of 1').count()).toBe(1);
    expect(await cardTitle(frame).textContent()).toBe('In-car karaoke');
    expect(await sha(file)).toBe(before);
  });

  test('a row marked reviewed, or linked while it stays flagged, leaves the queue', async () => {
    const file = await copyOfExample(rig().dir, 'handled.xlsx');
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    await reviewUntil(frame, 'In-car karaoke');
    await frame.getByRole('button', { name: 'Link to a goal' }).click();
    await frame.getByRole('checkbox', { name: /Reach 10% of US luxury sedan sales/ }).check();
    await frame.getByRole('button', { name: 'Save link' }).click();
    await expect
      .poll(() => said(frame).textContent())
      .toBe('Linked “In-car karaoke” (R-8) to Reach 10% of US luxury sedan sales (2). Next: “Tile glass durability tests”.');
    // The grid follows the review to the next row's tab, the task's.
    await expect.poll(() => page.locator('tr.current').getAttribute('data-row')).toBe('5');
    // It is still RESURFACED (its title was declined before), and yet it left the queue: the PM decided.
    await page.getByRole('tab', { name: /Roadmap/ }).click();
    await expect.poll(() => page.locator('tr[data-row="9"] td.flags').textContent()).toMatch(/RESURFACED/);
    expect(await frame.getByLabel('Jump to a row').locator('option').allTextContents()).not.toContain(
      expect.stringContaining('In-car karaoke'),
    );
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Tile glass durability tests');
    await frame.getByRole('button', { name: 'Mark reviewed' }).click();
    await expect
      .poll(() => said(frame).textContent())
      .toBe(
        'Marked “Tile glass durability tests” (T-4) reviewed: it stays as it is, and leaves the queue until the sidebar is opened again. That was the last row to review.',
      );
    expect(await shown(frame).locator('.card').count()).toBe(0);
  });
});

describe('typed work is never lost', () => {
  test('a reason half typed survives a click in the grid and a look at Link; Enter in "Who asked" sends nothing', async () => {
    const file = await copyOfExample(rig().dir, 'typed.xlsx');
    const before = await sha(file);
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Fleet discount programme');
    await frame.getByRole('button', { name: 'Decline', exact: true }).click();
    await frame.getByLabel(/Why not/).fill('Fleet deals undercut the brand');
    await frame.getByLabel('Who asked').fill('Sales');
    await frame.getByLabel('Who asked').press('Enter');
    await pickRow(page, 3);
    await expect.poll(() => frame.getByRole('tab', { name: /Review/ }).textContent()).toMatch(/not saved yet/);
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Model S');
    await frame.getByRole('tab', { name: /Review/ }).click();
    expect(await frame.getByLabel(/Why not/).inputValue()).toBe('Fleet deals undercut the brand');
    expect(await frame.getByLabel('Who asked').inputValue()).toBe('Sales');
    expect(await sha(file)).toBe(before);
    // Cancel is a way back, and says nothing was sent.
    await frame.getByRole('button', { name: 'Cancel' }).click();
    expect(await frame.locator('form.decline').count()).toBe(0);
    expect(await sha(file)).toBe(before);
  });

  test('moving on in the queue with a reason typed asks first, and keeps it unless told to drop it', async () => {
    const file = await copyOfExample(rig().dir, 'move.xlsx');
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Fleet discount programme');
    await frame.getByRole('button', { name: 'Decline', exact: true }).click();
    // The form takes the focus from the button that opened it.
    expect(await frame.locator(':focus').evaluate((element) => element.tagName)).toBe('TEXTAREA');
    await frame.getByLabel(/Why not/).fill('Fleet deals undercut the brand');
    await frame.getByRole('button', { name: 'Skip' }).click();
    await expect
      .poll(() => shown(frame).locator('.notice').first().textContent())
      .toBe('What you typed for “Fleet discount programme” is not saved yet.Discard it and move onKeep editing');
    await frame.getByRole('button', { name: 'Keep editing' }).click();
    expect(await cardTitle(frame).textContent()).toBe('Fleet discount programme');
    expect(await frame.getByLabel(/Why not/).inputValue()).toBe('Fleet deals undercut the brand');
    await frame.getByLabel('Jump to a row').selectOption({ index: 2 });
    await frame.getByRole('button', { name: 'Discard it and move on' }).click();
    await expect.poll(() => cardTitle(frame).textContent()).toBe('In-car karaoke');
    await expect.poll(() => frame.getByRole('tab', { name: /Review/ }).textContent()).toBe('Review');
  });

  test('removing a row that tasks link to names them and needs a tick of its own', async () => {
    const file = await copyOfExample(rig().dir, 'tasks.xlsx');
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    await reviewUntil(frame, 'Solar roof tiles');
    await frame.getByRole('button', { name: 'Decline', exact: true }).click();
    await frame.getByLabel(/Why not/).fill('Not a car');
    await frame.getByLabel('Remove it').check();
    await expect
      .poll(() => frame.locator('form.decline .warning').textContent())
      .toMatch(
        /^1 row links to it: Tile glass durability tests\. Removing it leaves that row linked to a row that is gone, so it reaches no goal\./,
      );
    const submit = frame.locator('form.decline').getByRole('button', { name: 'Decline', exact: true });
    expect(await submit.isDisabled()).toBe(true);
    await shot(page, 'decline');
    await frame.getByLabel('Remove it anyway').check();
    await submit.click();
    await expect
      .poll(() => said(frame).textContent())
      .toMatch(/^Declined “Solar roof tiles” \(R-6\): receipt on row 4 of “Not on roadmap”\. The row was removed\./);
    expect((await cells(file, 'Roadmap')).map((row) => row?.[0])).not.toContain('R-6');
  });

  test('declining the same request twice in a day says where the first receipt is and writes nothing more', async () => {
    const file = await copyOfExample(rig().dir, 'twice.xlsx');
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    await reviewUntil(frame, 'Fleet discount programme');
    const decline = async (reason: string) => {
      await frame.getByRole('button', { name: 'Decline', exact: true }).click();
      await frame.getByLabel(/Why not/).fill(reason);
      await frame.getByLabel('Leave it as it is').check();
      await frame.locator('form.decline').getByRole('button', { name: 'Decline', exact: true }).click();
    };
    await decline('Fleet deals undercut the brand');
    await expect.poll(() => said(frame).textContent()).toMatch(/^Declined “Fleet discount programme” \(R-7\): receipt on row 4/);
    const receipts = (await cells(file, 'Not on roadmap')).length;
    // The sidebar opened afresh: the row is in the queue again (it was left as it is).
    await page.reload();
    await reviewUntil(frame, 'Fleet discount programme');
    await decline('Another reason');
    await expect
      .poll(() => shown(frame).locator('p.notice[role=alert]').textContent())
      .toBe(
        '“Fleet discount programme” (R-7) was already declined today: row 4 of “Not on roadmap”, reason “Fleet deals undercut the brand”. Nothing new was written; to change the reason or add who asked, edit that row.',
      );
    expect(await frame.getByLabel(/Why not/).inputValue()).toBe('Another reason');
    expect((await cells(file, 'Not on roadmap')).length).toBe(receipts);
  });
});

describe('setup says what it did', () => {
  test('layers have readable names; a header row Ladder could not use is refused with the reason, keeping the choices; then what was saved is said', async () => {
    const file = await copyOfExample(rig().dir, 'setup.xlsx');
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    await frame.getByRole('tab', { name: 'Setup' }).click();
    const layer = frame.getByLabel('Layer of Backlog');
    await expect.poll(() => layer.locator('option:checked').textContent()).toBe('Tasks or backlog');
    expect(await shown(frame).locator('section.card').filter({ hasText: 'Not on roadmap' }).locator('.muted').first().textContent()).toBe(
      '2 requests · detected from its name',
    );
    await layer.selectOption('ignore');
    await frame.getByLabel('Header row of Goals').fill('40');
    await frame.getByRole('button', { name: 'Save setup' }).click();
    const status = shown(frame).locator('[role=status]').first();
    await expect
      .poll(() => status.textContent())
      .toBe('Nothing was saved: on "Goals", row 40 does not hold the column names (row 1 does). Change that, and save again.');
    await expect(readFile(`${file}.ladder.json`, 'utf8')).rejects.toThrow();
    // Nothing the PM chose is lost: both changes are still on screen.
    expect(await layer.inputValue()).toBe('ignore');
    await frame.getByLabel('Header row of Goals').fill('1');
    await frame.getByRole('button', { name: 'Save setup' }).click();
    await expect
      .poll(() => status.textContent())
      .toBe('Saved.“Backlog” is not read from now on.“Goals” is read as Goals or OKRs, headers on row 1.');
    await frame.locator('#view').evaluate((view) => view.ownerDocument.scrollingElement?.scrollTo(0, 0));
    await shot(page, 'setup');
    expect(JSON.parse(await readFile(`${file}.ladder.json`, 'utf8'))).toEqual({ version: 1, tabs: [{ sheet: 'Backlog', use: 'ignore' }] });
  });
});

describe('a tab Ladder does not read, given its layer and columns in one save', () => {
  test('Sheet7 offers its labels; as the roadmap with Thing as the title and Serves as the link, its rows are read', async () => {
    const file = await copyOfExample(rig().dir, 'sheet7.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    book.addWorksheet('Sheet7').addRows([
      ['Thing', 'Owner', 'Serves'],
      ['Launch party for the Roadster', 'Ana', 1],
      ['Fleet offsite', 'Bo', ''],
    ]);
    await book.xlsx.writeFile(file);
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    await frame.getByRole('tab', { name: 'Setup' }).click();
    const layer = frame.getByLabel('Layer of Sheet7');
    await expect.poll(() => layer.locator('option:checked').textContent()).toBe('Not read');
    await layer.selectOption('roadmap');
    const card = shown(frame).locator('section.card').filter({ has: layer });
    await card.locator('summary', { hasText: 'Columns' }).click();
    await frame.getByLabel('Title column of Sheet7').selectOption('Thing');
    await frame.getByLabel('Link up column of Sheet7').selectOption('Serves');
    await frame.getByRole('button', { name: 'Save setup' }).click();
    const status = shown(frame).locator('[role=status]').first();
    await expect
      .poll(() => status.textContent())
      .toBe('Saved.“Sheet7” is read as Roadmap, headers on row 1; Title from “Thing”; Link up from “Serves”.');
    expect(JSON.parse(await readFile(`${file}.ladder.json`, 'utf8'))).toEqual({
      version: 1,
      tabs: [{ sheet: 'Sheet7', use: 'roadmap', columns: { title: 'Thing', parent: 'Serves' } }],
    });
    await expect.poll(() => card.locator('.muted').first().textContent()).toBe('2 rows · your setting');
  });
});

describe('accessibility', () => {
  test('every view, the forms and the preview page have no serious or critical axe-core violation; tabs move with the arrow keys', async () => {
    const file = await copyOfExample(rig().dir, 'axe.xlsx');
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Fleet discount programme');
    const found: string[] = [];
    const check = async (where: string) => found.push(...(await seriousViolations(page)).map((line) => `${where}: ${line}`));
    await check('review');
    await frame.getByRole('button', { name: 'Decline', exact: true }).click();
    await check('decline form');
    await frame.getByRole('button', { name: 'Cancel' }).click();
    await frame.getByRole('button', { name: 'Change its goals' }).click();
    await check('review link');
    await pickRow(page, 3);
    await expect.poll(() => cardTitle(frame).textContent()).toBe('Model S');
    await check('link');
    await frame.getByRole('tab', { name: 'Link' }).focus();
    await frame.getByRole('tab', { name: 'Link' }).press('ArrowRight');
    await expect.poll(() => frame.getByRole('tab', { name: 'Strategy' }).getAttribute('aria-selected')).toBe('true');
    expect(await frame.locator(':focus').textContent()).toBe('Strategy');
    await expect.poll(() => frame.locator('#view > div:not([hidden]) h2').count()).toBeGreaterThan(0);
    await check('strategy');
    await frame.getByRole('tab', { name: 'Strategy' }).press('ArrowRight');
    await expect.poll(() => frame.locator('#view > div:not([hidden]) section.card:has(select[aria-label^="Layer of"])').count()).toBe(9);
    await check('setup');
    expect(found).toEqual([]);
    expect(await frame.locator('h1').count()).toBe(1);
    expect(await frame.locator('main').count()).toBe(1);
  });
});
