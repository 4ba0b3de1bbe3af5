/**
 * The add-on menu. onOpen may run in AuthMode.NONE, where nothing but building the menu is
 * allowed, so it touches no properties, cache or sheet data.
 */

export interface MenuItem {
  readonly label: string;
  /** The top-level function the item calls (one of the entry points). */
  readonly handler: string;
}

/** Items in order; null draws a separator. */
export const MENU: readonly (MenuItem | null)[] = [
  { label: 'Open Ladder', handler: 'ladderOpenSidebar' },
  { label: 'Check the cascade (flag rows)', handler: 'ladderCheckCascade' },
  { label: 'Refresh traces', handler: 'ladderRefreshTraces' },
  null,
  { label: 'Insert a TRACE column on this tab', handler: 'ladderInsertTraceColumn' },
  { label: 'Insert an IMPACT column on this tab', handler: 'ladderInsertImpactColumn' },
  { label: 'Insert a PROGRESS column on this tab', handler: 'ladderInsertProgressColumn' },
  null,
  { label: 'Freeze this plan', handler: 'ladderFreezeThisPlan' },
  { label: 'Create a starter cascade', handler: 'ladderCreateStarter' },
  { label: 'Check this spreadsheet', handler: 'ladderSelfTest' },
];

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU) {
    if (item) menu.addItem(item.label, item.handler);
    else menu.addSeparator();
  }
  menu.addToUi();
}
