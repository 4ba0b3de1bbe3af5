/**
 * One tolerance for everything that judges effort against targets (DESIGN §10): with a saved
 * tolerance other than the default, the flags, the Strategy call's statuses, the audit JSON,
 * the text report and a frozen plan's mix all say the same about each pillar, from the one
 * investment the cascade makes.
 */
import { describe, expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { callApi } from '../../src/api/calls';
import { load } from '../../src/api/workbook';
import { auditDocument } from '../../src/core/audit';
import { buildCascade } from '../../src/core/cascade';
import { type Investment, targetStatus } from '../../src/core/investment';
import { stateOfCascade } from '../../src/core/plan-state';
import { auditReport } from '../../src/core/report';
import { tabsOf } from '../fixtures/workbook';
import { MemoryPort } from './memory-port';

const FLAG_OF = { 'under target': 'UNDER_INVESTED', 'over target': 'OVER_INVESTED' } as Record<string, string | undefined>;

function withTolerance(tolerance: number | undefined): MemoryPort {
  const port = new MemoryPort(tabsOf(TESLA));
  if (tolerance !== undefined) port.settings = JSON.stringify({ version: 1, tabs: [], tolerance });
  return port;
}

/** The *_INVESTED codes each pillar carries in the audit JSON. */
function flagsByPillar(document: ReturnType<typeof auditDocument>): Record<string, string[]> {
  const pillars = document.items.filter((item) => item.kind === 'pillar');
  return Object.fromEntries(pillars.map((item) => [item.key, item.flags.filter((code) => code.endsWith('_INVESTED'))]));
}

/** The flag column of each pillar's row in the report's Investment table ('' when none). */
function reportFlags(report: string, keys: readonly string[]): Record<string, string> {
  const section = report.slice(report.indexOf('Investment:'));
  return Object.fromEntries(
    keys.map((key) => {
      const line = section.split('\n').find((text) => text.startsWith(`  ${key}  `))!;
      return [key, /(UNDER|OVER)_INVESTED$/.exec(line)?.[0] ?? ''];
    }),
  );
}

describe('the tolerance, as saved, is the one every view judges with', () => {
  // Tesla's pillars: P1 22% of 20%, P2 14% of 20%, P3 34% of 40%, P4 7% of 20%.
  test.each([
    [undefined, ['P4']],
    [5, ['P2', 'P3', 'P4']],
    [15, []],
  ])('tolerance %s: under target exactly %j, everywhere', (tolerance, under) => {
    const port = withTolerance(tolerance);
    const reply = callApi(port, 'strategy', undefined);
    if (!reply.ok) throw new Error(reply.error);
    const strategy = (reply.value as { investment: Investment }).investment;
    const { cascade } = load(port);
    const document = auditDocument(cascade);
    const keys = strategy.pillars.map((pillar) => pillar.key);
    expect(keys).toEqual(['P1', 'P2', 'P3', 'P4']);

    // The Strategy call's statuses, the tolerance's doing.
    expect(strategy.pillars.filter((pillar) => pillar.status === 'under target').map((pillar) => pillar.key)).toEqual(under);
    const expected = Object.fromEntries(strategy.pillars.map((pillar) => [pillar.key, FLAG_OF[pillar.status] ?? '']));
    // The flags, in the audit JSON and in the text report's table.
    expect(flagsByPillar(document)).toEqual(Object.fromEntries(keys.map((key) => [key, expected[key] ? [expected[key]] : []])));
    expect(reportFlags(auditReport(cascade, 'tesla.xlsx'), keys)).toEqual(expected);
    // The audit JSON's figures are the Strategy call's, and a frozen plan's mix judges the same.
    expect(document.investment).toEqual({
      pillars: strategy.pillars.map(({ key, title, target, actual }) => ({
        key,
        title,
        target: target === null ? null : expect.closeTo(target, 10),
        actual: expect.closeTo(actual, 10),
      })),
      antiPriorities: expect.closeTo(strategy.antiPriorities, 10),
      noPillar: expect.closeTo(strategy.noPillar, 10),
    });
    // A frozen plan's mix holds the same shares, judged by What changed with the same tolerance.
    expect(stateOfCascade(cascade, 'now').mix.map((pillar) => targetStatus(pillar.actual, pillar.target, cascade.tolerance))).toEqual(
      strategy.pillars.map((pillar) => pillar.status),
    );
  });

  test('the cascade makes its mix and investment once: every read is the same object', () => {
    const cascade = buildCascade(TESLA, { version: 1, tabs: [], tolerance: 5 });
    expect(cascade.investment()).toBe(cascade.investment());
    expect(cascade.effortMix()).toBe(cascade.effortMix());
    expect(cascade.investment().total).toBe(cascade.effortMix().total);
  });
});
