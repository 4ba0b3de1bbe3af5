/**
 * `setup` shows which tab Ladder reads as which layer, from which header row, with which
 * columns; `saveSetup` stores the PM's corrections (validated by the config schema).
 */
import { configInput, type LadderConfig, parseConfig } from '../../core/config';
import { planTabs } from '../../core/detect';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { clip, utf8Bytes } from '../../core/text';
import { Refusal, type WorkbookPort } from '../port';
import { noInput } from '../schemas';
import { load } from '../workbook';

export const setup = {
  name: 'setup' as const,
  input: noInput,
  run(port: WorkbookPort) {
    const { cascade, snapshot, warnings } = load(port);
    const saved = parseConfig(port.readConfig());
    // A note about one tab ("Sheet1: read as goals from its columns") is shown on that tab's card.
    const notesOf = (sheet: string) =>
      warnings.filter((warning) => warning.startsWith(`${sheet}: `)).map((warning) => warning.slice(sheet.length + 2));
    const names = snapshot.sheets.map((sheet) => sheet.name);
    return {
      tabs: snapshot.sheets.map((sheet) => {
        const plan = cascade.plans.find((candidate) => candidate.sheet === sheet.name);
        return plan
          ? {
              sheet: sheet.name,
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
                  ? cascade.declined.filter((request) => request.sheet === sheet.name).length
                  : cascade.items.filter((item) => item.sheet === sheet.name).length,
              notes: notesOf(sheet.name),
            }
          : { sheet: sheet.name, use: 'ignore', headerRow: null, source: 'detected', columns: [], headers: [], items: 0, notes: [] };
      }),
      saved: saved.config,
      warnings: warnings.filter((warning) => !names.some((name) => warning.startsWith(`${name}: `))),
    };
  },
};

/**
 * A choice Ladder would overrule as soon as it is saved (a header row with no headers on it, a
 * column that is not in the header row, a tab that is not there) is refused with the reason,
 * rather than saved and then warned about on every view until someone changes it back.
 */
function refuseOverruled(snapshot: WorkbookSnapshot, config: LadderConfig): void {
  const { plans } = planTabs(snapshot.sheets, config);
  const problems: string[] = [];
  for (const mapping of config.tabs) {
    if (!snapshot.sheets.some((sheet) => sheet.name === mapping.sheet)) {
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
  if (problems.length > 0)
    throw new Refusal(
      `Nothing was saved: ${problems.join('; ')}. Pick the row with the column names, or the column as the header row writes it.`,
    );
}

/** Apps Script keeps at most 9 KB in one document property. */
export const SETTINGS_LIMIT_BYTES = 9 * 1024;

export const saveSetup = {
  name: 'saveSetup' as const,
  input: configInput,
  run(port: WorkbookPort, config: (typeof configInput)['_zod']['output']) {
    const bytes = utf8Bytes(JSON.stringify(config));
    if (bytes > SETTINGS_LIMIT_BYTES) {
      throw new Refusal(
        `These settings are too large to keep in the spreadsheet (${(bytes / 1024).toFixed(1)} KB; at most 9 KB). Map fewer tabs or columns.`,
      );
    }
    port.withLock(() => {
      refuseOverruled(port.read(), config);
      port.saveConfig(config);
    });
    return { saved: config.tabs.length };
  },
};
