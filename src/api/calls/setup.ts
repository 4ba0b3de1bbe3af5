/**
 * `setup` shows which tab Ladder reads as which layer, from which header row, with which
 * columns; `saveSetup` stores the PM's corrections (validated by the config schema).
 */
import { configInput, parseConfig } from '../../core/config';
import { utf8Bytes } from '../../core/text';
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
    const notesOf = (sheet: string) => warnings.filter((warning) => warning.startsWith(`${sheet}: `)).map((warning) => warning.slice(sheet.length + 2));
    const names = snapshot.sheets.map((sheet) => sheet.name);
    return {
      tabs: snapshot.sheets.map((sheet) => {
        const plan = cascade.plans.find((candidate) => candidate.sheet === sheet.name);
        return plan
          ? {
            sheet: sheet.name, use: plan.allAntiPriorities ? 'anti-priorities' : plan.use, headerRow: plan.headerRow, source: plan.source,
            columns: Object.entries(plan.columns).map(([role, indexes]) => ({ role, headers: (indexes ?? []).map((i) => plan.headers[i] ?? '') })),
            headers: plan.headers.filter((header) => header !== ''),
            items: cascade.items.filter((item) => item.sheet === sheet.name).length,
            notes: notesOf(sheet.name),
          }
          : { sheet: sheet.name, use: 'ignore', headerRow: null, source: 'detected', columns: [], headers: [], items: 0, notes: [] };
      }),
      saved: saved.config,
      warnings: warnings.filter((warning) => !names.some((name) => warning.startsWith(`${name}: `))),
    };
  },
};

/** Apps Script keeps at most 9 KB in one document property. */
export const SETTINGS_LIMIT_BYTES = 9 * 1024;

export const saveSetup = {
  name: 'saveSetup' as const,
  input: configInput,
  run(port: WorkbookPort, config: typeof configInput['_zod']['output']) {
    const bytes = utf8Bytes(JSON.stringify(config));
    if (bytes > SETTINGS_LIMIT_BYTES) {
      throw new Refusal(`These settings are too large to keep in the spreadsheet (${(bytes / 1024).toFixed(1)} KB; at most 9 KB). Map fewer tabs or columns.`);
    }
    port.withLock(() => port.saveConfig(config));
    return { saved: config.tabs.length };
  },
};
