import { describe, expect, test } from 'vitest';
import { hashName } from '../../src/core/name-table';
import { looseHash, normalizeLoose } from '../../src/core/text';

describe('the loose hash of a title', () => {
  test.each([
    ['Dark mode'],
    ['  DARK-mode!! '],
    ['dark\tmode\n'],
    ['Café crème'],
    ['CAFE CREME'],
    ['🚀 Launch v2'],
    ['مرحبا بالعالم'],
    ['#REF!'],
    [''],
    ['x'.repeat(50_000)],
  ])('%j hashes like its loose form', (title) => {
    expect(looseHash(title)).toBe(hashName(normalizeLoose(title)));
  });

  test('titles that differ only in case, spaces and punctuation hash alike; others do not', () => {
    expect(looseHash('Dark mode')).toBe(looseHash('dark-MODE.'));
    expect(looseHash('Café crème')).toBe(looseHash('cafe creme'));
    expect(looseHash('Dark mode')).not.toBe(looseHash('Dark modes'));
  });
});
