/**
 * `npm run bench`: how Ladder's cost grows with the size of the plan.
 * 1. The core (detection, links, every path, flags, impact) on 1k, 10k and 100k roadmap
 *    rows, with goals, pillars and one task per row in proportion: time and memory.
 *    Then progress (DESIGN §9) at 100k roadmap rows and 10k measured goals with check-ins,
 *    against the same plan unmeasured.
 * 2. `ladder audit` of a generated 60,000-row .xlsx against merely reading that file with
 *    exceljs, in the same run, as a ratio.
 *    Then a small workbook with dropdowns over whole columns, read for values (what the
 *    audit does) and in full (what exceljs does by default).
 * 3. The Apps Script bundle: its size, its cold load in a fresh context, and what one TRACE
 *    call costs in Spreadsheet reads and time, cold and with a warm cache (through the
 *    same service fakes the tests use); then Check the cascade and Freeze this plan on a
 *    10,000-row roadmap against the 6-minute limit of a menu action.
 * Times are the median and the best of several runs (the machine is shared, so the best is
 * the cost without interference); memory is the heap the finished model holds.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { TESLA } from '../examples/tesla';
import { BUDGET_BYTES } from '../scripts/build-gas.js';
import { auditDocument, auditJson } from '../src/core/audit';
import { buildCascade } from '../src/core/cascade';
import { measureProgress } from '../src/core/cascade-progress';
import { EMPTY_SETTINGS } from '../src/core/settings';
import { readWorkbookFile } from '../src/local/xlsx-read-values';
import { snapshotToWorkbook, writeSnapshotXlsx } from '../src/local/xlsx-write';
import { tabsOf } from '../test/fixtures/workbook';
import { rulesOf } from '../test/fixtures/xlsx';
import { loadAppsScript } from '../test/gas/apps-script';
import { generateWorkbook } from './generate';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

async function time<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function coreScaling(): Promise<void> {
  console.log('Core: detection, links, every path, flags and impact (buildCascade)');
  console.log('  roadmap rows   all rows   median time   best time   per 1k rows   heap held   audit JSON');
  let previous: number | null = null;
  for (const roadmap of [1_000, 10_000, 100_000]) {
    const snapshot = generateWorkbook({ roadmap, tasksPerRoadmapRow: 1 });
    const rows = snapshot.sheets.reduce((sum, sheet) => sum + sheet.values.length, 0);
    const runs = roadmap >= 100_000 ? 7 : 9;
    const times: number[] = [];
    buildCascade(snapshot); // warm the JIT
    for (let i = 0; i < runs; i++) {
      gc();
      times.push((await time(() => buildCascade(snapshot))).ms);
    }
    gc();
    const before = process.memoryUsage().heapUsed;
    const held = buildCascade(snapshot);
    gc();
    const heap = process.memoryUsage().heapUsed - before;
    const json = (await time(() => JSON.stringify(auditDocument(held)))).ms;
    const t = median(times);
    const growth = previous === null ? '' : `  (×${(t / previous).toFixed(1)} for ×10 rows)`;
    const best = Math.min(...times);
    console.log(
      `  ${String(roadmap).padStart(12)}   ${String(rows).padStart(8)}   ${ms(t).padStart(11)}   ${ms(best).padStart(9)}   ${ms((t / roadmap) * 1000).padStart(11)}   ${mb(heap).padStart(9)}   ${ms(json).padStart(10)}${growth}`,
    );
    previous = t;
  }
}

/** DESIGN §9's cost: the same plan with and without measured goals and check-ins, in the same run. */
async function progressCost(): Promise<void> {
  const today = '2026-09-30';
  const roadmap = 100_000;
  const goals = 10_000;
  console.log(`\nProgress: ${roadmap.toLocaleString('en')} roadmap rows, ${goals.toLocaleString('en')} goals (buildCascade, median of 7)`);
  const plain = generateWorkbook({ roadmap, tasksPerRoadmapRow: 0, goals });
  const measured = generateWorkbook({ roadmap, tasksPerRoadmapRow: 0, goals, metrics: true });
  const checkIns = measured.sheets.find((sheet) => sheet.name === 'Check-ins')!.values.length - 1;
  const runs = (snapshot: typeof plain) => {
    buildCascade(snapshot, undefined, { today }); // warm the JIT
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      gc();
      const start = performance.now();
      buildCascade(snapshot, undefined, { today });
      times.push(performance.now() - start);
    }
    return median(times);
  };
  const without = runs(plain);
  const withMetrics = runs(measured);
  const cascade = buildCascade(measured, undefined, { today });
  // The progress step alone, on the cascade's own parts: what §9 adds once the links are known.
  const alone: number[] = [];
  for (let i = 0; i < 7; i++) {
    gc();
    const start = performance.now();
    measureProgress(measured, EMPTY_SETTINGS, cascade, today, []);
    alone.push(performance.now() - start);
  }
  const withProgress = cascade.items.filter((item) => !Number.isNaN(cascade.progress.progress[item.index]!)).length;
  console.log(`  the whole core, goals unmeasured        ${ms(without).padStart(8)}`);
  console.log(
    `  the whole core, measured + ${checkIns.toLocaleString('en')} check-ins ${ms(withMetrics).padStart(8)}   (under 1 s: ${withMetrics < 1000 ? 'yes' : 'no'})`,
  );
  console.log(`  its progress step alone (check-ins, rules, roll-up, pace) ${ms(median(alone))}`);
  console.log(`  items with a progress: ${withProgress.toLocaleString('en')} of ${cascade.items.length.toLocaleString('en')}`);
}

async function auditVersusRead(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ladder-bench-'));
  try {
    const path = join(dir, 'plan-60k.xlsx');
    const snapshot = generateWorkbook({ roadmap: 60_000, tasksPerRoadmapRow: 0 });
    const rows = snapshot.sheets.reduce((sum, sheet) => sum + sheet.values.length, 0);
    await writeSnapshotXlsx(snapshot, path);
    console.log(`\nAudit of a generated ${rows.toLocaleString('en')}-row workbook vs reading it with exceljs`);
    const readOnly: number[] = [];
    const audit: number[] = [];
    const readFile = async (): Promise<unknown> => new ExcelJS.Workbook().xlsx.readFile(path);
    const auditFile = async (): Promise<unknown> => auditJson(buildCascade(await readWorkbookFile(path)));
    // One pair first to warm both paths up, then pairs in alternating order, so that a
    // neighbour's load on this shared machine falls on both sides of a ratio alike.
    await readFile();
    await auditFile();
    for (let i = 0; i < 6; i++) {
      const pair = i % 2 === 0 ? [readFile, auditFile] : [auditFile, readFile];
      for (const work of pair) {
        gc();
        (work === readFile ? readOnly : audit).push((await time(work)).ms);
      }
    }
    const ratios = audit.map((ms, i) => ms / readOnly[i]!).sort((a, b) => a - b);
    const read = median(readOnly);
    const full = median(audit);
    console.log(`  exceljs readFile alone          ${ms(read).padStart(9)}   (median of ${readOnly.length})`);
    console.log(`  ladder audit --json (in process) ${ms(full).padStart(8)}   (median of ${audit.length})`);
    console.log(
      `  ratio audit / read              ${(full / read).toFixed(2).padStart(9)}x  (pair by pair: ${ratios[0]!.toFixed(2)}x to ${ratios.at(-1)!.toFixed(2)}x)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Dropdowns over whole columns are common in planning sheets; read in full, each is a million cells to exceljs. */
async function wholeColumnDropdowns(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ladder-bench-'));
  try {
    const path = join(dir, 'dropdowns.xlsx');
    const book = snapshotToWorkbook(generateWorkbook({ roadmap: 1_000, tasksPerRoadmapRow: 0 }));
    const roadmap = book.getWorksheet('Roadmap')!;
    rulesOf(roadmap).dataValidations.add('C2:C1048576', { type: 'list', allowBlank: true, formulae: ['Goals!$A$2:$A$999'] });
    rulesOf(roadmap).dataValidations.add('E2:E1048576', { type: 'list', allowBlank: true, formulae: ['"S,M,L,XL"'] });
    await book.xlsx.writeFile(path);
    gc();
    const values = await time(() => readWorkbookFile(path));
    gc();
    const full = await time(() => new ExcelJS.Workbook().xlsx.readFile(path));
    console.log(`\nA 1,000-row roadmap with two dropdowns over whole columns`);
    console.log(`  read for its values (the audit)   ${ms(values.ms).padStart(9)}`);
    console.log(`  read in full (exceljs's default)  ${ms(full.ms).padStart(9)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function appsScript(): Promise<void> {
  const files = ['dist/ladder.js', 'dist/main.js'].map((file) => readFileSync(file, 'utf8'));
  const bytes = files.reduce((sum, code) => sum + Buffer.byteLength(code), 0);
  console.log(`\nApps Script bundle: ${(bytes / 1024).toFixed(1)} KB of .js (budget ${BUDGET_BYTES / 1024} KB)`);
  // Each load in a new Node process: no compile cache from an earlier load, and the bundle runs
  // in the process's own realm (a vm context's global adds a cost Apps Script does not have).
  const probe = `const { readFileSync } = require('node:fs'); const vm = require('node:vm');
const codes = ${JSON.stringify(['dist/ladder.js', 'dist/main.js'])}.map((file) => [file, readFileSync(file, 'utf8')]);
const start = performance.now();
const scripts = codes.map(([file, code]) => new vm.Script(code, { filename: file }));
const compiled = performance.now();
for (const script of scripts) script.runInThisContext();
const done = performance.now();
process.stdout.write(JSON.stringify({ compile: compiled - start, run: done - compiled }));`;
  const loads: { compile: number; run: number }[] = [];
  for (let i = 0; i < 15; i++) loads.push(JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' })));
  const total = median(loads.map((load) => load.compile + load.run));
  console.log(
    `  cold load, each in a fresh process ${total.toFixed(2)} ms (median of ${loads.length}; compile ${median(loads.map((load) => load.compile)).toFixed(2)} ms, top level ${median(loads.map((load) => load.run)).toFixed(2)} ms; target 4 ms)`,
  );
  {
    const gas = loadAppsScript(tabsOf(TESLA)).on('Roadmap');
    gas.call('TRACE', 'R-1');
    gas.log.reset();
    gas.call('TRACE', 'R-2');
    const cacheCalls = [...gas.log.counts].filter(([name]) => name.startsWith('Cache.')).reduce((sum, [, n]) => sum + n, 0);
    const propertyReads = gas.log.get('Properties.getProperty') + gas.log.get('Properties.getProperties');
    console.log(
      `  warm TRACE: ${cacheCalls} cache calls (target 3), ${propertyReads} properties read (target 1), ${gas.log.get('Range.getValues')} getValues`,
    );
  }
  for (const roadmap of [1_000, 10_000]) {
    const snapshot = generateWorkbook({ roadmap, tasksPerRoadmapRow: 1 });
    const gas = loadAppsScript(Object.fromEntries(snapshot.sheets.map((sheet) => [sheet.name, sheet.values]))).on('Roadmap');
    const cold = await time(() => gas.call('TRACE', 'R-1'));
    const coldReads = gas.log.get('Range.getValues');
    gas.log.reset();
    const warm = await time(() => gas.call('TRACE', 'R-2'));
    console.log(
      `  TRACE, ${String(roadmap).padStart(6)} roadmap rows: cold ${coldReads} getValues (one per cascade tab), ${ms(cold.ms)}; warm ${gas.log.get('Range.getValues')} getValues, ${ms(warm.ms)}`,
    );
  }
  // The Apps Script limits: 30 s for a custom function, 6 minutes for a menu action.
  const large = generateWorkbook({ roadmap: 10_000, tasksPerRoadmapRow: 0 });
  const tabs = Object.fromEntries(large.sheets.map((sheet) => [sheet.name, sheet.values]));
  const tracing = loadAppsScript(tabs).on('Roadmap');
  const keys = Array.from({ length: 5000 }, (_, i) => [`R-${i + 1}`]);
  const range = await time(() => tracing.call('TRACE', keys));
  console.log(
    `  TRACE over 5,000 rows in one call (10,000-row roadmap): ${ms(range.ms)} (limit 30 s), ${tracing.log.get('Range.getValues')} getValues`,
  );
  const checking = loadAppsScript(tabs);
  const check = await time(() => checking.call('ladderCheckCascade'));
  console.log(
    `  Check the cascade, 10,000-row roadmap: ${ms(check.ms)} (limit 6 min), ${checking.log.get('Range.setValues')} setValues, ${checking.log.get('Range.setNotes')} setNotes`,
  );
  // DESIGN §10: a 10,000-row cascade freezes within the same 6 minutes.
  const freezing = loadAppsScript(
    Object.fromEntries(
      generateWorkbook({ roadmap: 10_000, tasksPerRoadmapRow: 0, goals: 1000, metrics: true }).sheets.map((sheet) => [
        sheet.name,
        sheet.values,
      ]),
    ),
  );
  const freeze = await time(() => freezing.call('ladderFreezeThisPlan'));
  const frozen = freezing.spreadsheet.sheets.at(-1)!;
  const frozenRows = frozen.dump().length;
  console.log(
    `  Freeze this plan, 10,000-row roadmap and 1,000 measured goals: ${ms(freeze.ms)} (limit 6 min), ${freezing.log.get('Range.setValues')} setValues of ${frozenRows.toLocaleString('en')} rows into "${frozen.name}"`,
  );
}

await coreScaling();
await progressCost();
await auditVersusRead();
await wholeColumnDropdowns();
await appsScript();
