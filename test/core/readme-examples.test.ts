/**
 * The README's PROGRESS examples are the example workbook's real answers: each table row
 * `=PROGRESS(A5, "text")` | `answer` is computed on the Goals tab as of 1 December 2026.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { buildCascade } from '../../src/core/cascade';
import { PROGRESS, runSheetFunction } from '../../src/core/functions';
import { cellText } from '../../src/core/text';

const cascade = buildCascade(TESLA, undefined, { today: '2026-12-01' });
const goals = TESLA.sheets.find((sheet) => sheet.name === 'Goals')!.values;
const examples = [...readFileSync('README.md', 'utf8').matchAll(/^\| `=PROGRESS\(A(\d+)(?:, "(\w+)")?\)` \| `([^`]*)`/gm)];

test('the README shows at least five PROGRESS answers', () => {
  expect(examples.length).toBeGreaterThanOrEqual(5);
});

test.each(examples.map((match) => [match[0].slice(2, match[0].indexOf('`', 3)), Number(match[1]), match[2], match[3]!] as const))(
  '%s',
  (_, row, mode, shown) => {
    const key = cellText(goals[row - 1]![0]);
    const answer = runSheetFunction(PROGRESS, cascade, key, mode, 'Goals');
    // The first of a number's words is the number ("0.3: a fraction...").
    const expected = /^-?\d/.test(shown) && mode === undefined ? Number(shown) : shown;
    expect(answer).toEqual(expected);
  },
);
