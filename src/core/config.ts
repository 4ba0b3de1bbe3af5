/**
 * The user's own tab→layer mapping, saved by the sidebar in document properties. It wins
 * over detection. Parsed with zod once, here; a corrupt or old config is reported and
 * detection is used instead, never a crash.
 */
import * as z from 'zod/mini';
import { ROLES } from './columns';
import { DECLINED_ROLES } from './declined-columns';
import { issuesText } from './input-issues';
import { LAYER_CODES } from './layers';
import { madeOnUse } from './once';

export const CONFIG_VERSION = 1;

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
    version: z.literal(CONFIG_VERSION),
    tabs: z.array(tabMappingSchema(strict)).check(z.maxLength(200)),
  });

export const configSchema = madeOnUse(() => settingsSchema(false));

/** What Setup may send to be saved: an unknown key is refused, not dropped in silence. */
export const configInput = madeOnUse(() => settingsSchema(true));

export type LadderConfig = z.infer<typeof configSchema>;
export type TabMapping = z.infer<ReturnType<typeof tabMappingSchema>>;

export const EMPTY_CONFIG: LadderConfig = { version: CONFIG_VERSION, tabs: [] };

export type ConfigResult = { ok: true; config: LadderConfig } | { ok: false; config: LadderConfig; error: string };

/** Reads a saved config (JSON text or an object); on any problem, says why and falls back to detection. */
export function parseConfig(input: unknown): ConfigResult {
  if (input === null || input === undefined || input === '') return { ok: true, config: EMPTY_CONFIG };
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return {
        ok: false,
        config: EMPTY_CONFIG,
        error: 'The saved Ladder settings are not readable (damaged JSON); tabs are detected instead.',
      };
    }
  }
  const parsed = configSchema.safeParse(value);
  if (parsed.success) return { ok: true, config: parsed.data };
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  const why =
    version !== CONFIG_VERSION
      ? `they are from another version of Ladder (${JSON.stringify(version ?? 'none')})`
      : issuesText(parsed.error.issues);
  return { ok: false, config: EMPTY_CONFIG, error: `The saved Ladder settings were ignored: ${why}. Tabs are detected instead.` };
}
