/**
 * The settings `ladder audit` reads a workbook with: the mapping saved beside the file
 * (FILE.xlsx.ladder.json, which the preview's Setup writes), then `--map "TAB=LAYER"` and
 * `--header "TAB=ROW"` from the command line, which win tab by tab. A flag naming a tab
 * the workbook does not have, or a layer Ladder does not know, is refused with a sentence.
 */
import { readFile } from 'node:fs/promises';
import { classifyTabName } from '../core/classify';
import { CONFIG_VERSION, type LadderConfig, parseConfig, type TabMapping } from '../core/config';
import { planTabs } from '../core/detect';
import { LAYER_CODES } from '../core/layers';
import type { WorkbookSnapshot } from '../core/snapshot';

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

/** The saved mapping beside the workbook, or none; a damaged one is reported and not used. */
export async function savedSettings(path: string): Promise<{ config: LadderConfig; warning: string | null }> {
  let text: string;
  try {
    text = await readFile(`${path}.ladder.json`, 'utf8');
  } catch {
    return { config: { version: CONFIG_VERSION, tabs: [] }, warning: null };
  }
  const parsed = parseConfig(text);
  return { config: parsed.config, warning: parsed.ok ? null : `${path}.ladder.json: ${parsed.error}` };
}

/** The saved mapping with the command line's flags laid over it. */
export function withFlags(
  saved: LadderConfig,
  snapshot: WorkbookSnapshot,
  maps: readonly TabFlag[],
  headers: readonly TabFlag[],
): LadderConfig {
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
  return { version: CONFIG_VERSION, tabs: [...tabs.values()] };
}
