import { describe, expect, test } from 'vitest';
import { parseReference } from '../../src/core/reference';

describe('parsing a link cell', () => {
  test.each([
    ['G1', { text: 'G1', share: null }],
    ['  G1  ', { text: 'G1', share: null }],
    ['G1 (60%)', { text: 'G1', share: 0.6 }],
    ['G1(12.5 %)', { text: 'G1', share: 0.125 }],
    ['Grow (fast)', { text: 'Grow (fast)', share: null }],
    ['G1 (60%) (30%)', { text: 'G1 (60%)', share: 0.3 }],
    ['(60%)', { text: '(60%)', share: null }],
    ['G1\n(60%)', { text: 'G1', share: 0.6 }],
    ['Grow\nfast (60%)', { text: 'Grow\nfast (60%)', share: null }],
    ['G1 (1.%)', { text: 'G1 (1.%)', share: null }],
    ['G1 ( 7 % )', { text: 'G1', share: 0.07 }],
  ])('%j', (cell, expected) => {
    expect(parseReference(cell)).toEqual(expected);
  });

  test('shares are read as the grammar says, whatever surrounds them', () => {
    // The grammar as this test writes it, apart from parseReference's own expression: the two must agree.
    const grammar = /^(.*?)\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\)$/;
    const expected = (cell: string) => {
      const trimmed = cell.trim();
      const match = grammar.exec(trimmed);
      return match && match[1] !== '' ? { text: match[1], share: Number(match[2]) / 100 } : { text: trimmed, share: null };
    };
    const atoms = ['G1', ' ', '(', ')', '%', '7', '.', '12.5', '\n', '\u2028', '\u00a0', 'é', '(50%)', ' (30 %)', ','];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) % atoms.length;
    for (let n = 0; n < 20_000; n++) {
      let cell = '';
      for (let k = next() % 7; k >= 0; k--) cell += atoms[next()];
      expect(parseReference(cell), JSON.stringify(cell)).toEqual(expected(cell));
    }
  });
});
