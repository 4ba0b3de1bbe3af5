/**
 * One reference as written in a link cell, and the share that may follow it (DESIGN §3):
 * "G1 (60%)" names G1 and gives it 60% of the item's weight. The grammar is one regular
 * expression; splitting a cell into references is resolution's job (links.ts).
 */

export interface Reference {
  readonly text: string;
  /** The share written with it ("G1 (60%)" → 0.6), or null when none was written. */
  readonly share: number | null;
}

/**
 * A reference, then a share in brackets at its end: digits, an optional fraction and `%`,
 * with spaces around each. The reference before it is not empty ("(60%)" alone is a
 * reference) and on one line (`.` stops at line breaks): "Grow\nfast (60%)" has no share.
 */
const WITH_SHARE = /^(.+?)\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\)$/;

/** "G1 (60%)" → `{ text: 'G1', share: 0.6 }`; "G1" → `{ text: 'G1', share: null }`; trimmed. */
export function parseReference(text: string): Reference {
  const trimmed = text.trim();
  const match = WITH_SHARE.exec(trimmed);
  return match ? { text: match[1]!, share: Number(match[2]) / 100 } : { text: trimmed, share: null };
}
