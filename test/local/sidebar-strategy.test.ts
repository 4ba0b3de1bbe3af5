/**
 * The Strategy view in headless Chromium, served by the local preview from a copy of the
 * example workbook: the mission and the vision, the effort tables (every bar listed, the
 * efforts adding up to the total), right-to-left titles in logical order, and no serious or
 * critical accessibility violations. The pages are built from the sources here, so the test
 * reads what the view is now.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { buildSidebarHtml } from '../../scripts/build-sidebar.js';
import type { Cell } from '../../src/core/snapshot';
import { createPreviewServer, type PreviewPages } from '../../src/local/preview/server';
import { openXlsxPort } from '../../src/local/xlsx-port';
import { launchChromium } from '../fixtures/browser';
import { tabsOf } from '../fixtures/workbook';
import { tempDir, writeXlsx } from '../fixtures/xlsx';

let browser: Browser;
let dir: string;
let cleanup: () => Promise<void>;
let pages: PreviewPages;
const servers: Server[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const [page, sidebar] = await Promise.all([
    buildSidebarHtml({
      entry: 'src/local/preview/page/page.tsx',
      template: 'src/local/preview/page/index.html',
      style: 'src/local/preview/page/page.css',
    }),
    buildSidebarHtml(),
  ]);
  pages = { page, sidebar };
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await cleanup();
});
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(file: string): Promise<string> {
  const server = createPreviewServer(await openXlsxPort(file), pages);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function copyOfExample(name: string): Promise<string> {
  const file = join(dir, name);
  await copyFile('examples/tesla.xlsx', file);
  return file;
}

/** The sidebar alone, 300 px wide as in Sheets, on its Strategy tab (in a context of its own, as axe asks). */
async function strategyPage(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 300, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${url}sidebar`);
  await page.getByRole('tab', { name: 'Strategy' }).click();
  await page.locator('table.mix').first().waitFor();
  return page;
}

interface Row {
  label: string;
  percent: string;
  effort: number;
}

/** A table's rows as a reader hears them: the row header's text, the percent and the effort. */
async function rowsOf(where: Page | FrameLocator, caption: string): Promise<Row[]> {
  const table = where.locator('table.mix', { has: where.locator(`caption:text-is("${caption}")`) }).first();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('td');
      return { label: row.querySelector('th bdi')!.textContent!, percent: cells[0]!.textContent!, effort: Number(cells[1]!.textContent) };
    }),
  );
}

const sumOf = (rows: Row[]) => rows.reduce((sum, row) => sum + row.effort, 0);
const percents = (rows: Row[]) => rows.reduce((sum, row) => sum + Number(row.percent.replace(/[<%]/g, '')), 0);

describe('the Strategy view', () => {
  test('shows the mission, the vision, and where all of the effort goes, 0% rows included, with a legend', async () => {
    const url = await serve(await copyOfExample('strategy.xlsx'));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    const frame = page.frameLocator('iframe.sidebar');
    await frame.getByRole('tab', { name: 'Strategy' }).click();
    const mission = frame.getByRole('region', { name: 'Mission' });
    await expect
      .poll(() => mission.locator('.statement-text').textContent())
      .toBe("Accelerate the world's transition to sustainable energy");
    expect(await frame.getByRole('region', { name: 'Vision' }).locator('.statement-text').textContent()).toBe(
      'The most compelling car company of the 21st century',
    );

    // Tesla: 41 units on 8 roadmap rows (XL = 8, L = 5, M = 3, S = 2).
    expect(await frame.getByText('41 units of roadmap effort in 8 rows').count()).toBe(1);
    // The percents shown add up to 100: 22.1, 14.3, 34.3, 7.3, 0, 4.9, 0, 17.1 rounded by largest remainder
    // (plain rounding would show 99%); the two points left over go to 4.9 and 7.3.
    const byPillar = await rowsOf(frame, 'By pillar');
    expect(byPillar.map((row) => [row.label, row.percent])).toEqual([
      ['Build an expensive sports car', '22%'],
      ['Use that money to build a more affordable car', '14%'],
      ['Use that money to build an even more affordable car', '34%'],
      ['Provide zero-emission electric power', '8%'],
      ['Licensing our drivetrain to other carmakers', '0%'],
      ['Discounted fleet sales', '5%'],
      ['Reaches a goal, but no pillar', '0%'],
      ['Reaches no goal or pillar', '17%'],
    ]);
    const byGoal = await rowsOf(frame, 'By goal');
    expect(byGoal).toHaveLength(8);
    expect(byGoal.at(-1)).toEqual({ label: 'Reaches no goal', percent: '17%', effort: 7 });
    // A screen reader names each row by its header alone: the bar adds nothing to it.
    expect(await frame.getByRole('rowheader', { name: 'Reaches no goal', exact: true }).count()).toBe(1);
    expect(
      await frame.getByRole('rowheader', { name: 'P3 Use that money to build an even more affordable car', exact: true }).count(),
    ).toBe(1);
    expect(await frame.getByRole('rowheader', { name: 'A2 Discounted fleet sales anti-priority', exact: true }).count()).toBe(1);
    expect(byGoal.find((row) => row.label === 'Superchargers on every interstate')).toEqual({
      label: 'Superchargers on every interstate',
      percent: '0%',
      effort: 0,
    });
    for (const rows of [byPillar, byGoal]) {
      // Efforts are shown to one decimal: 8 rows of rounding at most.
      expect(Math.abs(sumOf(rows) - 41)).toBeLessThanOrEqual(rows.length * 0.05);
      expect(Math.abs(percents(rows) - 100)).toBeLessThanOrEqual(rows.length * 0.5);
    }
    // Each bar is decoration beside the text, as wide as its share.
    const bar = frame.locator('table.mix').first().locator('tbody tr').nth(2).locator('.mix-track');
    expect(await bar.getAttribute('aria-hidden')).toBe('true');
    const [track, fill] = await Promise.all([bar.boundingBox(), bar.locator('.mix-bar').boundingBox()]);
    expect(fill!.width / track!.width).toBeCloseTo(14.0667 / 41, 1);
    // Keys in a muted span, titles in full.
    expect(await frame.locator('table.mix').first().locator('tbody tr').first().locator('th .mix-key').textContent()).toBe('P1');

    const legend = frame.getByRole('list', { name: 'What the bars mean' });
    expect(await legend.locator('li').allTextContents()).toEqual([
      'Pillar or goal (solid)',
      'Anti-priority: work the strategy said no to (striped)',
      'Reaches a goal, but no pillar (dashed)',
      'Reaches no goal (hatched)',
    ]);
    // The pillar and anti-priority cards stay.
    expect(await frame.locator('section.card .title').first().textContent()).toBe('Build an expensive sports car');
    expect(await frame.locator('section.card.anti').count()).toBe(2);
    await page.close();
  });

  test('has no serious or critical accessibility violations, and fits a 300 px sidebar', async () => {
    const url = await serve(await copyOfExample('strategy-axe.xlsx'));
    const page = await strategyPage(url);
    const results = await new AxeBuilder({ page }).include('#view').analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await mkdir('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/strategy.png', fullPage: true });
    await page.context().close();
  });

  test('right-to-left titles render in logical order inside <bdi>; more than 12 goals fold into "All N goals"', async () => {
    const hebrew = 'להגיע ל-10 מדינות חדשות';
    const arabic = 'الوصول إلى 10 أسواق جديدة';
    const tabs = tabsOf(TESLA);
    const extraGoals: Cell[][] = Array.from({ length: 6 }, (_, i) => [20 + i, `Regional goal ${i + 1}`, i % 2 === 0 ? 'P5' : 'P6', 1, '']);
    const file = await writeXlsx(dir, 'strategy-rtl.xlsx', {
      ...tabs,
      Strategy: [...tabs.Strategy!, ['P5', hebrew, 'Pillar', 'למה'], ['P6', arabic, 'Pillar', 'لماذا']],
      Goals: [...tabs.Goals!, ...extraGoals],
      Roadmap: [
        ...tabs.Roadmap!,
        ['R-9', 'Israel launch', 20, 4, 'Low', 0.5, 100, 'Noa', 'Planned'],
        ['R-10', 'Gulf launch', 21, 6, 'Low', 0.5, 100, 'Omar', 'Planned'],
      ],
    });
    const page = await strategyPage(await serve(file));
    const byPillar = await rowsOf(page, 'By pillar');
    expect(byPillar.find((row) => row.label === hebrew)).toEqual({ label: hebrew, percent: '8%', effort: 4 });
    expect(byPillar.find((row) => row.label === arabic)).toEqual({ label: arabic, percent: '12%', effort: 6 });
    for (const title of [hebrew, arabic]) {
      const bdi = page.locator('table.mix').first().locator('th bdi', { hasText: title });
      // The DOM keeps the logical order, and the browser lays it out right to left: the first letter is drawn rightmost.
      expect(await bdi.textContent()).toBe(title);
      const [first, last] = await bdi.evaluate((element) => {
        const text = element.firstChild!;
        const at = (offset: number) => {
          const range = document.createRange();
          range.setStart(text, offset);
          range.setEnd(text, offset + 1);
          return range.getBoundingClientRect().x;
        };
        return [at(0), at(text.textContent!.length - 1)];
      });
      expect(first).toBeGreaterThan(last);
    }
    // Top 12 goals plus "Reaches no goal"; every goal one click away.
    expect(await rowsOf(page, 'By goal')).toHaveLength(13);
    await page.locator('summary', { hasText: 'All 13 goals' }).click();
    const all = await rowsOf(page, 'All 13 goals');
    expect(all).toHaveLength(14);
    expect(Math.abs(sumOf(all) - 51)).toBeLessThanOrEqual(all.length * 0.05);
    await mkdir('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/strategy-rtl.png', fullPage: true });
    await page.context().close();
  });
});
