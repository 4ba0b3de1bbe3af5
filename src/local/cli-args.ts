/**
 * The `ladder` command line read into what to do: `audit FILE` or `diff OLD NEW` / `diff
 * FILE --since TAB`, with their options. Anything else is a UsageError with one sentence
 * saying what was wrong and what to type instead.
 */
import { parseIsoDay } from '../core/metric-values';
import { splitFlag, type TabFlag } from './audit-settings';

export class UsageError extends Error {}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether a person reads the output (a terminal): JSON is indented for them. */
  readonly interactive?: boolean;
}

interface CommonArgs {
  json: boolean;
  maps: TabFlag[];
  headers: TabFlag[];
  /** YYYY-MM-DD, or undefined for today. */
  today?: string;
  /** Points; undefined for the settings' or the default. */
  tolerance?: number;
}

export interface AuditArgs extends CommonArgs {
  readonly command: 'audit';
  file: string;
}

export interface DiffArgs extends CommonArgs {
  readonly command: 'diff';
  /** One file (with `since`) or the older and the newer. */
  files: string[];
  /** The snapshot tab to compare the file with. */
  since?: string;
}

const VALUE_OPTIONS = ['--map', '--header', '--today', '--tolerance', '--since'] as const;
const VALUE_EXAMPLES: Record<(typeof VALUE_OPTIONS)[number], string> = {
  '--map': '"Sheet1=roadmap"',
  '--header': '"Sheet1=4"',
  '--today': '2026-09-30',
  '--tolerance': '10',
  '--since': '"Ladder snapshot 2026-09-30"',
};

export function parseArgs(argv: readonly string[]): 'help' | AuditArgs | DiffArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return 'help';
  const [command, ...rest] = argv;
  if (command !== 'audit' && command !== 'diff')
    throw new UsageError(`unknown command "${command}" (try: ladder audit FILE.xlsx, or ladder diff OLD.xlsx NEW.xlsx)`);
  const files: string[] = [];
  const common: CommonArgs = { json: false, maps: [], headers: [] };
  let since: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--json' && inline === undefined) common.json = true;
    else if ((VALUE_OPTIONS as readonly string[]).includes(name) && (name !== '--since' || command === 'diff')) {
      const value = inline ?? rest[++i];
      if (value === undefined)
        throw new UsageError(`${name} needs a value, as in ${name} ${VALUE_EXAMPLES[name as keyof typeof VALUE_EXAMPLES]}`);
      if (name === '--today') common.today = dateArg(value);
      else if (name === '--tolerance') common.tolerance = toleranceArg(value);
      else if (name === '--since') since = value;
      else (name === '--map' ? common.maps : common.headers).push(splitFlag(name, value));
    } else if (arg.startsWith('--')) {
      const options =
        command === 'diff' ? '--json, --since, --map, --header, --today, --tolerance' : '--json, --map, --header, --today, --tolerance';
      throw new UsageError(`unknown option ${name} (options: ${options})`);
    } else files.push(arg);
  }
  return command === 'audit' ? auditArgs(files, common) : diffArgs(files, since, common);
}

function auditArgs(files: string[], common: CommonArgs): AuditArgs {
  if (files.length !== 1)
    throw new UsageError(files.length === 0 ? 'audit needs a workbook file: ladder audit FILE.xlsx' : 'audit takes one workbook file');
  return { command: 'audit', file: files[0]!, ...common };
}

function diffArgs(files: string[], since: string | undefined, common: CommonArgs): DiffArgs {
  if (since !== undefined && files.length !== 1)
    throw new UsageError('diff --since takes one workbook file: ladder diff FILE.xlsx --since TAB');
  if (since === undefined && files.length !== 2)
    throw new UsageError(
      'diff compares two workbooks (ladder diff OLD.xlsx NEW.xlsx) or a workbook with a snapshot tab in it (ladder diff FILE.xlsx --since TAB)',
    );
  return { command: 'diff', files, ...(since === undefined ? {} : { since }), ...common };
}

function toleranceArg(value: string): number {
  const points = Number(value);
  if (value.trim() === '' || !Number.isFinite(points) || points < 0 || points > 100)
    throw new UsageError(`--tolerance takes a number of points from 0 to 100, such as 10 (got "${value.slice(0, 40)}")`);
  return points;
}

function dateArg(value: string): string {
  if (parseIsoDay(value) === null)
    throw new UsageError(`--today takes a date written as YYYY-MM-DD, such as 2026-09-30 (got "${value.slice(0, 40)}")`);
  return value;
}
