/**
 * The local preview as a PM uses it, in headless Chromium: the grid and the real sidebar on
 * a copy of the example workbook, each action checked in the file on disk afterwards.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createPreviewServer } from '../../src/local/preview/server';
import { openXlsxPort } from '../../src/local/xlsx-port';
import { launchChromium } from '../fixtures/browser';
import { tempDir, writeXlsx } from '../fixtures/xlsx';
import { BASE } from '../fixtures/workbook';
import { fixture as JIRA_CLOUD } from '../fixtures/layouts/export-jira-cloud-epics-and-stories';

let browser: Browser;
let dir: string;
let cleanup: () => Promise<void>;
const servers: Server[] = [];
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
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(file: string): Promise<{ url: string; page: Page; dialogs: string[] }> {
  const port = await openXlsxPort(file);
  const server = createPreviewServer(port, pages);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(url);
  return { url, page, dialogs };
}

async function copyOfExample(name: string): Promise<string> {
  const file = join(dir, name);
  await copyFile('examples/tesla.xlsx', file);
  return file;
}

async function cells(file: string, sheet: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: unknown[][] = [];
  book.getWorksheet(sheet)!.eachRow((row, number) => {
    rows[number - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');
const sidebar = (page: Page) => page.frameLocator('iframe.sidebar');

async function shot(page: Page, name: string) {
  await mkdir('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

describe('the preview', () => {
  test('shows the tabs, the flags and the roadmap traces; serving alone changes nothing', async () => {
    const file = await copyOfExample('serve-only.xlsx');
    const before = await sha(file);
    const { page } = await serve(file);
    await page.getByRole('tab', { name: /Roadmap/ }).click();
    await expect.poll(() => page.locator('tr[data-row="7"] td.trace').textContent()).toBe('Solar roof tiles › ⚠ "G9" not found');
    expect(await page.locator('tr.flagged').count()).toBe(3);
    expect(await page.locator('tr[data-row="2"] td.impact').textContent()).toBe('735');
    await expect.poll(() => sidebar(page).getByText('Row 1 of 3').count()).toBe(1);
    await shot(page, 'review');
    expect(await sha(file)).toBe(before);
    await expect(stat(`${file}.bak`)).rejects.toThrow();
  });

  test('links an unlinked row to a goal, and the file says so', async () => {
    const file = await copyOfExample('link.xlsx');
    const { page } = await serve(file);
    await page.getByRole('tab', { name: /Roadmap/ }).click();
    await page.locator('tr[data-row="9"]').click();
    const frame = sidebar(page);
    await expect.poll(() => frame.locator('.card .title').first().textContent()).toBe('In-car karaoke');
    await frame.getByLabel('Find a goal').fill('luxury');
    await frame.getByRole('checkbox', { name: /Reach 10% of US luxury sedan sales/ }).check();
    await shot(page, 'link');
    await frame.getByRole('button', { name: 'Save link' }).click();
    await expect.poll(() => frame.getByRole('status').first().textContent()).toBe('Saved: 2');
    const roadmap = await cells(file, 'Roadmap');
    expect(roadmap[8]!.slice(0, 3)).toEqual(['R-8', 'In-car karaoke', '2']);
    expect(roadmap[1]!.slice(0, 3)).toEqual(['R-1', 'Roadster', 1]);
    expect((await cells(file, 'Not on roadmap'))[1]![0]).toBeInstanceOf(Date);
    expect((await stat(`${file}.bak`)).isFile()).toBe(true);
    await expect.poll(() => page.locator('tr[data-row="9"] td.flags').textContent()).toMatch(/^⚠ RESURFACED/);
  });

  test('walks the review queue, then declines a row with a receipt and removes it', async () => {
    const file = await copyOfExample('decline.xlsx');
    const { page } = await serve(file);
    const frame = sidebar(page);
    await expect.poll(() => frame.getByText('Row 1 of 3').count()).toBe(1);
    await frame.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => frame.getByText('Row 2 of 3').count()).toBe(1);
    expect(await frame.locator('.card .title').first().textContent()).toBe('Fleet discount programme');
    await frame.getByRole('button', { name: 'Skip' }).click();
    await frame.getByRole('button', { name: 'Skip' }).click();
    await expect.poll(() => frame.locator('.card .title').first().textContent()).toBe('Solar roof tiles');
    await frame.getByRole('button', { name: 'Decline' }).click();
    await frame.getByLabel(/Why not/).fill('No roof business before the car business works');
    await frame.getByLabel('Who asked').fill('Board');
    await frame.getByLabel("Pillar it didn't fit").selectOption('P4');
    await frame.getByLabel('Remove it').check();
    await shot(page, 'decline');
    await frame.locator('form.decline').getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => frame.getByText('Declined "Solar roof tiles".').count()).toBe(1);
    const declined = await cells(file, 'Not on roadmap');
    expect(declined).toHaveLength(4);
    expect(declined[3]!.slice(1)).toEqual(['Solar roof tiles', 'Board', 'No roof business before the car business works', 'P4']);
    // A real date, like the receipts already there.
    expect(declined[3]![0]).toBeInstanceOf(Date);
    expect(declined[2]![0]).toBeInstanceOf(Date);
    const roadmap = await cells(file, 'Roadmap');
    expect(roadmap.map((row) => row?.[0])).not.toContain('R-6');
    expect(roadmap).toHaveLength(8);
  });

  test('the strategy one-pager and the setup view', async () => {
    const file = await copyOfExample('views.xlsx');
    const { page } = await serve(file);
    const frame = sidebar(page);
    await frame.getByRole('tab', { name: 'Strategy' }).click();
    await expect.poll(() => frame.locator('section.card .title').first().textContent()).toBe('Build an expensive sports car');
    expect(await frame.locator('svg rect').count()).toBeGreaterThan(4);
    expect(await frame.getByText('No goal ·').count()).toBeGreaterThan(0);
    await shot(page, 'strategy');
    await frame.locator('figure').last().scrollIntoViewIfNeeded();
    await shot(page, 'strategy-effort');
    await frame.getByRole('tab', { name: 'Setup' }).click();
    await expect.poll(() => frame.locator('section.card').count()).toBe(7);
    await shot(page, 'setup');
    await frame.getByLabel('Layer of Backlog').selectOption('ignore');
    await frame.locator('section.card:has(> .title:text-is("Roadmap")) summary').click();
    await frame.getByLabel('Effort column of Roadmap').selectOption('Reach');
    await frame.getByRole('button', { name: 'Save setup' }).click();
    await expect.poll(() => frame.getByText('Saved. Ladder reads the tabs this way from now on.').count()).toBe(1);
    expect(JSON.parse(await readFile(`${file}.ladder.json`, 'utf8'))).toEqual({
      version: 1, tabs: [{ sheet: 'Backlog', use: 'ignore' }, { sheet: 'Roadmap', use: 'roadmap', columns: { effort: 'Reach' } }],
    });
  });

  test('setup says which tab was guessed from its columns and which columns were read as labels', async () => {
    const file = await writeXlsx(dir, 'jira.xlsx', JIRA_CLOUD.tabs as Record<string, never[][]>);
    const { page } = await serve(file);
    const frame = sidebar(page);
    await frame.getByRole('tab', { name: 'Setup' }).click();
    const card = frame.locator('section.card:has(> .title:text-is("Jira"))');
    await expect.poll(() => card.locator('.muted').first().textContent()).toBe('27 rows · guessed from its columns');
    await expect.poll(() => card.locator('.flag').first().textContent()).toMatch(/^⚠ read as tasks from its columns \("Issue Type", "Issue key", "Issue id"\)/);
    expect(await card.getByText('"Project lead" ("Nick Nestle")', { exact: false }).count()).toBe(1);
    expect(await card.locator('.flag').count()).toBe(2);
    await shot(page, 'setup-guessed');
  });

  test('markup in cells is shown as text, in the grid and in the sidebar, and runs nothing', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const file = await writeXlsx(dir, 'hostile.xlsx', {
      ...BASE,
      Roadmap: [['ID', 'Initiative', 'Goal'], ['<script>alert(2)</script>', hostile, '</script><b>x</b>']],
    });
    const { page, dialogs } = await serve(file);
    await page.getByRole('tab', { name: /Roadmap/ }).click();
    await expect.poll(() => page.locator('tr[data-row="2"] td').nth(1).textContent()).toBe(hostile);
    const frame = sidebar(page);
    await expect.poll(() => frame.locator('.card .title').first().textContent()).toBe(hostile);
    await page.locator('tr[data-row="2"]').click();
    await expect.poll(() => frame.locator('.card .muted').first().textContent()).toContain('<script>alert(2)</script>');
    expect(await page.locator('table img, table b').count()).toBe(0);
    expect(await frame.locator('img, b').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('a file that cannot be read is a clear message, not a crash', async () => {
    await expect(openXlsxPort(join(dir, 'missing.xlsx'))).rejects.toThrow(/missing\.xlsx: no such file/);
  });
});
