/**
 * The cascade of the open spreadsheet, for the custom functions and the menu actions: read
 * through the same port and `load` as the sidebar's calls (so from the document cache when a
 * recent snapshot is there). `fresh` forgets the cache first: an explicit action reads what
 * is there now, and leaves the cache warm for the formulas after it. An execution that has a
 * port already passes it, so that its settings are not read again.
 */
import { type Loaded, load } from '../api/workbook';
import { type SheetsPort, sheetsPort } from './sheets-port';
import { forgetSnapshot } from './snapshot-cache';

export type { Loaded };

export function loadCascade({ fresh = false, port = sheetsPort() }: { fresh?: boolean; port?: SheetsPort } = {}): Loaded {
  if (fresh) forgetSnapshot(port.cache());
  return load(port);
}
