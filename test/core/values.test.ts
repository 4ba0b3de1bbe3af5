import { expect, test } from 'vitest';
import { cellText, normalizeKey, normalizeLoose, words } from '../../src/core/text';
import { parseConfidence, parseEffort, parseImpact, parseNumber } from '../../src/core/values';

test.each([
  [3, 3],
  ['3', 3],
  ['2.5', 2.5],
  ['3 wks', 3],
  ['1,200', 1200],
  ['XS', 1],
  ['s', 2],
  ['M', 3],
  ['l', 5],
  ['XL', 8],
  ['', null],
  ['big', null],
  [-2, null],
  [true, null],
  [new Date(0), null],
  ['#N/A', null],
  ['constructor', null],
  ['__proto__', null],
])('effort %j is %j', (cell, expected) => {
  expect(parseEffort(cell)).toBe(expected);
});

test.each([
  [5, 5],
  ['High', 3],
  ['medium', 2],
  ['Med', 2],
  ['LOW', 1],
  ['huge', null],
  ['', null],
  ['toString', null],
])('impact %j is %j', (cell, expected) => {
  expect(parseImpact(cell)).toBe(expected);
});

test.each([
  [0.8, 0.8],
  ['80%', 0.8],
  [80, 0.8],
  ['0.5', 0.5],
  [1, 1],
  ['150%', null],
  [250, null],
  ['sure', null],
])('confidence %j is %j', (cell, expected) => {
  expect(parseConfidence(cell)).toBe(expected);
});

test('numbers in text', () => {
  expect(parseNumber('12 users')).toBe(12);
  expect(parseNumber('about 12')).toBeNull();
});

test('cell text', () => {
  expect(cellText(1)).toBe('1');
  expect(cellText(-0)).toBe('0');
  expect(cellText(123456789012345)).toBe('123456789012345');
  expect(cellText(1e21)).toBe('1e+21');
  expect(cellText(0.1 + 0.2)).toBe('0.3');
  expect(cellText(true)).toBe('TRUE');
  expect(cellText(new Date('2026-08-14T00:00:00Z'))).toBe('2026-08-14');
  expect(cellText(new Date('2026-08-14T09:30:00Z'))).toBe('2026-08-14 09:30');
  expect(cellText(new Date('invalid'))).toBe('');
  expect(cellText(null)).toBe('');
  expect(cellText('  padded  ')).toBe('padded');
});

test('key and loose comparison', () => {
  expect(normalizeKey('  Cut   Time ')).toBe('cut time');
  expect(normalizeLoose('Dark-mode, please!')).toBe(normalizeLoose('dark mode please'));
  expect(normalizeLoose('Café')).toBe('cafe');
});

test('header words', () => {
  expect(words("Won't do")).toEqual(['wont', 'do']);
  expect(words('Effort (wks)')).toEqual(['effort', 'wk']);
  expect(words('Stories')).toEqual(['story']);
  expect(words('# of users')).toEqual(['#', 'of', 'user']);
});

test('UTF-8 byte counts, without TextEncoder', async () => {
  const { utf8Bytes } = await import('../../src/core/text');
  for (const text of ['', 'abc', 'café', '€', '🚀 launch', 'إطلاق', 'x'.repeat(1000)]) {
    expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length);
  }
});
