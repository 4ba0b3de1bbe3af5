import { describe, expect, test } from 'vitest';
import { hashName, NameTable } from '../../src/core/name-table';

describe('NameTable', () => {
  test('finds what was stored, and -1 for anything else', () => {
    const table = new NameTable(4);
    expect(table.set('g1', 0)).toBe(-1);
    expect(table.set('growth', 7)).toBe(-1);
    expect(table.get('g1')).toBe(0);
    expect(table.get('growth')).toBe(7);
    expect(table.get('g2')).toBe(-1);
    expect(table.get('')).toBe(-1);
  });

  test('setting a name again replaces its value and returns the one before', () => {
    const table = new NameTable(2);
    table.set('r-1', 3);
    expect(table.set('r-1', 9)).toBe(3);
    expect(table.get('r-1')).toBe(9);
    expect(table.size).toBe(1);
  });

  test('grows past the size it was made for without losing a name', () => {
    const table = new NameTable(1);
    for (let i = 0; i < 5000; i++) table.set(`t-${i}`, i);
    expect(table.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(table.get(`t-${i}`)).toBe(i);
    expect([...table.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  test('names with the same hash stay apart', () => {
    // Find two different names that land in the same 32-bit hash bucket of a small table.
    const table = new NameTable(8);
    const seen = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      const name = `n${i}`;
      const bucket = hashName(name) & 15;
      const other = seen.get(bucket);
      if (other !== undefined) pair = [other, name];
      else seen.set(bucket, name);
    }
    table.set(pair[0], 1);
    table.set(pair[1], 2);
    expect(table.get(pair[0])).toBe(1);
    expect(table.get(pair[1])).toBe(2);
  });

  test('emoji, RTL text and long names are names like any other', () => {
    const table = new NameTable(4);
    const names = ['🚀 launch', 'مرحبا', 'x'.repeat(50_000)];
    names.forEach((name, i) => {
      table.set(name, i);
    });
    names.forEach((name, i) => {
      expect(table.get(name)).toBe(i);
    });
    expect(table.get('🚀 launcH')).toBe(-1);
  });

  test('refuses negative values, which would read as empty slots', () => {
    expect(() => new NameTable(1).set('a', -1)).toThrow(/non-negative/);
  });
});
