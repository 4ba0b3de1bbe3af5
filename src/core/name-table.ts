/**
 * A table from names (normalised keys and titles) to item numbers, for the lookups every
 * link makes. A Map would do, but each link's name is a fresh string whose hash V8 has not
 * computed yet, and a Map computes it the slow way; hashing the characters here and probing
 * flat arrays pays on the bench's 100k-row plan: with a Map, building the key index took
 * about twice as long (50 ms → 100-120 ms), resolving the links about a fifth longer, and
 * the whole cascade about a tenth (measured 2026-12, one tree against the other in one process).
 */

/** FNV-1a, one UTF-16 code unit at a time, so a hash can be taken while reading text. */
export const HASH_START = 0x811c9dc5;
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** The hash of a whole name; computed once, a name can be looked up in several tables. */
export function hashName(name: string): number {
  let hash = HASH_START;
  for (let i = 0; i < name.length; i++) hash = hashStep(hash, name.charCodeAt(i));
  return hash;
}

const EMPTY = -1;

export class NameTable {
  private mask: number;
  /** Slot s holds its value at 2s and the name's hash at 2s + 1 (one cache line for both). */
  private cells: Int32Array;
  private names: string[];
  private count = 0;

  /** `expected`: how many names will be added, so the table need not grow. */
  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.cells = new Int32Array(capacity * 2).fill(EMPTY);
    this.names = new Array<string>(capacity).fill('');
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for a name, or -1; `hash` is `hashName(name)`. */
  get(name: string, hash = hashName(name)): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const value = this.cells[slot * 2]!;
      if (value === EMPTY) return EMPTY;
      if (this.cells[slot * 2 + 1] === hash && this.names[slot] === name) return value;
    }
  }

  /** Stores a value (a non-negative number) for a name; returns the value it replaces, or -1. */
  set(name: string, value: number): number {
    if (value < 0) throw new Error('NameTable holds non-negative numbers only');
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const hash = hashName(name);
    let slot = hash & this.mask;
    for (; this.cells[slot * 2] !== EMPTY; slot = (slot + 1) & this.mask) {
      if (this.cells[slot * 2 + 1] === hash && this.names[slot] === name) {
        const previous = this.cells[slot * 2]!;
        this.cells[slot * 2] = value;
        return previous;
      }
    }
    this.cells[slot * 2] = value;
    this.cells[slot * 2 + 1] = hash;
    this.names[slot] = name;
    this.count++;
    return EMPTY;
  }

  /** Every stored value, in no particular order. */
  *values(): Generator<number> {
    for (let slot = 0; slot <= this.mask; slot++) if (this.cells[slot * 2] !== EMPTY) yield this.cells[slot * 2]!;
  }

  private grow(): void {
    const { cells, names } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.cells = new Int32Array(capacity * 2).fill(EMPTY);
    this.names = new Array<string>(capacity).fill('');
    this.count = 0;
    for (let slot = 0; slot < names.length; slot++) if (cells[slot * 2] !== EMPTY) this.set(names[slot]!, cells[slot * 2]!);
  }
}
