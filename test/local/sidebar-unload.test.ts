/**
 * Closing the page with input not sent (DESIGN: never lose a typed reason): the browser asks
 * first, through `beforeunload`, while a view holds unsent input, and not once it is sent or
 * undone. In Chromium through the local preview on a copy of the Tesla example.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { copyOfExample, rigForFile, shownView, sidebarOf } from '../fixtures/preview';

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
});
