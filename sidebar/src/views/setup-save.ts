/**
 * Saving Setup: what is sent (only what the PM changed, so the rest keeps following the
 * sheet) and, read back after saving, what Ladder now does with each changed tab.
 */
import type { Setup as SetupData } from '../types';
import { detectedColumn, type Edit, type Mapping, ROLE_LABELS, type Role, USE_LABELS, type Use } from './setup-labels';

/** One changed tab as saved: its use, and its header row and columns where they differ from what Ladder reads anyway. */
function mappingOf(data: SetupData, sheet: string, { use, headerRow, columns }: Edit): Mapping {
  const tab = data.tabs.find((candidate) => candidate.sheet === sheet)!;
  const chosen: Partial<Record<Role, string>> = Object.fromEntries(
    Object.entries(columns).filter(([role, header]) => header !== '' && header !== detectedColumn(tab, role)),
  );
  return {
    sheet,
    use,
    ...(headerRow && Number(headerRow) !== tab.headerRow ? { headerRow: Number(headerRow) } : {}),
    ...(Object.keys(chosen).length > 0 ? { columns: chosen } : {}),
  };
}

/** The settings to save: the saved ones of tabs not edited (and still in the workbook), and the edited ones. */
export function mappingsOf(data: SetupData, edits: Record<string, Edit>): Mapping[] {
  const kept = data.saved.tabs.filter((tab) => !(tab.sheet in edits) && data.tabs.some((candidate) => candidate.sheet === tab.sheet));
  const changed = Object.entries(edits)
    .map(([sheet, edit]) => mappingOf(data, sheet, edit))
    // A tab set back to what Ladder reads anyway saves nothing, so it keeps following the sheet.
    .filter((mapping) => {
      const tab = data.tabs.find((candidate) => candidate.sheet === mapping.sheet)!;
      const wasSaved = data.saved.tabs.some((saved) => saved.sheet === mapping.sheet);
      return wasSaved || mapping.use !== tab.use || mapping.headerRow !== undefined || mapping.columns !== undefined;
    });
  return [...kept, ...changed];
}

/** What Ladder does with each changed tab now, read back after saving: one sentence each. */
export function savedReport(edits: Record<string, Edit>, fresh: SetupData): string[] {
  return Object.entries(edits).map(([sheet, edit]) => {
    const tab = fresh.tabs.find((candidate) => candidate.sheet === sheet);
    if (!tab) return `“${sheet}” is no longer in the workbook.`;
    if (tab.use === 'ignore')
      return edit.use === 'ignore'
        ? `“${sheet}” is not read from now on.`
        : `“${sheet}” could not be read as ${USE_LABELS[edit.use]}${tab.notes[0] ? `: ${tab.notes[0]}` : ''}.`;
    const parts = [
      `“${sheet}” is read as ${USE_LABELS[tab.use as Use] ?? tab.use}${tab.headerRow === null ? '' : `, headers on row ${tab.headerRow}`}`,
    ];
    const asked = edit.headerRow === '' ? null : Number(edit.headerRow);
    if (tab.use !== edit.use) parts.push(`, not as ${USE_LABELS[edit.use]} as you chose`);
    if (asked !== null && tab.headerRow !== asked) parts.push(`, not row ${asked} as you chose`);
    for (const [role, header] of Object.entries(edit.columns)) {
      if (header === '') continue;
      const now = detectedColumn(tab, role);
      parts.push(
        now === header
          ? `; ${ROLE_LABELS[role] ?? role} from “${header}”`
          : `; ${ROLE_LABELS[role] ?? role} could not be read from “${header}”`,
      );
    }
    const mismatch = tab.use !== edit.use || (asked !== null && tab.headerRow !== asked);
    return `${parts.join('')}.${mismatch && tab.notes.length > 0 ? ` ${tab.notes.join(' ')}` : ''}`;
  });
}
