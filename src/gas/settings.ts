/**
 * Ladder's saved settings in document properties: the user's tab mapping. Read through the
 * core's zod schema; a corrupt, old or oversized value is reported and detection is used.
 */
import { errorMessage } from '../api/reply';
import { type ConfigResult, EMPTY_CONFIG, parseConfig } from '../core/config';

export const SETTINGS_KEY = 'ladder.settings';

export function readSettings(): ConfigResult {
  try {
    return parseConfig(PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY));
  } catch (error) {
    // In a custom function or a limited trigger the properties may be out of reach: detect.
    return {
      ok: false,
      config: EMPTY_CONFIG,
      error: `Ladder's settings could not be read (${errorMessage(error)}); tabs are detected instead.`,
    };
  }
}
