import { describe, expect, test } from 'vitest';
import { auditDocument } from '../../src/core/audit';
import { asCellText } from '../../src/core/flag-text';
import { runSheetFunction, TRACE } from '../../src/core/functions';
import { auditReport } from '../../src/core/report';
import { CELL_LIMIT, tracePath, traceWhy } from '../../src/core/trace';
import { BASE, cascadeOf, flagMessage, flagsOf, itemOf } from '../fixtures/workbook';

const FORMULA = "=cmd|' /C calc'!A0";
const HTML = '<img src=x onerror=alert(1)>';
const HUGE = 'x'.repeat(50_000);
const EMOJI = '🚀 Launch 🚀';
const RTL = 'إطلاق المنتج';

const c = cascadeOf({
  ...BASE,
  Goals: [...BASE.Goals!, ['G4', RTL, 'P1', 1], [new Date('2026-09-01T00:00:00Z'), 'Dated goal', 'P2', 1]],
  Roadmap: [
    ['ID', 'Initiative', 'Goal', 'Effort', 'Impact'],
    ['H1', FORMULA, 'G1', '#N/A', 2],
    ['H2', HTML, '#REF!', 1, '#DIV/0!'],
    ['H3', HUGE, 'y'.repeat(50_000), 1, 1],
    ['H4', EMOJI, RTL, 1, 1],
    ['H5', 'Dated link', new Date('2026-09-01T00:00:00Z'), 1, 1],
    [new Date('2026-10-01T00:00:00Z'), true, 42, 1, 1],
    ['H7', '🚀', '', 1, 1],
  ],
  'Not on roadmap': [
    ['Request', 'Reason'],
    ['🚀🚀', 'emoji only'],
    [FORMULA, 'came back'],
  ],
});

describe('hostile cell values', () => {
  test('formula-looking text is kept as plain text', () => {
    expect(c.items[itemOf(c, 'H1')]!.title).toBe(FORMULA);
    expect(tracePath(c, itemOf(c, 'H1')).startsWith(`${FORMULA} › `)).toBe(true);
    expect(flagsOf(c, 'H1')).toEqual(['RESURFACED']);
    expect(c.items[itemOf(c, 'H1')]!.effort).toBeNull();
  });

  test('a declined formula-looking request still resurfaces, by its letters', () => {
    const dc = cascadeOf({
      ...BASE,
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R1', FORMULA, 'G1'],
      ],
      'Not on roadmap': [
        ['Request', 'Reason'],
        [FORMULA, 'no'],
      ],
    });
    expect(flagsOf(dc, 'R1')).toEqual(['RESURFACED']);
  });

  test('HTML is text; error values in cells are references that match nothing', () => {
    expect(c.items[itemOf(c, 'H2')]!.title).toBe(HTML);
    expect(flagMessage(c, 'H2', 'BROKEN_LINK')).toBe('"#REF!" not found');
    expect(c.items[itemOf(c, 'H2')]!.impact).toBeNull();
  });

  test('a 50,000-character cell is cut short in every output', () => {
    const trace = tracePath(c, itemOf(c, 'H3'));
    expect(trace.length).toBeLessThan(300);
    expect(flagMessage(c, 'H3', 'BROKEN_LINK')!.length).toBeLessThan(200);
    expect(traceWhy(c, itemOf(c, 'H3')).length).toBeLessThan(CELL_LIMIT);
  });

  test('emoji and right-to-left text link and trace like any other', () => {
    expect(flagsOf(c, 'H4')).toEqual([]);
    expect(tracePath(c, itemOf(c, 'H4'))).toContain(`${EMOJI} › ${RTL} › Reduce friction`);
  });

  test('an emoji-only title does not match an emoji-only declined request', () => {
    expect(flagsOf(c, 'H7')).not.toContain('RESURFACED');
  });

  test('dates and booleans where text is expected are read as their text', () => {
    expect(flagsOf(c, 'H5')).toEqual([]);
    expect(runSheetFunction(TRACE, c, 'H5', 'keys')).toBe('H5 › 2026-09-01 › P2 › Claims settled in a day › Protect our customers');
    const dated = c.items.find((item) => item.key === '2026-10-01')!;
    expect(dated.title).toBe('TRUE');
    expect(flagsOf(c, '2026-10-01')).toContain('BROKEN_LINK');
  });

  test('the JSON audit keeps cell text exactly', () => {
    const doc = auditDocument(c);
    const titles = doc.items.map((item) => item.title);
    expect(titles).toContain(FORMULA);
    expect(titles).toContain(HTML);
    expect(titles).toContain(HUGE);
    expect(JSON.parse(JSON.stringify(doc)).items.length).toBe(doc.items.length);
  });

  test('the text report cannot be steered by terminal escapes in cells', () => {
    const escaped = cascadeOf({
      ...BASE,
      Roadmap: [
        ['ID', 'Initiative', 'Goal'],
        ['R1', '\u001b[2J\u001b]0;pwned\u0007Clear screen\u202e', ''],
      ],
    });
    const report = auditReport(escaped, 'plan.xlsx');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escapes a hostile cell would smuggle into a terminal.
    expect(report).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(report).toContain('Clear screen');
  });
});

test.each([
  ['$5', "'$5"],
  ['(5)', "'(5)"],
  ['Mar 1 2026', "'Mar 1 2026"],
  ['#N/A', "'#N/A"],
  ['#REF!', "'#REF!"],
  ['2026-09', "'2026-09"],
  ['Roadster', 'Roadster'],
  ['May the best win', 'May the best win'],
  ['#1 priority', '#1 priority'],
  ['True love', 'True love'],
])('text Sheets would parse is written with a leading apostrophe: %s', (text, written) => {
  expect(asCellText(text)).toBe(written);
});
