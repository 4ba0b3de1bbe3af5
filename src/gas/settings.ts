/**
 * Ladder's settings in document properties: the one place Apps Script reads and writes them.
 * Read through the core's zod schema; a damaged, old or oversized value, or properties out
 * of reach, is reported and detection is used. The key and the JSON stay as they are, so
 * the settings of every spreadsheet set up before keep working.
 */
import { errorMessage } from '../api/reply';
import { EMPTY_SETTINGS, type LadderSettings, parseSettings, type SettingsResult } from '../core/settings';

export const SETTINGS_KEY = 'ladder.settings';

export function readSavedSettings(): SettingsResult {
  try {
    return parseSettings(PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY));
  } catch (error) {
    // In a custom function or a limited trigger the properties may be out of reach: detect.
    return {
      ok: false,
      settings: EMPTY_SETTINGS,
      error: `Ladder's settings could not be read (${errorMessage(error)}); tabs are detected instead.`,
    };
  }
}

export function storeSettings(settings: LadderSettings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}
