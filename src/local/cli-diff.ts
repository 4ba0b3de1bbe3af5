/**
 * `ladder diff OLD.xlsx NEW.xlsx` and `ladder diff FILE.xlsx --since TAB` (DESIGN §10): the
 * two plans read as the audit reads them (each with the settings saved beside it), compared,
 * and printed as sentences or as the JSON of §10.
 */
import { basename } from 'node:path';
import { buildCascade } from '../core/cascade';
import { diffReport } from '../core/diff-report';
import { diffPlans, type PlanDiff } from '../core/plan-diff';
import { isSnapshotTab, stateOfSnapshot } from '../core/plan-snapshot';
import { type PlanState, stateOfCascade } from '../core/plan-state';
import { normalizeKey } from '../core/text';
import { savedSettings, withFlags } from './audit-settings';
import type { DiffArgs, Io } from './cli-args';
import { localDay } from './local-day';
import { WorkbookFileError } from './xlsx-read-objects';
import { readWorkbookFile } from './xlsx-read-values';

async function planOf(file: string, args: DiffArgs, io: Io) {
  const snapshot = await readWorkbookFile(file);
  const saved = await savedSettings(file);
  if (saved.warning) io.err(`ladder: warning: ${saved.warning.replace(/\s+/g, ' ')}`);
  const mapped = withFlags(saved.settings, snapshot, args.maps, args.headers);
  const settings = args.tolerance === undefined ? mapped : { ...mapped, tolerance: args.tolerance };
  const cascade = buildCascade(snapshot, settings, { today: args.today ?? localDay() });
  if (cascade.items.length === 0)
    throw new WorkbookFileError(`${file}: no recognisable cascade layer (try: ladder audit ${basename(file)})`);
  return { snapshot, cascade };
}

/** The snapshot tab named `since` in the file, as the older plan. */
function snapshotState(
  file: string,
  since: string,
  sheets: readonly { name: string; values: readonly (readonly unknown[])[] }[],
): PlanState {
  const tab = sheets.find((sheet) => sheet.name === since) ?? sheets.find((sheet) => normalizeKey(sheet.name) === normalizeKey(since));
  const snapshots = sheets.filter((sheet) => isSnapshotTab(sheet.values as never)).map((sheet) => `"${sheet.name}"`);
  const known =
    snapshots.length === 0 ? 'it has no snapshot tab (Freeze this plan makes one)' : `its snapshot tabs: ${snapshots.join(', ')}`;
  if (!tab) throw new WorkbookFileError(`${file}: no tab "${since}"; ${known}`);
  const state = stateOfSnapshot(tab.name, tab.values as never);
  if (!state) throw new WorkbookFileError(`${file}: "${tab.name}" is not a snapshot tab (its item header row is missing); ${known}`);
  return state;
}

export async function runDiff(args: DiffArgs, io: Io): Promise<number> {
  let diff: PlanDiff;
  let newer: string;
  if (args.since !== undefined) {
    const file = args.files[0]!;
    const { snapshot, cascade } = await planOf(file, args, io);
    diff = diffPlans(snapshotState(file, args.since, snapshot.sheets), stateOfCascade(cascade, basename(file)));
    newer = basename(file);
  } else {
    const [older, newest] = [args.files[0]!, args.files[1]!];
    const before = await planOf(older, args, io);
    const after = await planOf(newest, args, io);
    diff = diffPlans(stateOfCascade(before.cascade, basename(older)), stateOfCascade(after.cascade, basename(newest)));
    newer = basename(newest);
  }
  io.out(args.json ? JSON.stringify(diff, null, io.interactive === true ? 2 : undefined) : diffReport(diff, newer));
  return 0;
}
