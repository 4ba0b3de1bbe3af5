/**
 * Shared set-up for the adversarial suite: the built add-on in its vm with the Tesla example,
 * and small helpers to call the sidebar's functions and read the sheet back.
 */
import { TESLA } from '../../examples/tesla';
import { tabsOf } from '../fixtures/workbook';
import { type AppsScript, loadAppsScript } from '../gas/apps-script';

export const TESLA_TABS = tabsOf(TESLA);

export function addOn(tabs = TESLA_TABS): AppsScript {
  return loadAppsScript(tabs);
}

/** Calls a sidebar function and brings its reply out of the vm as plain data. */
export function reply(gas: AppsScript, name: string, input?: unknown): { ok: boolean; value?: any; error?: string } {
  return JSON.parse(JSON.stringify(gas.call(name, input)));
}

export function values(gas: AppsScript, sheet: string): unknown[][] {
  return gas.spreadsheet
    .getSheetByName(sheet)!
    .dump()
    .map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell)));
}

export const LINK_R8 = { sheet: 'Roadmap', key: 'R-8', expectedTitle: 'In-car karaoke', goals: [{ key: '2' }] };
