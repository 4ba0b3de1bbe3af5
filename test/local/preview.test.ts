/**
 * The local preview as a PM uses it, in headless Chromium: the grid and the real sidebar on
 * a copy of the example workbook, each action checked in the file on disk afterwards.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openXlsxPort } from '../../src/local/xlsx-port';
import { fixture as JIRA_CLOUD } from '../fixtures/layouts/export-jira-cloud-epics-and-stories';
import { cells, copyOfExample as copyExample, type PreviewRig, previewRig, shot, sidebarOf } from '../fixtures/preview';
import { BASE } from '../fixtures/workbook';
import { writeXlsx } from '../fixtures/xlsx';

let rig: PreviewRig;
let dir: string;
beforeAll(async () => {
  rig = await previewRig();
  dir = rig.dir;
});
afterAll(async () => {
  await rig?.close();
});

const serve = (file: string) => rig.serve(file);
const copyOfExample = (name: string) => copyExample(dir, name);
const sha = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
const sidebar = sidebarOf;
/** A tab's card in the Setup view. */
const setupCard = (frame: FrameLocator, tab: string) =>
  frame.locator('#view > div:not([hidden]) section.card').filter({ has: frame.locator('h3', { hasText: new RegExp(`^${tab}$`) }) });

describe('the preview', () => {
  test('shows the tabs, the flags and the roadmap traces; serving alone changes nothing', async () => {
    const file = await copyOfExample('serve-only.xlsx');
    const before = await sha(file);
    const { page } = await serve(file);
    await page.getByRole('tab', { name: /Roadmap/ }).click();
    await expect.poll(() => page.locator('tr[data-row="7"] td.trace').textContent()).toBe('Solar roof tiles › ⚠ "G9" not found');
    expect(await page.locator('tr.flagged').count()).toBe(3);
    expect(await page.locator('tr[data-row="2"] td.impact').textContent()).toBe('735');
    await expect.poll(() => sidebar(page).getByText('Row 1 of 4').count()).toBe(1);
    await shot(page, 'preview-review', false);
    expect(await sha(file)).toBe(before);
    await expect(stat(`${file}.bak`)).rejects.toThrow();
  });

  test('links an unlinked row to a goal, and the file says so', async () => {
    const file = await copyOfExample('link.xlsx');
    const { page } = await serve(file);
    await page.getByRole('tab', { name: /Roadmap/ }).click();
    await page.locator('tr[data-row="9"]').click();
    const frame = sidebar(page);
    await expect.poll(() => frame.locator('#view > div:not([hidden]) .card .title').first().textContent()).toBe('In-car karaoke');
    await frame.getByLabel('Find a goal').fill('luxury');
    await frame.getByRole('checkbox', { name: /Reach 10% of US luxury sedan sales/ }).check();
    await shot(page, 'preview-link', false);
    await frame.getByRole('button', { name: 'Save link' }).click();
    await expect
      .poll(() => frame.locator('#view > div:not([hidden]) .said').first().textContent())
      .toBe('Saved: “In-car karaoke” (R-8) now links to Reach 10% of US luxury sedan sales (2).');
    const roadmap = await cells(file, 'Roadmap');
    expect(roadmap[8]!.slice(0, 3)).toEqual(['R-8', 'In-car karaoke', '2']);
    expect(roadmap[1]!.slice(0, 3)).toEqual(['R-1', 'Roadster', 1]);
    expect((await cells(file, 'Not on roadmap'))[1]![0]).toBeInstanceOf(Date);
    expect((await stat(`${file}.bak`)).isFile()).toBe(true);
    await expect.poll(() => page.locator('tr[data-row="9"] td.flags').textContent()).toMatch(/^⚠ RESURFACED/);
  });

  test('the strategy one-pager and the setup view', async () => {
    const file = await copyOfExample('views.xlsx');
    const { page } = await serve(file);
    const frame = sidebar(page);
    await frame.getByRole('tab', { name: 'Strategy' }).click();
    await expect
      .poll(() => frame.locator('#view > div:not([hidden]) section.card .title').first().textContent())
      .toBe('Build an expensive sports car');
    expect(await frame.locator('table.mix').count()).toBe(2);
    expect(await frame.locator('table.mix tbody tr').count()).toBe(16);
    expect(await frame.getByRole('rowheader', { name: 'Reaches no goal', exact: true }).count()).toBe(1);
    await shot(page, 'preview-strategy', false);
    await frame.locator('table.mix').last().scrollIntoViewIfNeeded();
    await shot(page, 'strategy-effort');
    await frame.getByRole('tab', { name: 'Setup' }).click();
    await expect.poll(() => frame.locator('#view > div:not([hidden]) section.card:has(select[aria-label^="Layer of"])').count()).toBe(9);
    await frame.getByLabel('Layer of Backlog').selectOption('ignore');
    await setupCard(frame, 'Roadmap').locator('summary').click();
    await frame.getByLabel('Effort column of Roadmap').selectOption('Reach');
    await frame.getByRole('button', { name: 'Save setup' }).click();
    await expect.poll(() => frame.getByText('“Backlog” is not read from now on.').count()).toBe(1);
    expect(await frame.getByText('“Roadmap” is read as Roadmap, headers on row 1; Effort from “Reach”.').count()).toBe(1);
    expect(JSON.parse(await readFile(`${file}.ladder.json`, 'utf8'))).toEqual({
      version: 1,
      tabs: [
        { sheet: 'Backlog', use: 'ignore' },
        { sheet: 'Roadmap', use: 'roadmap', columns: { effort: 'Reach' } },
      ],
    });
  });

  test('setup says which tab was guessed from its columns and which columns were read as labels', async () => {
    const file = await writeXlsx(dir, 'jira.xlsx', JIRA_CLOUD.tabs as Record<string, never[][]>);
    const { page } = await serve(file);
    const frame = sidebar(page);
    await frame.getByRole('tab', { name: 'Setup' }).click();
    const card = setupCard(frame, 'Jira');
    await expect.poll(() => card.locator('.muted').first().textContent()).toBe('27 rows · guessed from its columns');
    await expect
      .poll(() => card.locator('.flag').first().textContent())
      .toMatch(/^⚠ read as tasks from its columns \("Issue Type", "Issue key", "Issue id"\)/);
    expect(await card.getByText('"Project lead" ("Nick Nestle")', { exact: false }).count()).toBe(1);
    expect(await card.locator('.flag').count()).toBe(2);
    await shot(page, 'setup-guessed');
  });

  test('markup in cells is shown as text, in the grid and in the sidebar, and runs nothing', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const file = await writeXlsx(dir, 'hostile.xlsx', {
      ...BASE,
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['<script>alert(2)</script>', hostile, '</script><b>x</b>'],
      ],
    });
    const { page, dialogs } = await serve(file);
    await page.getByRole('tab', { name: /Roadmap/ }).click();
    await expect.poll(() => page.locator('tr[data-row="2"] td').nth(1).textContent()).toBe(hostile);
    const frame = sidebar(page);
    await expect.poll(() => frame.locator('#view > div:not([hidden]) .card .title').first().textContent()).toBe(hostile);
    await page.locator('tr[data-row="2"]').click();
    await expect
      .poll(() => frame.locator('#view > div:not([hidden]) .card .muted').first().textContent())
      .toContain('<script>alert(2)</script>');
    expect(await page.locator('table img, table b').count()).toBe(0);
    expect(await frame.locator('img, b').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('a file that cannot be read is a clear message, not a crash', async () => {
    await expect(openXlsxPort(join(dir, 'missing.xlsx'))).rejects.toThrow(/missing\.xlsx: no such file/);
  });
});
