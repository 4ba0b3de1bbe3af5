/**
 * Closing the page with input not sent (DESIGN: never lose a typed reason): the browser asks
 * first, through `beforeunload`, while a view holds unsent input (a decline reason, goal
 * choices in Link, a check-in, Setup edits), and not once it is sent, cancelled or undone. In
 * Chromium through the local preview on copies of the Tesla example.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { cells, copyOfExample, rigForFile, shownView, sidebarOf } from '../fixtures/preview';

const rig = rigForFile();

/** Asks the page to close as a person would (running its beforeunload handlers); answers whether the browser asked first. */
async function closeAsks(page: Page): Promise<boolean> {
  let asked = false;
  const seen = new Promise<void>((resolve) => {
    page.on('dialog', (dialog) => {
      if (dialog.type() === 'beforeunload') asked = true;
      resolve();
    });
    page.on('close', () => resolve());
  });
  await page.close({ runBeforeUnload: true });
  await seen;
  // The question is answered (dismissed, by the rig) before the page takes input again.
  if (!page.isClosed()) await page.evaluate(() => true);
  return asked;
}

describe('closing the page with input not sent', () => {
  test('a typed decline reason makes the browser ask; once the form is cancelled, it closes without asking', async () => {
    const file = await copyOfExample(rig().dir, 'unload.xlsx');
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    const view = shownView(frame);
    await frame.getByRole('button', { name: 'Decline', exact: true }).click();
    // Typed key by key: a person's keystrokes are what let a page ask before it closes.
    await view.getByLabel(/Why not/).pressSequentially('Moves no goal this quarter');
    await expect.poll(() => frame.getByRole('tab', { name: /Review/ }).textContent()).toMatch(/not saved yet/);
    expect(await closeAsks(page)).toBe(true);
    // The question was dismissed: the page, and the reason typed, are still there.
    expect(page.isClosed()).toBe(false);
    expect(await view.getByLabel(/Why not/).inputValue()).toBe('Moves no goal this quarter');
    await view.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => frame.getByRole('tab', { name: /Review/ }).textContent()).not.toMatch(/not saved yet/);
    expect(await closeAsks(page)).toBe(false);
    expect(page.isClosed()).toBe(true);
  });

  test('an edited tolerance in Setup makes it ask; Undo changes takes the question away', async () => {
    const file = await copyOfExample(rig().dir, 'unload-setup.xlsx');
    const { page } = await rig().serve(file);
    const frame = sidebarOf(page);
    await frame.getByRole('tab', { name: 'Setup' }).click();
    await frame.getByLabel('Tolerance, in points').click();
    await frame.getByLabel('Tolerance, in points').pressSequentially('5');
    const setupTab = frame.getByRole('tab', { name: /Setup/ });
    await expect.poll(() => setupTab.textContent()).toMatch(/not saved yet/);
    expect(await closeAsks(page)).toBe(true);
    await frame.getByRole('button', { name: 'Undo changes' }).click();
    await expect.poll(() => setupTab.textContent()).not.toMatch(/not saved yet/);
    expect(await closeAsks(page)).toBe(false);
  });

  test('with nothing typed, the page closes without asking', async () => {
    const file = await copyOfExample(rig().dir, 'unload-none.xlsx');
    const { page } = await rig().serve(file);
    await sidebarOf(page).getByRole('tab', { name: 'Strategy' }).click();
    expect(await closeAsks(page)).toBe(false);
  });

  test('goal choices not saved in Link make it ask; once the link is saved, it closes without asking', async () => {
    const file = await copyOfExample(rig().dir, 'unload-link.xlsx');
    const { page } = await rig().serve(file);
    await page.getByRole('tab', { name: /Roadmap/ }).click();
    await page.locator('tr[data-row="3"]').click();
    const frame = sidebarOf(page);
    const linkTab = frame.getByRole('tab', { name: /Link/ });
    // Clicks in the sidebar: the person's gesture the browser needs before it may ask.
    await frame.getByLabel('Find a goal').click();
    await frame.getByLabel('Find a goal').pressSequentially('Roadster');
    await frame.getByRole('checkbox', { name: /Sell out the Roadster/ }).check();
    await frame.getByRole('button', { name: /Remove .*\(3\)/ }).click();
    await expect.poll(() => linkTab.textContent()).toMatch(/not saved yet/);
    expect(await closeAsks(page)).toBe(true);
    await frame.getByRole('button', { name: 'Save link' }).click();
    await frame.getByRole('group', { name: 'Replace the link?' }).getByRole('button', { name: 'Replace the link' }).click();
    await expect.poll(async () => (await cells(file, 'Roadmap'))[2]![2]).toBe('2 (60%), 1');
    await expect.poll(() => linkTab.textContent()).not.toMatch(/not saved yet/);
    expect(await closeAsks(page)).toBe(false);
    expect(page.isClosed()).toBe(true);
  });

  test('a check-in typed and not sent makes it ask; once it is saved, it closes without asking', async () => {
    const file = await copyOfExample(rig().dir, 'unload-check-in.xlsx');
    const { page } = await rig().serve(file, { today: '2026-11-20' });
    const frame = sidebarOf(page);
    await frame.getByRole('tab', { name: 'Strategy' }).click();
    const goal = 'Be profitable at every rung';
    await shownView(frame)
      .getByRole('button', { name: `Check in on ${goal}` })
      .first()
      .click();
    const form = frame.getByRole('form', { name: `Check in on ${goal}` });
    await form.getByLabel(/Value now/).pressSequentially('17%');
    const strategyTab = frame.getByRole('tab', { name: /Strategy/ });
    await expect.poll(() => strategyTab.textContent()).toMatch(/not saved yet/);
    expect(await closeAsks(page)).toBe(true);
    expect(await form.getByLabel(/Value now/).inputValue()).toBe('17%');
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => form.locator('.check-in-said').textContent()).toMatch(/^Checked in 17%/);
    await expect.poll(() => strategyTab.textContent()).toBe('Strategy');
    expect(await closeAsks(page)).toBe(false);
    expect(page.isClosed()).toBe(true);
  });
});
