/** How the preview's keyboard lists move: the tab list wraps round (WAI-ARIA tabs), the rows stop at the ends, as in a spreadsheet. */

export const TAB_KEYS = { back: 'ArrowLeft', next: 'ArrowRight', wrap: true };
export const ROW_KEYS = { back: 'ArrowUp', next: 'ArrowDown', wrap: false };

/** Where a key moves from `at` in a list of `count`, or null for a key that moves nothing (or one with a modifier, left to the browser). */
export function moved(event: KeyboardEvent, at: number, count: number, keys: typeof TAB_KEYS): number | null {
  if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === 'Home') return 0;
  if (event.key === 'End') return count - 1;
  if (event.key === keys.back) return keys.wrap ? (at - 1 + count) % count : Math.max(0, at - 1);
  if (event.key === keys.next) return keys.wrap ? (at + 1) % count : Math.min(count - 1, at + 1);
  return null;
}
