/**
 * The `ladder` command. `ladder audit FILE.xlsx [--json]` reads a workbook exported from
 * Sheets and prints the cascade's health, as a report or as the JSON of DESIGN §6.
 * Bad input is one line on stderr and exit 2; nothing ever prints a stack trace.
 */
import { basename } from 'node:path';
import { auditJson } from '../core/audit';
import { buildCascade } from '../core/cascade';
import { auditReport } from '../core/report';
import { readWorkbookFile } from './xlsx-values';
import { WorkbookFileError } from './xlsx-snapshot';

export const USAGE = `ladder: trace every roadmap row up to the goal, pillar, vision and mission it serves

Usage:
  ladder audit FILE.xlsx          print the cascade's health: layers, flags, flagged rows
  ladder audit FILE.xlsx --json   print the same as one JSON document (indented on a terminal)
  ladder --help                   show this help

FILE.xlsx is a planning workbook exported from Google Sheets (File › Download ›
Microsoft Excel). Tabs are recognised by name (Mission, Vision, Strategy, Goals or OKRs,
Roadmap, Backlog or Tasks, and a "Not on roadmap" declined list) and columns by their
headers. Exit status: 0 when the audit ran (flags or not), 2 when the input is unusable.`;

export class UsageError extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether a person reads the output (a terminal): JSON is indented for them. */
  readonly interactive?: boolean;
}

interface AuditArgs {
  file: string;
  json: boolean;
}

export function parseArgs(argv: readonly string[]): 'help' | AuditArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return 'help';
  const [command, ...rest] = argv;
  if (command !== 'audit') throw new UsageError(`unknown command "${command}" (try: ladder audit FILE.xlsx)`);
  const files = rest.filter((arg) => !arg.startsWith('--'));
  const unknown = rest.filter((arg) => arg.startsWith('--') && arg !== '--json');
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown[0]} (options: --json)`);
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'audit needs a workbook file: ladder audit FILE.xlsx' : 'audit takes one workbook file');
  return { file: files[0]!, json: rest.includes('--json') };
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let args: 'help' | AuditArgs;
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
    const snapshot = await readWorkbookFile(args.file);
    const cascade = buildCascade(snapshot);
    if (cascade.items.length === 0 && !cascade.plans.some((plan) => plan.headerRow !== null)) {
      const found = cascade.plans.length === 0
        ? `no tab is named like a cascade layer (tabs: ${snapshot.sheets.map((s) => `"${s.name}"`).slice(0, 8).join(', ')})`
        : `no header row was found on ${cascade.plans.map((p) => `"${p.sheet}"`).join(', ')}`;
      throw new WorkbookFileError(`${args.file}: no recognisable cascade layer: ${found}`);
    }
    io.out(args.json ? auditJson(cascade, { indent: io.interactive === true }) : auditReport(cascade, basename(args.file)));
    return 0;
  } catch (error) {
    if (error instanceof WorkbookFileError) {
      io.err(`ladder: ${error.message.replace(/\s+/g, ' ')}`);
      return 2;
    }
    throw error;
  }
}
