/**
 * Progress in the sidebar (DESIGN §9), in Chromium through the local preview on copies of the
 * Tesla example, judged on a fixed day (2026-11-20) so the figures do not move with the
 * calendar: a bar per pillar and goal with the percent and status in words, the goals behind
 * pace at the top of Review, and the check-in form: where it writes, what it says it did, what
 * the file holds afterwards, and a refusal that keeps what was typed.
 */
import ExcelJS from 'exceljs';
import type { FrameLocator, Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cells, copyOfExample, rigForFile, seriousViolations, sha, shot, shownView, sidebarOf } from '../fixtures/preview';

const TODAY = '2026-11-20';

const rig = rigForFile();

const shown = shownView;

async function openStrategy(frame: FrameLocator) {
  await frame.getByRole('tab', { name: 'Strategy' }).click();
  await expect.poll(() => shown(frame).getByRole('progressbar').count()).toBeGreaterThan(0);
}

/** What a bar says: its value in words, its description (the server's sentence) and how full it is drawn. */
async function bar(frame: FrameLocator, name: string, nth = 0) {
  const found = shown(frame).getByRole('progressbar', { name, exact: true }).nth(nth);
  const [valueText, valueNow, describedBy, fill, track] = await Promise.all([
    found.getAttribute('aria-valuetext'),
    found.getAttribute('aria-valuenow'),
    found.getAttribute('aria-describedby'),
    found.locator('.progress-fill').boundingBox(),
    found.boundingBox(),
  ]);
  const description = await frame.locator(`[id="${describedBy}"]`).textContent();
  const words = await found.locator('xpath=..').locator('.progress-words').textContent();
  return { valueText, valueNow, description, words, drawn: Math.round((fill!.width / track!.width) * 100) };
}

/** Scrolls the sidebar so `what` starts just below its sticky tabs, for a screenshot. */
async function scrollTo(frame: FrameLocator, what: Locator) {
  await what.evaluate((element) => {
    const nav = element.ownerDocument.querySelector('nav')!.getBoundingClientRect().height;
    element.ownerDocument.scrollingElement!.scrollBy(0, element.getBoundingClientRect().top - nav - 8);
  });
  await frame.locator('body').evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

/** The goal's entry in a pillar card (the first, for a goal under several pillars). */
const goalItem = (frame: FrameLocator, title: string) =>
  shown(frame)
    .locator('ul.goals > li')
    .filter({ has: frame.locator('.goal-title', { hasText: title }) })
    .first();

describe('the Strategy one-pager shows how far each pillar and goal has come', () => {
  test('a bar per pillar and goal, with the percent and status in words, the server’s sentence as its description; no metric says so', async () => {
    const file = await copyOfExample(rig().dir, 'bars.xlsx');
    const { page } = await rig().serve(file, { today: TODAY });
    const frame = sidebarOf(page);
    await openStrategy(frame);
    // The date the figures are judged on, said once.
    expect(await shown(frame).getByText(/as of/).allTextContents()).toEqual([`Progress as of ${TODAY}.`]);
    // Pillars: the weighted average of their goals, no pace, so "in progress".
    expect(await bar(frame, 'Progress of Build an expensive sports car')).toEqual({
      valueText: '95% · in progress',
      valueNow: '95',
      description: '95%, in progress',
      words: '95% · in progress',
      drawn: 95,
    });
    expect((await bar(frame, 'Progress of Use that money to build an even more affordable car')).words).toBe('40% · in progress');
    // Goals: done, on track, off track, each in words beside the bar.
    expect(await bar(frame, 'Progress of Sell out the Roadster run')).toEqual({
      valueText: '100% · done',
      valueNow: '100',
      description: '100%: 0 → 2,450 of 2,450, done (100% of the time gone)',
      words: '100% · done',
      drawn: 100,
    });
    expect(await bar(frame, 'Progress of Deliver 500,000 Model 3s a year')).toEqual({
      valueText: '30% · off track',
      valueNow: '30',
      description: '30%: 0 → 150,000 of 500,000, off track (89% of the time gone)',
      words: '30% · off track',
      drawn: 30,
    });
    // A decrease reads the right way round.
    expect((await bar(frame, 'Progress of Cut stationary storage cost to $150 per kWh')).words).toBe('75% · on track');
    // A goal under three pillars has a bar in each card.
    expect(await shown(frame).getByRole('progressbar', { name: 'Progress of Be profitable at every rung' }).count()).toBe(3);
    expect((await bar(frame, 'Progress of Be profitable at every rung', 2)).words).toBe('87% · on track');
    // The status has its colour too, but never alone: the class only adds it.
    expect(await goalItem(frame, 'Deliver 500,000 Model 3s a year').locator('.progress').getAttribute('class')).toBe(
      'progress progress-off-track',
    );
    // No metric: no bar, the words, the reason as its tooltip, and still a way to check in.
    const superchargers = goalItem(frame, 'Superchargers on every interstate');
    expect(await superchargers.getByRole('progressbar').count()).toBe(0);
    expect(await superchargers.locator('.progress-words').textContent()).toBe('no metric');
    expect(await superchargers.locator('.progress').getAttribute('title')).toBe(
      'no metric: no target or progress cell, and no measured goal under it',
    );
    expect(await superchargers.getByRole('button', { name: 'Check in on Superchargers on every interstate' }).count()).toBe(1);
    // The pillar card still starts with its title.
    expect(await shown(frame).locator('section.card .title').first().textContent()).toBe('Build an expensive sports car');
    expect(await seriousViolations(page)).toEqual([]);
    await scrollTo(frame, shown(frame).locator('h2', { hasText: 'Pillars' }));
    await shot(page, 'strategy-progress');
  });

  test('a goal with a target but nothing measured yet says "no data"', async () => {
    const file = await copyOfExample(rig().dir, 'no-data.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    // Goal 2 loses its current value; it has no check-ins.
    book.getWorksheet('Goals')!.getCell('G3').value = null;
    await book.xlsx.writeFile(file);
    const { page } = await rig().serve(file, { today: TODAY });
    const frame = sidebarOf(page);
    await openStrategy(frame);
    const sedan = goalItem(frame, 'Reach 10% of US luxury sedan sales');
    expect(await sedan.getByRole('progressbar').count()).toBe(0);
    expect(await sedan.locator('.progress-words').textContent()).toBe('no data');
  });
});

describe('Review puts the goals behind pace first', () => {
  test('goal 4 is listed above the queue with its figures; checking in through the form appends a row and the history shows it', async () => {
    const file = await copyOfExample(rig().dir, 'at-risk.xlsx');
    const { page } = await rig().serve(file, { today: TODAY });
    const frame = sidebarOf(page);
    const atRisk = frame.getByRole('region', { name: 'Goals behind pace' });
    await expect.poll(() => atRisk.locator('li .title').allTextContents()).toEqual(['Deliver 500,000 Model 3s a year']);
    // At the top of Review: its heading comes before Health and the queue.
    expect(await shown(frame).locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Goals behind pace', 'Health', 'Rows to review']),
    );
    expect((await shown(frame).locator('h2').allTextContents())[0]).toBe('Goals behind pace');
    expect(await atRisk.locator('.progress-text').textContent()).toBe('30%: 0 → 150,000 of 500,000, off track (89% of the time gone)');
    expect(await atRisk.locator('.progress-words').textContent()).toBe('30% · off track');

    await atRisk.getByRole('button', { name: 'Check in on Deliver 500,000 Model 3s a year' }).click();
    const form = frame.getByRole('form', { name: 'Check in on Deliver 500,000 Model 3s a year' });
    // The focus goes to the value; the form says where it stands, where the row goes, and what came before.
    await expect.poll(() => frame.locator(':focus').getAttribute('aria-describedby')).toMatch(/-hint$/);
    await expect
      .poll(() => form.locator('.check-in-now').textContent())
      .toBe('Now 30%: 0 → 150,000 of 500,000, off track (89% of the time gone)');
    expect(await form.getByText(/^Adds a row to “Check-ins”/).count()).toBe(1);
    const history = form.getByRole('list', { name: 'Check-ins on Deliver 500,000 Model 3s a year' }).getByRole('listitem');
    expect(await history.allTextContents()).toEqual([
      '150,000 on 2026-11-15, confidence 30%, by Operations currentAhead of last quarter, far from the run rate',
      '120,000 on 2026-09-30, confidence 40%, by OperationsLine 2 still ramping; cell supply is the bottleneck',
    ]);
    const rowsBefore = (await cells(file, 'Check-ins')).length;
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel(/Value now/).fill('300,000');
    await form.getByLabel('Confidence %').fill('50');
    await form.getByLabel('Note').fill('Line 3 is online');
    await form.getByLabel('Checked in by').fill('Operations');
    // Typed and not sent: the tab says so.
    await expect.poll(() => frame.getByRole('tab', { name: /Review/ }).textContent()).toMatch(/not saved yet/);
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await expect
      .poll(() => form.locator('.check-in-said').textContent())
      .toBe('Checked in 300,000 on “Deliver 500,000 Model 3s a year” (row 7 of “Check-ins”). Progress now 60%, at risk.');
    // Focus on what was said, not lost with the cleared value.
    expect(await frame.locator(':focus').getAttribute('class')).toBe('check-in-said');
    await expect.poll(() => frame.getByRole('tab', { name: /Review/ }).textContent()).toBe('Review');
    expect(await form.getByLabel(/Value now/).inputValue()).toBe('');
    // Appended after the last row; the goal's own cells are untouched.
    const log = await cells(file, 'Check-ins');
    expect(log.length).toBe(rowsBefore + 1);
    expect(log[6]!.slice(1)).toEqual([4, 300000, '50%', 'Line 3 is online', 'Operations']);
    expect((log[6]![0] as Date).toISOString().slice(0, 10)).toBe(TODAY);
    expect((await cells(file, 'Goals'))[4]![6]).toBe(100000);
    // The history is read again, the new check-in first and current; the list above follows.
    await expect
      .poll(() => history.first().textContent())
      .toBe('300,000 on 2026-11-20, confidence 50%, by Operations currentLine 3 is online');
    expect(await history.count()).toBe(3);
    await expect.poll(() => atRisk.locator('.progress-words').textContent()).toBe('60% · at risk');
    await scrollTo(frame, atRisk);
    await shot(page, 'check-in');
  });
});

describe('the check-in form', () => {
  test('a value Ladder cannot read is refused in the server’s words, and what was typed stays, across views too', async () => {
    const file = await copyOfExample(rig().dir, 'refused.xlsx');
    const before = await sha(file);
    const { page } = await rig().serve(file, { today: TODAY });
    const frame = sidebarOf(page);
    await openStrategy(frame);
    await goalItem(frame, 'Be profitable at every rung').getByRole('button', { name: 'Check in on Be profitable at every rung' }).click();
    const form = frame.getByRole('form', { name: 'Check in on Be profitable at every rung' });
    await form.getByLabel(/Value now/).fill('soon');
    await form.getByLabel('Note').fill('Waiting on the Q4 numbers');
    // Enter in a one-line box sends nothing.
    await form.getByLabel(/Value now/).press('Enter');
    expect(await form.locator('.error').count()).toBe(0);
    expect(await sha(file)).toBe(before);
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('"soon" is not a value Ladder can measure: write a number (17, 1,200, 17%, $200) or done / not done.');
    expect(await form.locator('.check-in-said').textContent()).toBe('');
    expect(await form.getByLabel(/Value now/).inputValue()).toBe('soon');
    expect(await form.getByLabel('Note').inputValue()).toBe('Waiting on the Q4 numbers');
    expect(await sha(file)).toBe(before);
    // A look at Review and back: still there, and the tab says it is not saved.
    await expect.poll(() => frame.getByRole('tab', { name: /Strategy/ }).textContent()).toMatch(/not saved yet/);
    await frame.getByRole('tab', { name: /Review/ }).click();
    await frame.getByRole('tab', { name: /Strategy/ }).click();
    expect(await form.getByLabel('Note').inputValue()).toBe('Waiting on the Q4 numbers');
    // A confidence out of range is said before anything is sent.
    await form.getByLabel('Confidence %').fill('150');
    expect(await form.getByText('Confidence is a whole percent from 0 to 100, or blank.').count()).toBe(1);
    expect(await form.getByRole('button', { name: 'Save check-in' }).isDisabled()).toBe(true);
    await form.getByLabel('Confidence %').fill('');
    expect(await seriousViolations(page)).toEqual([]);
    // Cancel gives the focus back to the button that opened it.
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await frame.locator(':focus').textContent()).toBe('Check in on Be profitable at every rung');
    await expect.poll(() => frame.getByRole('tab', { name: /Strategy/ }).textContent()).toBe('Strategy');
    expect(await sha(file)).toBe(before);
  });

  test('from Strategy: a check-in moves the goal’s bar; with no check-in tab, the form says it creates one, and does', async () => {
    const file = await copyOfExample(rig().dir, 'create.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    book.removeWorksheet(book.getWorksheet('Check-ins')!.id);
    await book.xlsx.writeFile(file);
    const { page } = await rig().serve(file, { today: TODAY });
    const frame = sidebarOf(page);
    await openStrategy(frame);
    // Without its check-ins goal 3 is read from its Current cell: 11%, 40% of the way from 5% to 20%.
    expect((await bar(frame, 'Progress of Be profitable at every rung')).words).toBe('40% · off track');
    await goalItem(frame, 'Be profitable at every rung').getByRole('button', { name: 'Check in on Be profitable at every rung' }).click();
    const form = frame.getByRole('form', { name: 'Check in on Be profitable at every rung' });
    await expect.poll(() => form.getByText(/^Creates the tab “Check-ins” with its headers/).count()).toBe(1);
    expect(await form.getByText('No check-ins yet.').count()).toBe(1);
    await form.getByLabel(/Value now/).fill('17%');
    await form.getByLabel('Confidence %').fill('70');
    await form.getByLabel('Note').fill('Model 3 margins turned positive');
    await form.getByLabel('Checked in by').fill('Finance');
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await expect
      .poll(() => form.locator('.check-in-said').textContent())
      .toBe(
        'Checked in 17% on “Be profitable at every rung” (row 2 of “Check-ins”). The tab “Check-ins” was created for it. Progress now 80%, on track.',
      );
    const log = await cells(file, 'Check-ins');
    expect(log[0]).toEqual(['Date', 'Goal', 'Value', 'Confidence', 'Note', 'By']);
    expect(log[1]!.slice(1)).toEqual([3, '17%', '70%', 'Model 3 margins turned positive', 'Finance']);
    // Every bar of the goal follows (it is under three pillars), and the form now says it adds to the tab.
    await expect.poll(() => bar(frame, 'Progress of Be profitable at every rung', 2).then((found) => found.words)).toBe('80% · on track');
    await expect.poll(() => form.getByText(/^Adds a row to “Check-ins”/).count()).toBe(1);
    await expect
      .poll(() => form.getByRole('listitem').allTextContents())
      .toEqual(['17% on 2026-11-20, confidence 70%, by Finance currentModel 3 margins turned positive']);
    // "Who" stays for the next check-in; the rest is cleared, and nothing is left unsaved.
    expect(await form.getByLabel('Checked in by').inputValue()).toBe('Finance');
    await expect.poll(() => frame.getByRole('tab', { name: /Strategy/ }).textContent()).toBe('Strategy');
  });
});
