/**
 * The settings `ladder audit` reads a workbook with: those saved beside the file
 * (FILE.xlsx.ladder.json, which the preview's Setup writes), then `--map "TAB=LAYER"` and
 * `--header "TAB=ROW"` from the command line, which win tab by tab. A flag naming a tab
 * the workbook does not have, or a layer Ladder does not know, is refused with a sentence.
 */
import { classifyTabName } from '../core/classify';
import { planTabs } from '../core/detect';
import { LAYER_CODES } from '../core/layers';
import { type LadderSettings, SETTINGS_VERSION, type TabMapping } from '../core/settings';
import type { WorkbookSnapshot } from '../core/snapshot';
import { readSettingsFile, settingsFileOf } from './settings-file';

export class SettingsError extends Error {}

/** What --map accepts: a layer's code, the special uses, or a word that names a layer ("OKRs", "backlog"). */
export const MAP_USES = [...LAYER_CODES, 'anti-priorities', 'declined', 'ignore'] as const;
type Use = TabMapping['use'];

export interface TabFlag {
  readonly tab: string;
  readonly value: string;
}

/** "TAB=VALUE", split at the last `=` (a tab's name may hold one; a layer or a row never does). */
export function splitFlag(flag: string, text: string): TabFlag {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1)
    throw new SettingsError(`${flag} takes TAB=VALUE, as in ${flag} "Sheet1=${flag === '--map' ? 'roadmap' : '4'}" (got "${text}")`);
  return { tab: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
}

function layerUseOf(value: string): Use {
  const exact = (MAP_USES as readonly string[]).find((use) => use === value.toLowerCase());
  if (exact) return exact as Use;
  const named = classifyTabName(value);
  if (named) return named.allAntiPriorities ? 'anti-priorities' : named.use;
  throw new SettingsError(`"${value}" is not a layer Ladder knows (use one of: ${MAP_USES.join(', ')})`);
}

/** The settings saved beside the workbook, or none; damaged ones are reported and not used. */
export async function savedSettings(path: string): Promise<{ settings: LadderSettings; warning: string | null }> {
  const saved = await readSettingsFile(path);
  return { settings: saved.settings, warning: saved.ok ? null : `${settingsFileOf(path)}: ${saved.error}` };
}

/** The saved settings with the command line's flags laid over them. */
export function withFlags(
  saved: LadderSettings,
  snapshot: WorkbookSnapshot,
  maps: readonly TabFlag[],
  headers: readonly TabFlag[],
): LadderSettings {
  const names = snapshot.sheets.map((sheet) => sheet.name);
  const tabs = new Map<string, TabMapping>(saved.tabs.map((tab) => [tab.sheet, tab]));
  const known = (flag: string, tab: string) => {
    if (!names.includes(tab))
      throw new SettingsError(`${flag}: the workbook has no tab "${tab}" (tabs: ${names.map((name) => `"${name}"`).join(', ')})`);
  };
  for (const { tab, value } of maps) {
    known('--map', tab);
    const use = layerUseOf(value);
    const before = tabs.get(tab);
    tabs.set(tab, before && before.use === use ? before : { sheet: tab, use });
  }
  for (const { tab, value } of headers) {
    known('--header', tab);
    const row = Number(value);
    if (!Number.isInteger(row) || row < 1 || row > 1000)
      throw new SettingsError(`--header "${tab}=${value}": the header row is a number from 1 to 1000`);
    let mapping = tabs.get(tab);
    if (!mapping) {
      // The layer the tab is read as without settings, so that the header row alone can be given.
      const plan = planTabs(snapshot.sheets, saved).plans.find((candidate) => candidate.sheet === tab);
      if (!plan)
        throw new SettingsError(
          `--header "${tab}=${value}": Ladder does not read "${tab}" as a layer; say which with --map "${tab}=LAYER"`,
        );
      mapping = { sheet: tab, use: plan.allAntiPriorities ? 'anti-priorities' : plan.use };
    }
    tabs.set(tab, { sheet: mapping.sheet, use: mapping.use, headerRow: row });
  }
  return { version: SETTINGS_VERSION, tabs: [...tabs.values()] };
}
