/** How the Review view names and counts what it lists: a row's id across re-reads, percents, plurals. */

/** A row by sheet and key: the same row after a re-read, wherever it moved. */
export const idOf = (row: { sheet: string; key: string }) => `${row.sheet}\u0000${row.key}`;
export const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
