import { describe, expect, test } from 'vitest';
import { findHeaderRow } from '../../src/core/detect';
import { isLabel } from '../../src/core/header-row';

describe('a label reads like one', () => {
  test.each([
    ['Effort (wks)', true],
    ['Target Outcome / Key Results', true],
    ['Custom field (Story Points)', true],
    ['Q3 target', true],
    ['Goal 3', true],
    ['Title 2', true],
    ['April 2026', true],
    ['$5 budget', false],
    ['Reduce costs by 10%', false],
    ['Ship the new onboarding flow to every customer on the enterprise plan by June', false],
    [42, false],
    ['', false],
  ] as const)('%s: %s', (cell, label) => {
    expect(isLabel(cell)).toBe(label);
  });
});

describe('the header row', () => {
  test('a data row naming two columns is never the header', () => {
    const values = [['FY27 goals'], ['Goal 3', 'Reduce costs by 10%'], ['Goal', 'Target', 'Owner'], ['Grow revenue', '10%', 'Dana']];
    expect(findHeaderRow(values, 'goals')).toBe(3);
  });

  test('found by its shape when none of its labels is a known word', () => {
    const values = [
      ['Owner: Dana', 'Draft'],
      ['Thing', 'Who', 'When', 'Notes'],
      ['Claims app', 'Dana', new Date('2026-03-01T00:00:00Z'), 'big'],
    ];
    expect(findHeaderRow(values, 'roadmap')).toBe(2);
  });

  test('a title block, a last-updated line and a blank row above the header', () => {
    const values = [
      ['Product roadmap 2026'],
      ['Last updated', new Date('2026-03-01T00:00:00Z')],
      [],
      ['Initiative', 'Goal', 'Status'],
      ['Claims app', 'G1', 'Planned'],
    ];
    expect(findHeaderRow(values, 'roadmap')).toBe(4);
  });

  test("a timeline's date and week columns beside the labels, and units in brackets", () => {
    const week = new Date('2026-03-02T00:00:00Z');
    expect(
      findHeaderRow(
        [
          ['ID', 'Initiative', 'Goal', week, week, week],
          ['R1', 'Login', 'G1', 'x', '', ''],
        ],
        'roadmap',
      ),
    ).toBe(1);
    expect(
      findHeaderRow(
        [
          ['Initiative', 'Goal', 1, 2, 3],
          ['Login', 'G1', 'x', '', ''],
        ],
        'roadmap',
      ),
    ).toBe(1);
    expect(
      findHeaderRow(
        [
          ['Initiative', 'Confidence (0.1-1.0)', 'Cost ($1,000s)'],
          ['Login', 0.5, 3],
        ],
        'roadmap',
      ),
    ).toBe(1);
  });

  test('code-style headers count as known words', () => {
    expect(
      findHeaderRow(
        [
          ['epicName', 'storyPoints', 'goal_id'],
          ['A', 3, 'G1'],
        ],
        'roadmap',
      ),
    ).toBe(1);
  });
});
