/**
 * The cascade of the open spreadsheet, built once per execution: from the document cache
 * when a recent snapshot is there, else from one read of each cascade tab (then cached).
 */
import { buildCascade, type Cascade } from '../core/cascade';
import type { WorkbookSnapshot } from '../core/snapshot';
import { readSettings } from './settings';
import { cachedSnapshot, storeSnapshot } from './snapshot-cache';
import { readWorkbook } from './workbook-reader';
import { withRetry } from './retry';

export interface Loaded {
  readonly cascade: Cascade;
  readonly snapshot: WorkbookSnapshot;
  /** Settings problems to show the PM (the saved mapping was unreadable, a tab is gone). */
  readonly warnings: readonly string[];
}

function documentCache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return CacheService.getDocumentCache();
  } catch {
    return null;
  }
}

/** Loads the cascade; `fresh` skips the cache (an explicit action reads what is there now). */
export function loadCascade({ fresh = false } = {}): Loaded {
  const settings = readSettings();
  const cache = documentCache();
  let snapshot = fresh ? null : cachedSnapshot(cache);
  if (!snapshot) {
    snapshot = withRetry(() => readWorkbook(SpreadsheetApp.getActiveSpreadsheet(), settings.config));
    storeSnapshot(cache, snapshot);
  }
  const cascade = buildCascade(snapshot, settings.config);
  const warnings = [...(settings.ok ? [] : [settings.error]), ...cascade.warnings];
  return { cascade, snapshot, warnings };
}
