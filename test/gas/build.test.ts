/**
 * What `npm run build` gives `clasp push`: the manifest, the bundle and the generated
 * top-level functions, within budget and within the two allowed scopes.
 */
import { readFileSync, statSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ALLOWED_SCOPES, BUDGET_BYTES } from '../../scripts/build-gas.js';

const main = readFileSync('dist/main.js', 'utf8');
const bundle = readFileSync('dist/ladder.js', 'utf8');
const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));
const clasp = JSON.parse(readFileSync('.clasp.json', 'utf8'));

test('clasp pushes dist/, which holds the manifest, the code and the sidebar', () => {
  expect(clasp.rootDir).toBe('dist');
  for (const file of ['appsscript.json', 'ladder.js', 'main.js', 'sidebar.html']) expect(statSync(`dist/${file}`).isFile()).toBe(true);
});

test('the manifest asks for exactly the two allowed scopes, on V8', () => {
  expect([...manifest.oauthScopes].sort()).toEqual([...ALLOWED_SCOPES].sort());
  expect(manifest.runtimeVersion).toBe('V8');
  expect(main).toContain('@OnlyCurrentDoc');
});

test('one top-level function per entry point; the custom functions carry @customfunction and their parameters', () => {
  const names = [...main.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]);
  expect(names).toEqual([
    'onOpen',
    'onInstall',
    'onEdit',
    'ladderOpenSidebar',
    'ladderCheckCascade',
    'ladderRefreshTraces',
    'ladderInsertTraceColumn',
    'ladderInsertImpactColumn',
    'ladderInsertProgressColumn',
    'ladderFreezeThisPlan',
    'ladderSelfTest',
    'ladderSelfTestEcho',
    'ladderSelfTestRun',
    'LADDER_SELF_TEST',
    'ladderCreateStarter',
    'ladderHealth',
    'ladderSetup',
    'ladderSaveSetup',
    'ladderRowContext',
    'ladderLinkRow',
    'ladderDeclineRow',
    'ladderStrategy',
    'ladderGoalProgress',
    'ladderCheckIn',
    'ladderFreezePlan',
    'ladderPlanChanges',
    'TRACE',
    'IMPACT',
    'PROGRESS',
  ]);
  const traceDoc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\nfunction TRACE\(ref, format, refresh\)/.exec(main)![1]!;
  expect(traceDoc).toContain('@customfunction');
  expect(traceDoc).toContain('@param ref');
  expect(traceDoc).toContain('@param [format]');
  expect(traceDoc).toContain('Example: =TRACE(A5)');
  expect(main).toMatch(/@customfunction\n \*\/\nfunction IMPACT\(ref, mode, refresh\)/);
  expect(main).toMatch(
    /@param \[mode\] "fraction" \(default\)[^\n]*\n[\s\S]*?@customfunction\n \*\/\nfunction PROGRESS\(ref, mode, refresh\)/,
  );
  // The self-test's probe is callable from a cell but not offered in autocomplete.
  expect(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\nfunction LADDER_SELF_TEST\(value\)/.exec(main)![1]).not.toContain('@customfunction');
});

test('no modules, no Node, no timers, names kept, within the budget', () => {
  for (const code of [main, bundle]) {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\b(setTimeout|setInterval|require\(|process\.|Buffer\.)/);
    expect(code).not.toMatch(/\b(openById|openByUrl|UrlFetchApp|DriveApp)\b/);
  }
  expect(bundle).toContain('function buildCascade(');
  expect(Buffer.byteLength(main) + Buffer.byteLength(bundle)).toBeLessThanOrEqual(BUDGET_BYTES);
});
