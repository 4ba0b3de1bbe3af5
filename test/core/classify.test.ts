import { describe, expect, test } from 'vitest';
import { guessFromColumns, isCheckInName, isPeriodName } from '../../src/core/classify';

describe('period names', () => {
  test.each(['Q1', 'Q2 2026', 'q3-26', 'H2', 'H1 2027', 'FY27 H1', '2026 Q1', 'Q4 FY26'])('%s is a period', (name) => {
    expect(isPeriodName(name)).toBe(true);
  });
  test.each(['Sheet1', 'Quarterly notes', 'Q5', 'H3', 'Team Q3 plan', '2026', 'FY27'])(
    '%s is not (a year alone is left to the columns)',
    (name) => {
      expect(isPeriodName(name)).toBe(false);
    },
  );
});

test.each(['Check-ins', 'Goal check-ins', 'Checkins', 'Updates', 'Progress log'])('%s is a log of check-ins', (name) => {
  expect(isCheckInName(name)).toBe(true);
});

describe('a tab whose name says nothing is read by its columns', () => {
  const cases: [string, unknown[][], string | null][] = [
    [
      'a Jira export',
      [
        ['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Project key', 'Project name', 'Parent'],
        ['Claims app', 'CLM-1', 10001, 'Epic', 'CLM', 'Claims', ''],
        ['Upload photos', 'CLM-2', 10002, 'Story', 'CLM', 'Claims', 10001],
        ['Fix login', 'CLM-3', 10003, 'Bug', 'CLM', 'Claims', 10001],
      ],
      'tasks',
    ],
    [
      'objectives and key results',
      [
        ['Objective', 'Key Result', 'Owner'],
        ['Delight customers', 'NPS above 50', 'Dana'],
        ['Delight customers', 'Churn under 2%', 'Lee'],
      ],
      'goals',
    ],
    [
      'an issue list whose Project column names the project each row is in',
      [
        ['ID', 'Title', 'Project', 'Estimate'],
        ['ENG-1', 'Login page', 'Website', 3],
        ['ENG-2', 'Signup page', 'Website', 2],
        ['ENG-3', 'Pricing page', 'Website', 1],
      ],
      'tasks',
    ],
    [
      'initiatives with their goals',
      [
        ['Initiative', 'Goal', 'Effort'],
        ['Claims app', 'G1', 3],
        ['Fraud model', 'G2', 5],
      ],
      'roadmap',
    ],
    [
      'a team list',
      [
        ['Name', 'Weeks'],
        ['Dana', 12],
      ],
      null,
    ],
    [
      'a budget',
      [
        ['Cost', 'Month'],
        [10, 'Jan'],
      ],
      null,
    ],
  ];
  test.each(cases)('%s', (_, values, use) => {
    expect(guessFromColumns(values as never)?.use ?? null).toBe(use);
  });
});
