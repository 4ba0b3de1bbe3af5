/**
 * The preview page around the grid, in headless Chromium: which tab it opens on and keeps,
 * the sticky header row, room for the Flags column beside the sidebar, the keyboard (one tab
 * stop for the grid, roving tabs), the sidebar's 'ladder-show' message, and an axe check.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createPreviewServer } from '../../src/local/preview/server';
import { openXlsxPort } from '../../src/local/xlsx-port';
import { launchChromium } from '../fixtures/browser';
import { BASE, type Tabs } from '../fixtures/workbook';
import { tempDir, writeXlsx } from '../fixtures/xlsx';

let browser: Browser;
let dir: string;
let cleanup: () => Promise<void>;
const servers: Server[] = [];
const contexts: BrowserContext[] = [];
const pages = { page: '', sidebar: '' };

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  pages.page = await readFile('build/preview.html', 'utf8');
  pages.sidebar = await readFile('dist/sidebar.html', 'utf8');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await cleanup();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  for (const server of servers.splice(0)) server.close();
});

async function serve(file: string): Promise<{ page: Page; frame: Frame; port: number }> {
  const server = createPreviewServer(await openXlsxPort(file), pages);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  // A context of its own (not browser.newPage), which axe needs to open its own page.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('[role=tabpanel] tr').first().waitFor();
  // The sidebar's first calls done, so its own first 'ladder-show' (its review's row) has come before a test acts.
  await page.waitForLoadState('networkidle');
  const frame = page.frame({ url: /\/sidebar$/ });
  if (!frame) throw new Error('the sidebar frame did not load');
  return { page, frame, port };
}

async function copyOfExample(name: string): Promise<string> {
  const file = join(dir, name);
  await copyFile('examples/tesla.xlsx', file);
  return file;
}

/** A roadmap too long for the screen, under a title row and a blank row (its header is row 3). */
function longRoadmap(rows: number): Tabs {
  return {
    ...BASE,
    Roadmap: [
      ['Q3 roadmap'],
      [''],
      ['ID', 'Initiative', 'Goal ID', 'Effort'],
      ...Array.from({ length: rows }, (_, i) => [`R${i + 1}`, `Initiative ${i + 1}`, i % 10 === 9 ? '' : 'G1', 2]),
    ],
  };
}

const selectedTab = (page: Page) => page.locator('[role=tab][aria-selected=true]').textContent();
const focusedRow = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.row ?? document.activeElement?.tagName);
const box = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!;

/** Records every 'ladder-select' the page posts to the sidebar. */
async function spyOnSelects(frame: Frame): Promise<() => Promise<unknown[]>> {
  await frame.evaluate(() => {
    const seen: unknown[] = [];
    (window as unknown as { selects: unknown[] }).selects = seen;
    window.addEventListener('message', (event) => {
      if ((event.data as { type?: string } | null)?.type === 'ladder-select') seen.push(event.data);
    });
  });
  return () => frame.evaluate(() => (window as unknown as { selects: unknown[] }).selects);
}

/** Clicks one roadmap row, then has the sidebar show another, once the sidebar has answered the click. */
async function pickThenShow(page: Page, pick: number, show: number): Promise<void> {
  await page.locator(`tr[data-row="${pick}"]`).click();
  await page.waitForLoadState('networkidle');
  await page.evaluate((row) => window.postMessage({ type: 'ladder-show', sheet: 'Roadmap', row }, location.origin), show);
  await expect.poll(() => page.locator('tr.current').getAttribute('data-row')).toBe(String(show));
}

describe('the preview grid', () => {
  test.each([
    {
      name: 'the roadmap, not an "About" tab before it',
      tabs: { About: [['About this plan'], ['Owned by the product team']], ...BASE },
      opens: 'Roadmap',
    },
    {
      name: 'the first tab Ladder reads when there is no roadmap',
      tabs: { About: [['About this plan']], Goals: BASE.Goals!, Strategy: BASE.Strategy! },
      opens: 'Goals',
    },
    { name: 'the first tab when Ladder reads none', tabs: { About: [['About this plan']], Notes: [['Anything']] }, opens: 'About' },
  ])('opens on $name', async ({ tabs, opens }) => {
    const { page } = await serve(await writeXlsx(dir, `opens-${opens}.xlsx`, tabs as Tabs));
    expect(await selectedTab(page)).toMatch(new RegExp(`^${opens}`));
    const id = await page.getByRole('tab', { selected: true }).getAttribute('id');
    expect(await page.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(id);
  });

  test('stays on the chosen tab when the grid reloads, and opens the roadmap if that tab is gone', async () => {
    const file = await writeXlsx(dir, 'reload.xlsx', BASE);
    const { page, frame } = await serve(file);
    await page.getByRole('tab', { name: /^Goals/ }).click();
    // Another program saves the file (a goal added), then the sidebar says it wrote: the grid reloads.
    await writeXlsx(dir, 'reload.xlsx', { ...BASE, Goals: [...BASE.Goals!, ['G4', 'Answer within an hour', 'P1', 1]] });
    await frame.evaluate(() => parent.postMessage({ type: 'ladder-changed' }, location.origin));
    await expect.poll(() => page.getByRole('tabpanel').getByText('Answer within an hour').count()).toBe(1);
    expect(await selectedTab(page)).toMatch(/^Goals/);
    // The tab is renamed: the grid falls back to the roadmap rather than showing nothing.
    const { Goals, ...rest } = BASE;
    await writeXlsx(dir, 'reload.xlsx', { ...rest, Objectives: Goals! });
    await frame.evaluate(() => parent.postMessage({ type: 'ladder-changed' }, location.origin));
    await expect.poll(() => page.getByRole('tab', { name: /^Objectives/ }).count()).toBe(1);
    expect(await selectedTab(page)).toMatch(/^Roadmap/);
  });

  test('the header row stays at the top while the rows scroll, and a row reached by keyboard is not hidden under it', async () => {
    const { page } = await serve(await writeXlsx(dir, 'long.xlsx', longRoadmap(80)));
    const panel = await box(page, '[role=tabpanel]');
    await page.locator('[role=tabpanel]').evaluate((element) => element.scrollTo(0, 600));
    const header = await box(page, 'tr[data-row="3"] th:text-is("Initiative")');
    expect(Math.abs(header.y - panel.y)).toBeLessThan(1);
    // The title row above the header scrolled away with the rows.
    expect((await box(page, 'tr[data-row="1"]')).y).toBeLessThan(panel.y - 500);
    // Up from the last row until the grid has to scroll up: each row lands below the header, not under it.
    await page.locator('tr[tabindex="0"]').focus();
    await page.keyboard.press('End');
    expect(await focusedRow(page)).toBe('83');
    for (let i = 0; i < 50; i++) await page.keyboard.press('ArrowUp');
    expect(await focusedRow(page)).toBe('33');
    const row = await box(page, 'tr[data-row="33"]');
    expect(row.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
  });

  test('at 1280×900 the roadmap shows its Flags column beside the sidebar without scrolling sideways', async () => {
    const { page } = await serve(await copyOfExample('flags.xlsx'));
    const flags = await box(page, 'tr.header th:text-is("Flags")');
    const sidebar = await box(page, 'iframe.sidebar');
    const panel = page.getByRole('tabpanel');
    const visibleRight = await panel.evaluate((element) => element.getBoundingClientRect().left + element.clientWidth);
    expect(flags.x).toBeGreaterThan(0);
    expect(flags.x + flags.width).toBeLessThanOrEqual(Math.min(sidebar.x, visibleRight));
    expect(await panel.evaluate((element) => element.scrollLeft)).toBe(0);
    expect(await page.locator('tr[data-row="7"] td.flags').textContent()).toContain('⚠ BROKEN_LINK: "G9" not found');
    // For the screenshot: one row picked (outlined), another the sidebar is showing (current).
    await pickThenShow(page, 2, 7);
    await mkdir('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/preview-grid.png' });
  });

  test('the grid is one tab stop; the arrow keys, Home and End move between rows, Enter and Space pick one', async () => {
    const { page, frame } = await serve(await copyOfExample('keys.xlsx'));
    const selects = await spyOnSelects(frame);
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('Tab');
    // On the row the sidebar's review shows (see below), or else the first row.
    expect(await focusedRow(page)).toBe(await page.locator('tr[tabindex="0"]').getAttribute('data-row'));
    expect(await page.locator('[role=tabpanel] [tabindex="0"]').count()).toBe(1);
    const moves: [string, string][] = [
      ['Home', '2'],
      ['ArrowDown', '3'],
      ['End', '9'],
      ['ArrowDown', '9'],
      ['Home', '2'],
      ['ArrowUp', '2'],
      ['ArrowDown', '3'],
    ];
    for (const [key, row] of moves) {
      await page.keyboard.press(key);
      expect({ key, row: await focusedRow(page) }).toEqual({ key, row });
    }
    expect(await page.locator('tr[tabindex="0"]').getAttribute('data-row')).toBe('3');
    expect(await page.locator('tr[aria-current="true"]').getAttribute('data-row')).toBe('3');
    expect(await page.locator('tr[data-row="3"]').getAttribute('class')).toContain('current');
    // Out of the grid and back: one Tab each way, back onto the row left.
    await page.keyboard.press('Tab');
    expect(await focusedRow(page)).toBe('IFRAME');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedRow(page)).toBe('3');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(selects).toEqual([{ type: 'ladder-select', sheet: 'Roadmap', row: 9 }]);
    expect(await page.locator('tr.selected').getAttribute('data-row')).toBe('9');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press(' ');
    await expect.poll(selects).toEqual([
      { type: 'ladder-select', sheet: 'Roadmap', row: 9 },
      { type: 'ladder-select', sheet: 'Roadmap', row: 8 },
    ]);
    expect(await page.locator('tr.selected').getAttribute('data-row')).toBe('8');
    // The sidebar followed: its Link view shows the row picked last.
    await expect.poll(() => frame.getByText('Fleet discount programme').filter({ visible: true }).count()).toBeGreaterThan(0);
  });

  test('the tab list is one tab stop: the arrow keys (wrapping), Home and End switch tabs', async () => {
    const { page } = await serve(await copyOfExample('tabs.xlsx'));
    await page.getByRole('tab', { selected: true }).focus();
    const focusedTab = () => page.evaluate(() => document.activeElement?.textContent);
    const moves: [string, RegExp][] = [
      ['ArrowRight', /^Backlog/],
      ['ArrowLeft', /^Roadmap/],
      ['ArrowLeft', /^Goals/],
      ['Home', /^Mission/],
      ['ArrowLeft', /^Ladder snapshot 2026-09-30/],
      ['ArrowRight', /^Mission/],
      ['End', /^Ladder snapshot 2026-09-30/],
    ];
    for (const [key, tab] of moves) {
      await page.keyboard.press(key);
      expect(await focusedTab()).toMatch(tab);
      expect(await selectedTab(page)).toMatch(tab);
      expect(await page.locator('[role=tab][tabindex="0"]').count()).toBe(1);
    }
    const selected = page.getByRole('tab', { selected: true });
    const panel = page.locator(`#${await selected.getAttribute('aria-controls')}`);
    expect(await panel.getAttribute('role')).toBe('tabpanel');
    expect(await panel.getAttribute('aria-labelledby')).toBe(await selected.getAttribute('id'));
    // The last tab is the frozen plan, shown as plain rows: its item header is a row like any other.
    expect(await panel.getByText('Impact score', { exact: true }).count()).toBe(1);
  });

  test("the sidebar's ladder-show switches the tab, marks the row current and scrolls to it, and is not sent back", async () => {
    const { page, frame } = await serve(await writeXlsx(dir, 'show.xlsx', longRoadmap(80)));
    const selects = await spyOnSelects(frame);
    await page.getByRole('tab', { name: /^Goals/ }).click();
    await frame.evaluate(() => parent.postMessage({ type: 'ladder-show', sheet: 'Roadmap', row: 70 }, location.origin));
    await expect.poll(() => selectedTab(page)).toMatch(/^Roadmap/);
    const row = page.locator('tr[data-row="70"]');
    await expect.poll(() => row.getAttribute('aria-current')).toBe('true');
    expect((await row.getAttribute('class'))!.split(' ')).toEqual(expect.arrayContaining(['current', 'item']));
    expect(await row.getAttribute('class')).not.toContain('selected');
    expect(await row.getAttribute('tabindex')).toBe('0');
    const panel = await box(page, '[role=tabpanel]');
    const shown = await row.boundingBox();
    expect(shown!.y).toBeGreaterThan(panel.y);
    expect(shown!.y + shown!.height).toBeLessThanOrEqual(panel.y + panel.height);
    // Malformed messages change nothing; the reload they are followed by shows they were all handled.
    const reloaded = page.waitForResponse(/\/api\/grid$/);
    await frame.evaluate(() => {
      for (const bad of [
        { sheet: 'Goals', row: '2' },
        { sheet: 'Goals', row: 2.5 },
        { sheet: 'Goals', row: 0 },
        { sheet: 'No such tab', row: 2 },
        { row: 2 },
      ]) {
        parent.postMessage({ type: 'ladder-show', ...bad }, location.origin);
      }
      parent.postMessage({ type: 'ladder-changed' }, location.origin);
    });
    await (await reloaded).finished();
    expect(await selectedTab(page)).toMatch(/^Roadmap/);
    expect(await page.locator('tr[aria-current="true"]').getAttribute('data-row')).toBe('70');
    expect(await selects()).toEqual([]);
    // The grid's one tab stop is that row.
    await page.getByRole('tab', { selected: true }).focus();
    await page.keyboard.press('Tab');
    expect(await focusedRow(page)).toBe('70');
    // The spy does hear a pick: Enter on it.
    await page.keyboard.press('Enter');
    await expect.poll(selects).toEqual([{ type: 'ladder-select', sheet: 'Roadmap', row: 70 }]);
  });

  test("the row the sidebar's review opens on is the grid's current row", async () => {
    const { page, frame } = await serve(await copyOfExample('review.xlsx'));
    await expect.poll(() => page.locator('tr.current').count()).toBe(1);
    const title = await page.locator('tr.current td').nth(1).textContent();
    expect(await frame.getByText(title!, { exact: true }).count()).toBeGreaterThan(0);
  });

  test('a ladder-show from another origin is ignored', async () => {
    const { page, port } = await serve(await copyOfExample('origin.xlsx'));
    // The same preview under another name is another origin: it can hold a window, not command it.
    const foreign = await page.context().newPage();
    await foreign.goto(`http://localhost:${port}/`);
    const [target] = await Promise.all([
      page.context().waitForEvent('page'),
      foreign.evaluate((url) => {
        (window as unknown as { opened: Window | null }).opened = window.open(url);
      }, `http://127.0.0.1:${port}/`),
    ]);
    await target.locator('[role=tabpanel] tr').first().waitFor();
    await target.waitForLoadState('networkidle');
    // Listening before the post (for this message, not the sidebar's), resolving a moment after the page's own listener has run.
    await target.evaluate(() => {
      (window as unknown as { heard: Promise<string> }).heard = new Promise((resolve) => {
        window.addEventListener('message', (event) => {
          if ((event.data as { test?: string } | null)?.test === 'foreign') setTimeout(() => resolve(event.origin), 50);
        });
      });
    });
    const message = { type: 'ladder-show', sheet: 'Goals', row: 3, test: 'foreign' };
    await foreign.evaluate((data) => (window as unknown as { opened: Window }).opened.postMessage(data, '*'), message);
    expect(await target.evaluate(() => (window as unknown as { heard: Promise<string> }).heard)).toBe(`http://localhost:${port}`);
    expect(await selectedTab(target)).toMatch(/^Roadmap/);
    // The same message from the page's own origin is obeyed.
    await target.evaluate((data) => window.postMessage(data, location.origin), message);
    await expect.poll(() => selectedTab(target)).toMatch(/^Goals/);
  });

  test('has a main landmark and a heading, and no serious or critical axe violations on any tab', async () => {
    const { page } = await serve(await copyOfExample('axe.xlsx'));
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ladder preview');
    expect(await page.locator('iframe').getAttribute('title')).toBe('Ladder sidebar');
    // A picked row and a current one, so their colours are checked too.
    await pickThenShow(page, 7, 8);
    const names = await page.getByRole('tab').allTextContents();
    const serious: string[] = [];
    // Each tab keeps its picked and current rows, so the roadmap is checked with both.
    for (const [at, name] of names.entries()) {
      await page.getByRole('tab').nth(at).click();
      const { violations, passes } = await new AxeBuilder({ page }).exclude('iframe').analyze();
      // Contrast was measured on this tab, not skipped (it is the check most changes here risk).
      expect(passes.map((rule) => rule.id)).toContain('color-contrast');
      for (const violation of violations) {
        const line = `${name}: ${violation.impact} ${violation.id} (${violation.nodes.length}): ${violation.help}`;
        if (violation.impact === 'serious' || violation.impact === 'critical') serious.push(line);
        else console.log(`axe, not failing: ${line}`);
      }
    }
    expect(serious).toEqual([]);
  });
});
