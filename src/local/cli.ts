/**
 * The `ladder` command. `ladder audit FILE.xlsx [--json] [--map TAB=LAYER] [--header TAB=ROW]`
 * reads a workbook exported from Sheets, with the settings saved beside it and the flags laid
 * over them, and prints the cascade's health, as a report or as the JSON of DESIGN §6.
 * Bad input is one line on stderr and exit 2; nothing ever prints a stack trace.
 */
import { basename } from 'node:path';
import { auditJson } from '../core/audit';
import { buildCascade, type Cascade } from '../core/cascade';
import { HEADER_SEARCH_ROWS, isLabel } from '../core/header-row';
import { auditReport } from '../core/report';
import type { WorkbookSnapshot } from '../core/snapshot';
import { SettingsError, savedSettings, withFlags } from './audit-settings';
import { type Io, parseArgs } from './cli-args';
import { runDiff } from './cli-diff';
import { localDay } from './local-day';
import { WorkbookFileError } from './xlsx-read-objects';
import { readWorkbookFile } from './xlsx-read-values';

export const USAGE = `ladder: trace every roadmap row up to the goal, pillar, vision and mission it serves

Usage:
  ladder audit FILE.xlsx          print the cascade's health: layers, flags, flagged rows
  ladder audit FILE.xlsx --json   print the same as one JSON document (indented on a terminal)
  ladder diff OLD.xlsx NEW.xlsx   what changed between two exports of the plan
  ladder diff FILE.xlsx --since TAB   what changed since the snapshot tab TAB ("Freeze this plan")
  ladder --help                   show this help

Options of audit and diff (diff also takes --json):
  --map "TAB=LAYER"    read the tab TAB as LAYER: mission, vision, strategy, anti-priorities,
                       goals, roadmap, tasks, declined, or ignore (repeat for several tabs)
  --header "TAB=ROW"   the header row of TAB is row ROW, counting from 1 (repeatable)
  --tolerance N        how many points a pillar's share of effort may be off its target
                       before it is flagged (default 10)
  --today YYYY-MM-DD   the date goals' pace and check-ins are judged on (default: today),
                       so a report can be made again with the same figures

FILE.xlsx is a planning workbook exported from Google Sheets (File › Download ›
Microsoft Excel). Tabs are recognised by name (Mission, Vision, Strategy, Goals or OKRs,
Roadmap or Q3, Backlog or Tasks, and a "Not on roadmap" declined list), or else by their
columns (a Jira export, an OKR sheet called Sheet1), and columns by their headers. The
settings saved beside the file by the preview's Setup (FILE.xlsx.ladder.json) are used too;
--map and --header win over them. Exit status: 0 when the audit ran (flags or not), 2 when
the input is unusable.`;

/** A path as it would be typed in a shell. */
function shellWord(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** The one line that says why nothing could be read, and the flag that would read it. */
function nothingRead(file: string, snapshot: WorkbookSnapshot, cascade: Cascade): string {
  const command = `ladder audit ${shellWord(file)}`;
  const layerPlans = cascade.plans.filter((plan) => plan.use !== 'declined');
  if (layerPlans.length === 0) {
    const tabs = snapshot.sheets
      .map((sheet) => `"${sheet.name}"`)
      .slice(0, 8)
      .join(', ');
    const biggest = [...snapshot.sheets].sort((a, b) => b.values.length - a.values.length)[0];
    const hint = biggest ? `; say which tab is which, for example: ${command} --map "${biggest.name}=roadmap"` : '';
    return `${file}: no recognisable cascade layer: no tab is named like a layer or has columns that name one (tabs: ${tabs})${hint}`;
  }
  const missing = layerPlans.filter((plan) => plan.headerRow === null);
  if (missing.length > 0) {
    const plan = missing[0]!;
    const sheet = snapshot.sheets.find((candidate) => candidate.name === plan.sheet)!;
    const row = likelyHeaderRow(sheet.values);
    const hint = row === null ? `--header "${plan.sheet}=ROW"` : `--header "${plan.sheet}=${row}"`;
    return `${file}: no recognisable cascade layer: no header row was found on ${missing.map((p) => `"${p.sheet}"`).join(', ')} in the top 10 rows; give it, for example: ${command} ${hint}`;
  }
  const plan = layerPlans[0]!;
  return `${file}: no items were read: ${cascade.warnings.find((warning) => warning.startsWith(`${plan.sheet}:`)) ?? `"${plan.sheet}" gave none`} Try another header row: ${command} --header "${plan.sheet}=ROW"`;
}

/** The first row below the top 10 with two labels in it, where a header may sit. */
function likelyHeaderRow(values: WorkbookSnapshot['sheets'][number]['values']): number | null {
  // Rows in the top 10 with two labels would have been found by detection already.
  for (let r = HEADER_SEARCH_ROWS; r < Math.min(values.length, 1000); r++) {
    if ((values[r] ?? []).filter((cell) => isLabel(cell)).length >= 2) return r + 1;
  }
  return null;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.err(`ladder: ${(error as Error).message}`);
    return 2;
  }
  if (args === 'help') {
    io.out(USAGE);
    return 0;
  }
  try {
    if (args.command === 'diff') return await runDiff(args, io);
    const snapshot = await readWorkbookFile(args.file);
    const saved = await savedSettings(args.file);
    if (saved.warning) io.err(`ladder: warning: ${saved.warning.replace(/\s+/g, ' ')}`);
    const mapped = withFlags(saved.settings, snapshot, args.maps, args.headers);
    const settings = args.tolerance === undefined ? mapped : { ...mapped, tolerance: args.tolerance };
    const cascade = buildCascade(snapshot, settings, { today: args.today ?? localDay() });
    if (cascade.items.length === 0) throw new WorkbookFileError(nothingRead(args.file, snapshot, cascade));
    io.out(args.json ? auditJson(cascade, { indent: io.interactive === true }) : auditReport(cascade, basename(args.file)));
    return 0;
  } catch (error) {
    if (error instanceof WorkbookFileError || error instanceof SettingsError) {
      io.err(`ladder: ${error.message.replace(/\s+/g, ' ')}`);
      return 2;
    }
    throw error;
  }
}
