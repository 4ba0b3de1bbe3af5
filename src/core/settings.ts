/**
 * Ladder's settings: the PM's choice of how tabs are read, one mapping per tab (a layer, the
 * declined list or `ignore`; a header row; columns by their header), saved by Setup in the
 * document's properties or beside the file (FILE.ladder.json). They win over detection.
 * Parsed with zod once, here; damaged or old settings are reported and detection is used
 * instead, never a crash.
 */
import * as z from 'zod/mini';
import { ROLES } from './columns';
import { DECLINED_ROLES } from './declined-columns';
import { issuesText } from './input-issues';
import { LAYER_CODES } from './layers';
import { madeOnUse } from './once';

/** Stored with the settings: spreadsheets and files saved by earlier builds keep working. */
export const SETTINGS_VERSION = 1;

/** Settings read back are taken leniently (a newer version's extra keys are dropped); settings sent to be saved are strict. */
const tabMappingSchema = (strict = false) =>
  (strict ? z.strictObject : z.object)({
    sheet: z.string().check(z.minLength(1), z.maxLength(200)),
    /** A layer, the declined list, or `ignore` to leave a tab out of the cascade. */
    use: z.enum([...LAYER_CODES, 'anti-priorities', 'declined', 'ignore']),
    /** 1-based header row; detected when absent. */
    headerRow: z.optional(z.int().check(z.gte(1), z.lte(1000))),
    /** Role → header text of the column (headers survive inserted columns, letters don't). */
    columns: z.optional(z.partialRecord(z.enum([...new Set([...ROLES, ...DECLINED_ROLES])]), z.string().check(z.maxLength(200)))),
  });

/** Built when settings are first read or saved, not when the bundle loads (see once.ts). */
const settingsSchema = (strict: boolean) =>
  (strict ? z.strictObject : z.object)({
    version: z.literal(SETTINGS_VERSION),
    tabs: z.array(tabMappingSchema(strict)).check(z.maxLength(200)),
    /** Points a pillar's share of effort may be off its target before it is flagged (DESIGN §10); 10 when absent. */
    tolerance: z.optional(z.number().check(z.gte(0), z.lte(100))),
  });

const savedSettings = madeOnUse(() => settingsSchema(false));

/** What Setup may send to be saved: an unknown key is refused, not dropped in silence. */
export const settingsInput = madeOnUse(() => settingsSchema(true));

export type LadderSettings = z.infer<typeof savedSettings>;
/** One tab's entry in the settings. */
export type TabMapping = z.infer<ReturnType<typeof tabMappingSchema>>;

export const EMPTY_SETTINGS: LadderSettings = { version: SETTINGS_VERSION, tabs: [] };

export type SettingsResult = { ok: true; settings: LadderSettings } | { ok: false; settings: LadderSettings; error: string };

/** Reads saved settings (JSON text or an object); on any problem, says why and falls back to detection. */
export function parseSettings(input: unknown): SettingsResult {
  if (input === null || input === undefined || input === '') return { ok: true, settings: EMPTY_SETTINGS };
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return {
        ok: false,
        settings: EMPTY_SETTINGS,
        error: 'The saved Ladder settings are not readable (damaged JSON); tabs are detected instead.',
      };
    }
  }
  const parsed = savedSettings.safeParse(value);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  const why =
    version !== SETTINGS_VERSION
      ? `they are from another version of Ladder (${JSON.stringify(version ?? 'none')})`
      : issuesText(parsed.error.issues);
  return { ok: false, settings: EMPTY_SETTINGS, error: `The saved Ladder settings were ignored: ${why}. Tabs are detected instead.` };
}
