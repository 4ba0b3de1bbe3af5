/**
 * The BUILT sidebar (dist/sidebar.html) in headless Chromium, as Sheets would run it: its
 * google.script.run is the model in fakes/script-run.ts, and behind it the built bundle
 * (dist/*.js) in a vm on the Tesla example. Nothing reaches the network. Checks what the
 * preview cannot: the Apps Script transport (arguments as an array, null for undefined,
 * no Dates, replies late and out of order) and the Link view's polling under it.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { launchChromium } from '../fixtures/browser';
import { tabsOf } from '../fixtures/workbook';
import { type AppsScript, loadAppsScript } from './apps-script';
import { type CallRecord, installScriptRun, ScriptRunModel, topLevelFunctions } from './fakes/script-run';

const ORIGIN = 'https://sidebar.ladder.test';
const ROW_CONTEXT = 'ladderRowContext';

let browser: Browser;
let html: string;
const closing: (() => Promise<void>)[] = [];

beforeAll(async () => {
  html = await readFile('dist/sidebar.html', 'utf8');
  browser = await launchChromium();
});
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});
afterAll(async () => {
  await browser?.close();
});

interface Sidebar {
  gas: AppsScript;
  model: ScriptRunModel;
  page: Page;
  /** Console errors and warnings, and uncaught page errors. */
  problems: string[];
  /** Requests for anything but the sidebar itself (all refused). */
  blocked: string[];
}

/** Opens the sidebar with the PM's cursor on Roadmap!B9 (R-8, "In-car karaoke", no goal). */
async function openSidebar(): Promise<Sidebar> {
  const gas = loadAppsScript(tabsOf(TESLA));
  gas.spreadsheet.select('Roadmap', 'B9');
  const functions = topLevelFunctions(gas.context);
  const model = new ScriptRunModel((name, args) => gas.call(name, ...args), { functions });
  const context = await browser.newContext({ viewport: { width: 300, height: 800 } });
  closing.push(() => context.close());
  const page = await context.newPage();
  const problems: string[] = [];
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/`) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    blocked.push(url);
    return route.abort();
  });
  await installScriptRun(page, model, functions);
  // A fake clock that runs on its own until a test pauses it to step through the polls.
  await page.clock.install();
  await page.goto(`${ORIGIN}/`);
  return { gas, model, page, problems, blocked };
}

/** The Link view's own calls: it asks about "the selection", so its argument is null. */
const linkCalls = (model: ScriptRunModel) => model.callsOf(ROW_CONTEXT).filter((call) => call.args?.length === 1 && call.args[0] === null);

/** Each call was asked only after the one before it was answered. */
function oneAtATime(calls: readonly CallRecord[]): boolean {
  return calls.every((call, index) => index === 0 || (calls[index - 1]!.answered !== null && call.asked > calls[index - 1]!.answered!));
}

/** The most of these calls that were in flight at the same moment. */
function mostAtOnce(calls: readonly CallRecord[]): number {
  const edges = calls.flatMap(
    (call) =>
      [
        [call.asked, 1],
        [call.answered ?? Number.POSITIVE_INFINITY, -1],
      ] as const,
  );
  let now = 0;
  let most = 0;
  for (const [, step] of [...edges].sort((x, y) => x[0] - y[0])) most = Math.max(most, (now += step));
  return most;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The view on show: the others are kept, hidden, with what the PM typed in them. */
const shown = (page: Page) => page.locator('#view > div:not([hidden])');
const cardTitle = (page: Page) => shown(page).locator('.card .title').first().textContent();
/** The flag codes the card lists under its sentences. */
const flags = (page: Page) => shown(page).locator('.card .codes').allTextContents();
const saidText = (page: Page) => shown(page).locator('.said').first().textContent();
const SAVED = 'Saved: “In-car karaoke” (R-8) now links to Reach 10% of US luxury sedan sales (2).';

async function pauseClock(page: Page) {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
}

describe('the built sidebar over google.script.run', () => {
  test('its first views load with no error text, no console error and only ok replies', async () => {
    const { page, model, problems, blocked } = await openSidebar();
    await expect.poll(() => page.getByText('Row 1 of 4').count()).toBe(1);
    await page.getByRole('tab', { name: 'Strategy' }).click();
    await expect.poll(() => shown(page).locator('section.card .title').first().textContent()).toBe('Build an expensive sports car');
    await page.getByRole('tab', { name: 'Setup' }).click();
    // A card for each of the 8 tabs.
    await expect.poll(() => shown(page).locator('section.card:has(select[aria-label^="Layer of"])').count()).toBe(8);
    await page.getByRole('tab', { name: 'Link' }).click();
    await expect.poll(() => cardTitle(page)).toBe('In-car karaoke');

    expect(await page.locator('.error, [role="alert"]').allTextContents()).toEqual([]);
    expect(await page.locator('body').textContent()).not.toMatch(/expected object|received null|not valid|undefined|NaN/i);
    expect(problems).toEqual([]);
    expect(blocked).toEqual([]);
    const names = new Set(model.calls.map((call) => call.name));
    expect([...names].sort()).toEqual(['ladderHealth', 'ladderRowContext', 'ladderSetup', 'ladderStrategy']);
    // Every call crossed google.script.run, and every server reply was { ok: true }.
    expect(
      model.calls.map((call) => [call.name, call.outcome?.ok, call.outcome?.ok && (call.outcome.value as { ok?: boolean }).ok]),
    ).toEqual(model.calls.map((call) => [call.name, true, true]));
  });

  test('links the selected row through the goal picker, and the sheet says so', async () => {
    const { page, gas, model, problems } = await openSidebar();
    await page.getByRole('tab', { name: 'Link' }).click();
    await expect.poll(() => cardTitle(page)).toBe('In-car karaoke');
    expect(await flags(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^NO_GOAL/)]));
    await page.getByLabel('Find a goal').fill('luxury');
    await page.getByRole('checkbox', { name: /Reach 10% of US luxury sedan sales/ }).check();
    await page.getByRole('button', { name: 'Save link' }).click();
    await expect.poll(() => saidText(page)).toBe(SAVED);

    expect(model.callsOf('ladderLinkRow').map((call) => call.args)).toEqual([
      [{ sheet: 'Roadmap', key: 'R-8', expectedTitle: 'In-car karaoke', expectedLink: '', goals: [{ key: '2' }] }],
    ]);
    const roadmap = gas.spreadsheet.getSheetByName('Roadmap')!;
    expect(roadmap.getRange('A9').getValue()).toBe('R-8');
    expect(roadmap.getRange('C9').getValue()).toBe('2');
    // The view reads the row again after the save and no longer calls it goal-less.
    await expect.poll(async () => (await flags(page)).some((flag) => flag.startsWith('NO_GOAL'))).toBe(false);
    expect(problems).toEqual([]);
  });

  test('the Link view asks one call at a time, and again only 3 s after each slow reply', async () => {
    const { page, model, problems } = await openSidebar();
    await expect.poll(() => page.getByText('Row 1 of 4').count()).toBe(1);
    // The Review view asks for its first row too: let that come back before holding.
    await expect.poll(() => cardTitle(page)).not.toBeNull();
    model.hold(ROW_CONTEXT);
    await page.getByRole('tab', { name: 'Link' }).click();
    await expect.poll(() => linkCalls(model).length).toBe(1);
    await pauseClock(page);

    // Ten seconds with the first reply still on its way: no second call, no pile-up.
    await page.clock.runFor(10_000);
    await pause(100);
    expect(linkCalls(model).length).toBe(1);
    expect(await page.getByRole('status').first().textContent()).toBe('Reading the selected row…');

    model.releaseAll(ROW_CONTEXT);
    await expect.poll(() => cardTitle(page)).toBe('In-car karaoke');
    // The next poll waits 3 s from the reply's arrival, not from the first call.
    await page.clock.runFor(2_900);
    await pause(100);
    expect(linkCalls(model).length).toBe(1);
    await page.clock.runFor(200);
    await expect.poll(() => linkCalls(model).length).toBe(2);

    // That poll's reply is slow too: still nothing more until it arrives.
    await page.clock.runFor(10_000);
    await pause(100);
    expect(linkCalls(model).length).toBe(2);
    model.releaseAll(ROW_CONTEXT);
    await pause(100);
    await page.clock.runFor(3_100);
    await expect.poll(() => linkCalls(model).length).toBe(3);

    expect(mostAtOnce(linkCalls(model))).toBe(1);
    expect(oneAtATime(linkCalls(model))).toBe(true);
    expect(problems).toEqual([]);
  });

  test('a reply asked before a save and arriving after it does not paint the old row back', async () => {
    const { page, model, problems } = await openSidebar();
    await page.getByRole('tab', { name: 'Link' }).click();
    await expect.poll(() => cardTitle(page)).toBe('In-car karaoke');
    expect((await flags(page)).some((flag) => flag.startsWith('NO_GOAL'))).toBe(true);

    // A poll goes out while R-8 has no goal, and its reply is held back.
    model.hold(ROW_CONTEXT);
    await pauseClock(page);
    await page.clock.runFor(3_100);
    await expect.poll(() => model.held(ROW_CONTEXT).length).toBe(1);
    await page.clock.resume();

    // The PM links R-8 meanwhile; the save's own reply comes back at once.
    await page.getByLabel('Find a goal').fill('luxury');
    await page.getByRole('checkbox', { name: /Reach 10% of US luxury sedan sales/ }).check();
    await page.getByRole('button', { name: 'Save link' }).click();
    await expect.poll(() => saidText(page)).toBe(SAVED);
    await pause(300);

    // Now the held replies arrive, newest first: the stale one comes last.
    model.unhold(ROW_CONTEXT);
    for (const held of model.held(ROW_CONTEXT).reverse()) {
      model.release(held.id);
      await pause(200);
    }
    await pause(500);
    expect((await flags(page)).some((flag) => flag.startsWith('NO_GOAL'))).toBe(false);
    expect(await saidText(page)).toBe(SAVED);
    // The stale reply was dropped and the row asked for again, still one call at a time.
    expect(mostAtOnce(linkCalls(model))).toBe(1);
    expect(oneAtATime(linkCalls(model))).toBe(true);
    expect(problems).toEqual([]);
  });
});
