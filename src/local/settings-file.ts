/**
 * Ladder's settings beside a workbook, in FILE.ladder.json (for FILE.xlsx, FILE.xlsx.ladder.json):
 * written by the preview's Setup, read by the preview and by `ladder audit`. The one place
 * the local tools read and write them; the JSON is the one Apps Script keeps in the
 * document's properties, so settings move between the two as they are.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { type LadderSettings, parseSettings, type SettingsResult } from '../core/settings';

export const settingsFileOf = (workbook: string): string => `${workbook}.ladder.json`;

/** The settings saved beside the workbook, parsed: none when there is no such file, none with the reason when it is damaged. */
export async function readSettingsFile(workbook: string): Promise<SettingsResult> {
  let text: string | null;
  try {
    text = await readFile(settingsFileOf(workbook), 'utf8');
  } catch {
    text = null;
  }
  return parseSettings(text);
}

export async function writeSettingsFile(workbook: string, settings: LadderSettings): Promise<void> {
  await writeFile(settingsFileOf(workbook), JSON.stringify(settings));
}
