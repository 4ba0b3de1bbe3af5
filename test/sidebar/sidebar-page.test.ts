/**
 * The sidebar in a real browser (Debian's Chromium, driven by playwright-core), with
 * google.script.run standing in for Apps Script: what a PM sees, and cell text full of
 * markup shown as text with nothing run.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { buildCascade } from '../../src/core/cascade';
import { cascadeHealth, type Health } from '../../src/core/health';
import { cascadeOf, BASE } from '../fixtures/workbook';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const html = readFileSync('dist/sidebar.html', 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
afterAll(() => browser?.close());

/** Opens the sidebar with a google.script.run that answers ladderHealth with `reply`. */
async function open(reply: unknown): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.route('**/*', (route) => route.abort());
  // Apps Script's google.script.run, answering ladderHealth with `reply`; set before the sidebar's own script.
  const stub = `<script>window.google = { script: { run: {
    withSuccessHandler(fn) { this.success = fn; return this; },
    withFailureHandler() { return this; },
    ladderHealth() { this.success(${JSON.stringify(reply).replace(/</g, '\\u003c')}); } } } };</script>`;
  await page.setContent(html.replace('<script>', `${stub}<script>`));
  return { page, dialogs };
}

test('shows the health of the Tesla example', async () => {
  const { page } = await open({ ok: true, value: cascadeHealth(buildCascade(TESLA)) });
  await expect.poll(() => page.locator('#status').textContent()).toBe('27 rows read.');
  expect(await page.locator('#coverage').textContent()).toContain('roadmap: 6 of 8 rows reach a goal (75%), 83% of effort');
  expect(await page.locator('#counts tr').count()).toBe(6);
  expect(await page.locator('#rows li').count()).toBe(6);
  expect(await page.locator('#rows li').nth(2).textContent()).toContain('⚠ BROKEN_LINK: "G9" not found');
  // For a person to look at (test-results/ is not committed; the README's copy is in docs/).
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/sidebar-health.png', fullPage: true });
  await page.close();
});

test('markup in cells is shown as text and runs nothing', async () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const health: Health = cascadeHealth(cascadeOf({
    ...BASE,
    Roadmap: [['ID', 'Initiative', 'Goal'], ['<script>alert(2)</script>', hostile, '</script><b>bold</b>']],
  }));
  const { page, dialogs } = await open({ ok: true, value: health });
  // The three goals no work reaches, then the hostile roadmap row.
  await expect.poll(() => page.locator('#rows li').count()).toBe(4);
  const row = page.locator('#rows li').last();
  expect(await row.locator('.title').textContent()).toBe(hostile);
  expect(await row.locator('.where').textContent()).toContain('<script>alert(2)</script>');
  expect(await page.locator('#rows img, #rows script, #rows b').count()).toBe(0);
  expect(dialogs).toEqual([]);
  await page.close();
});

test('a failed read is a message', async () => {
  const { page } = await open({ ok: false, error: 'Service Spreadsheets timed out' });
  await expect.poll(() => page.locator('#status').textContent()).toBe('Ladder could not read the cascade: Service Spreadsheets timed out');
  await page.close();
});
