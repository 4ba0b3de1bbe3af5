/**
 * `setup` shows which tab Ladder reads as which layer, from which header row, with which
 * columns; `saveSetup` stores the PM's corrections (validated by the config schema).
 */

import type { Cascade } from '../../core/cascade';
import type { Role } from '../../core/columns';
import { DECLINED_ROLES } from '../../core/declined-columns';
import { findHeaderRow, planTabs } from '../../core/detect';
import { DEFAULT_TOLERANCE } from '../../core/investment';
import { LAYER_CODES } from '../../core/layers';
import { METRIC_ROLES } from '../../core/metric-columns';
import { isSnapshotTab, SNAPSHOT_HEADER_SEARCH } from '../../core/plan-snapshot';
import { type LadderSettings, settingsInput } from '../../core/settings';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { cellText, clip, utf8Bytes } from '../../core/text';
import { defineCall } from '../define-call';
import { Refusal, type WorkbookPort } from '../port';
import { noInput } from '../schemas';
import { load } from '../workbook';

/** The roles a layer tab's columns can take, in the order Setup lists them (every role, once: checked below). */
const LAYER_ROLE_ORDER = ['id', 'title', 'parent', 'group', 'why', 'kind', 'effort', 'impact', 'confidence', 'reach', 'weight'] as const;
/** Offered on a strategy tab only. */
const STRATEGY_ROLES = ['allocation'] as const;
const _everyRoleListed: Record<Role, true> = Object.fromEntries(
  [...LAYER_ROLE_ORDER, ...METRIC_ROLES, ...STRATEGY_ROLES].map((role) => [role, true]),
) as Record<(typeof LAYER_ROLE_ORDER)[number] | (typeof METRIC_ROLES)[number] | (typeof STRATEGY_ROLES)[number], true>;
void _everyRoleListed;

/** What Setup offers: each use a tab can have, and the roles of a layer's and of the declined list's columns. */
const CHOICES = {
  uses: [...LAYER_CODES, 'anti-priorities', 'declined', 'ignore'] as const,
  layerRoles: LAYER_ROLE_ORDER,
  /** Offered on a goals tab only: the columns that measure a goal. */
  metricRoles: METRIC_ROLES,
  /** Offered on a strategy tab only: a pillar's target share of effort. */
  strategyRoles: STRATEGY_ROLES,
  declinedRoles: DECLINED_ROLES,
};

export const setup = defineCall({
  name: 'setup',
  input: noInput,
  run(port) {
    const { cascade, warnings, settings } = load(port);
    // A note about one tab ("Sheet1: read as goals from its columns") is shown on that tab's card.
    const notesOf = (sheet: string) =>
      warnings.filter((warning) => warning.startsWith(`${sheet}: `)).map((warning) => warning.slice(sheet.length + 2));
    // Every tab, read or not: Apps Script reads only the tabs Ladder counts, and a tab it left
    // out is the one the PM most needs to map.
    const names = port.tabNames();
    return {
      choices: CHOICES,
      tabs: names.map((name) => {
        const plan = cascade.plans.find((candidate) => candidate.sheet === name);
        return plan
          ? {
              sheet: name,
              use: plan.allAntiPriorities ? 'anti-priorities' : plan.use,
              headerRow: plan.headerRow,
              source: plan.source,
              columns: Object.entries(plan.columns).map(([role, indexes]) => ({
                role,
                headers: (indexes ?? []).map((i) => plan.headers[i] ?? ''),
              })),
              headers: plan.headers.filter((header) => header !== ''),
              // A declined list holds requests, not items.
              items:
                plan.use === 'declined'
                  ? cascade.declined.filter((request) => request.sheet === name).length
                  : cascade.items.filter((item) => item.sheet === name).length,
              notes: notesOf(name),
            }
          : unreadTab(port, cascade, name);
      }),
      saved: settings,
      // Setup shows the tolerance as saved, or the default it falls back to (DESIGN §10).
      tolerance: { saved: settings.tolerance ?? null, default: DEFAULT_TOLERANCE },
      warnings: warnings.filter((warning) => !names.some((name) => warning.startsWith(`${name}: `))),
    };
  },
});

/**
 * A tab Ladder does not read as a layer: its card offers the labels of its likeliest header row
 * (its top rows are read for that, Apps Script having left them out), so that a PM who gives it
 * a layer can pick its columns in the same save. A frozen plan says what it is.
 */
function unreadTab(port: WorkbookPort, cascade: Cascade, name: string) {
  const top = port.readTab(name, SNAPSHOT_HEADER_SEARCH)?.values ?? [];
  const frozen = isSnapshotTab(top);
  const row = frozen ? null : findHeaderRow(top, 'roadmap');
  const headers = row === null ? [] : (top[row - 1] ?? []).map((cell) => cellText(cell).trim()).filter((label) => label !== '');
  return {
    sheet: name,
    use: 'ignore',
    headerRow: null,
    source: 'detected',
    columns: [],
    headers: [...new Set(headers)],
    items: 0,
    notes: frozen ? ['a frozen plan: What changed compares the plan with it, and Ladder never writes to it'] : checkInNote(cascade, name),
  };
}

/** A check-in log is no layer, but it is read: Setup says so on its card (mapping it to a layer, or to ignore, stops that). */
function checkInNote(cascade: Cascade, sheet: string): string[] {
  if (!cascade.checkIns.tabs.some((tab) => tab.sheet === sheet)) return [];
  let count = 0;
  for (const list of cascade.checkIns.byGoal.values()) for (const entry of list) if (entry.sheet === sheet) count++;
  return [`read as the goals' check-in log (${count} check-in${count === 1 ? '' : 's'}); choosing a layer or "ignore" stops that`];
}

/**
 * A choice Ladder would overrule as soon as it is saved (a header row with no headers on it, a
 * column that is not in the header row, a tab that is not there) is refused with the reason,
 * rather than saved and then warned about on every view until someone changes it back.
 */
function refuseOverruled(snapshot: WorkbookSnapshot, tabNames: readonly string[], config: LadderSettings): void {
  const { plans } = planTabs(snapshot.sheets, config);
  const problems: string[] = [];
  for (const mapping of config.tabs) {
    if (!tabNames.includes(mapping.sheet)) {
      problems.push(`there is no tab named "${clip(mapping.sheet, 80)}"`);
      continue;
    }
    const plan = plans.find((candidate) => candidate.sheet === mapping.sheet);
    const tab = `on "${clip(mapping.sheet, 80)}"`;
    // detect.ts words these for a saved choice that later drifted; at saving they mean the choice itself is off.
    for (const problem of plan?.problems ?? []) {
      const row = /^the saved header row (\d+) no longer holds the headers(?:; row (\d+) does)?/.exec(problem);
      if (row) problems.push(`${tab}, row ${row[1]} does not hold the column names${row[2] ? ` (row ${row[2]} does)` : ''}`);
      const column = /^the column "(.*)" saved as \w+ is no longer in the header row/.exec(problem);
      if (column) problems.push(`${tab}, the header row has no column "${clip(column[1]!, 80)}"`);
    }
  }
  if (problems.length > 0) throw new Refusal(`Nothing was saved: ${problems.join('; ')}. Change that, and save again.`);
}

/** Apps Script keeps at most 9 KB in one document property. */
export const SETTINGS_LIMIT_BYTES = 9 * 1024;

export const saveSetup = defineCall({
  name: 'saveSetup',
  input: settingsInput,
  run(port, config) {
    const bytes = utf8Bytes(JSON.stringify(config));
    if (bytes > SETTINGS_LIMIT_BYTES) {
      throw new Refusal(
        `These settings are too large to keep in the spreadsheet (${(bytes / 1024).toFixed(1)} KB; at most 9 KB). Map fewer tabs or columns.`,
      );
    }
    port.withLock(() => {
      // Read as the new settings would read it, so that a tab Ladder left out until now (and
      // Apps Script did not read) is read, and checked, as the PM maps it.
      refuseOverruled(port.read(config), port.tabNames(), config);
      port.saveSettings(config);
    });
    return { saved: config.tabs.length };
  },
});
