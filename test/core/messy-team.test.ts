/**
 * The audit of a messy, real-looking team workbook (test/fixtures/messy-team.ts), read back
 * from a real .xlsx so the whole path from file to document is exercised.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AuditDocument, auditDocument } from '../../src/core/audit';
import { buildCascade } from '../../src/core/cascade';
import { readWorkbookFile } from '../../src/local/xlsx-read-values';
import { MESSY_TEAM } from '../fixtures/messy-team';
import { tempDir, writeXlsx } from '../fixtures/xlsx';

let doc: AuditDocument;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  doc = auditDocument(buildCascade(await readWorkbookFile(await writeXlsx(temp.dir, 'team.xlsx', MESSY_TEAM))));
});
afterAll(() => cleanup());

const rows = (sheet: string, row: number) => doc.items.find((item) => item.sheet === sheet && item.row === row)!;
const byTitle = (title: string) => doc.items.find((item) => item.title === title)!;

describe('a messy team workbook', () => {
  test('tabs, header rows under title rows, and ignored tabs', () => {
    expect(doc.layers).toEqual([
      { layer: 'mission', sheet: 'Mission', headerRow: 3, items: 1 },
      { layer: 'strategy', sheet: 'Strategy 2027', headerRow: 2, items: 3 },
      { layer: 'strategy', sheet: 'Anti-priorities', headerRow: 1, items: 1 },
      { layer: 'goals', sheet: 'FY27 OKRs', headerRow: 3, items: 5 },
      { layer: 'roadmap', sheet: 'Q1 Roadmap', headerRow: 2, items: 10 },
      { layer: 'tasks', sheet: 'Sprint backlog', headerRow: 1, items: 4 },
    ]);
    expect(doc.declined).toEqual([
      { sheet: "Won't do", row: 2, request: 'Dark mode!', date: '2026-08-14', reason: 'Nice to have; moves no objective' },
    ]);
    expect(doc.strategy).toEqual({ pillars: 3, antiPriorities: 1, flags: [] });
  });

  test('numeric goal ids, pillars linked by title in any case, multi-links', () => {
    expect(rows('FY27 OKRs', 4)).toMatchObject({ key: '1', parents: ['Self-serve claims'], flags: [] });
    expect(rows('FY27 OKRs', 6)).toMatchObject({ key: '3', parents: ['Trust & safety'] });
    expect(rows('FY27 OKRs', 8)).toMatchObject({ key: '5', parents: ['Self-serve claims', 'Fair, fast payouts'] });
    expect(rows('Q1 Roadmap', 3)).toMatchObject({ key: 'CLM-1', parents: ['1'], flags: [] });
    expect(rows('Q1 Roadmap', 6)).toMatchObject({ key: 'CLM-4', parents: ['3'] });
  });

  test('nesting by key in any case, and tasks by key or title', () => {
    expect(rows('Q1 Roadmap', 4).traces).toEqual([['CLM-2', 'CLM-1', '1', 'Self-serve claims', 'Make insurance claims painless']]);
    expect(byTitle('Estimate model v0').traces[0]!.slice(0, 3)).toEqual(['Estimate model v0', 'CLM-2', 'CLM-1']);
  });

  test('impact with shares and weights', () => {
    // High 3 × 0.6 × 15,000 × (70% × w2 + 30% × w1) = 45,900; XL = 8
    expect(rows('Q1 Roadmap', 5)).toMatchObject({ impact: 45900, roi: 5737.5 });
    // nested: Medium 2 × 0.5 × 8,000 × W(CLM-1) = w(goal 1) = 3 → 24,000; M = 3
    expect(rows('Q1 Roadmap', 4)).toMatchObject({ impact: 24000, roi: 8000 });
  });

  test('every flag the workbook deserves, and no others', () => {
    const flagged = Object.fromEntries(doc.items.filter((i) => i.flags.length > 0).map((i) => [`${i.sheet}!${i.row}`, i.flags]));
    expect(flagged).toEqual({
      'Strategy 2027!5': ['MISSING_WHY'],
      'FY27 OKRs!7': ['ANTI_PRIORITY'],
      'Q1 Roadmap!6': ['DUPLICATE_ID'],
      'Q1 Roadmap!7': ['ANTI_PRIORITY'],
      'Q1 Roadmap!8': ['NO_GOAL', 'NO_PARENT'],
      'Q1 Roadmap!9': ['NO_GOAL', 'CYCLE'],
      'Q1 Roadmap!10': ['NO_GOAL', 'CYCLE'],
      'Q1 Roadmap!11': ['DUPLICATE_ID'],
      'Q1 Roadmap!12': ['NO_GOAL', 'NO_PARENT', 'BROKEN_LINK', 'RESURFACED'],
      'Sprint backlog!5': ['NO_GOAL'],
    });
  });

  test('a duplicated key makes links to it ambiguous', () => {
    expect(rows('Q1 Roadmap', 6).traces).toEqual([['CLM-4', '3', 'Trust & safety', 'Make insurance claims painless']]);
  });
});
