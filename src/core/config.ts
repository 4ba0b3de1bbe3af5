/**
 * The old names of settings.ts, for cascade.ts alone, whose owner moves it to settings.ts
 * (`LadderSettings`, `EMPTY_SETTINGS`); then this file goes. Nothing else imports it.
 */
export { EMPTY_SETTINGS as EMPTY_CONFIG, type LadderSettings as LadderConfig } from './settings';
