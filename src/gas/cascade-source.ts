/**
 * The cascade of the open spreadsheet, for the custom functions and the menu actions: read
 * through the same port and `load` as the sidebar's calls (so from the document cache when a
 * recent snapshot is there). `fresh` forgets the cache first: an explicit action reads what
 * is there now, and leaves the cache warm for the formulas after it.
 */
import { type Loaded, load } from '../api/workbook';
import { sheetsPort } from './sheets-port';
import { forgetSnapshot } from './snapshot-cache';

export type { Loaded };

export function loadCascade({ fresh = false } = {}): Loaded {
  const port = sheetsPort();
  if (fresh) forgetSnapshot(port.cache());
  return load(port);
}
