/**
 * What inside an .xlsx exceljs would leave out or change when the preview saves it, found
 * before anything is written so the workbook opens read-only instead: whole parts (charts,
 * pivot tables, threaded comments, links to other workbooks, custom document properties),
 * and things inside the parts it does write: Excel 2010 dropdowns and sparklines (kept in a
 * sheet's extension list), text boxes and shapes in drawings, and names local to a tab that
 * share a name with another (exceljs keeps one of them).
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';

const UNKEPT_PARTS: readonly [RegExp, string][] = [
  [/^xl\/charts\//, 'charts'], [/^xl\/chartsheets\//, 'chart sheets'], [/^xl\/pivotTables\//, 'pivot tables'],
  [/^xl\/threadedComments\//, 'threaded comments'], [/^xl\/externalLinks\//, 'links to other workbooks'], [/^docProps\/custom\.xml$/, 'custom document properties'],
];

const UNKEPT_CONTENT: readonly [RegExp, RegExp, string][] = [
  [/^xl\/worksheets\/[^/]+\.xml$/, /<x14:dataValidations?\b/, 'Excel 2010 dropdowns'],
  [/^xl\/worksheets\/[^/]+\.xml$/, /<x14:sparklineGroups?\b/, 'sparklines'],
  [/^xl\/drawings\/[^/]+\.xml$/, /<xdr:sp\b/, 'text boxes or shapes'],
];

/** Names local to a tab (localSheetId) that another name shares: exceljs would merge them into one. */
function sharedLocalNames(workbookXml: string): boolean {
  const seen = new Map<string, Set<string>>();
  for (const match of workbookXml.matchAll(/<definedName\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[1]!)?.[1]?.toLowerCase();
    if (!name) continue;
    const scope = /\blocalSheetId="(\d+)"/.exec(match[1]!)?.[1] ?? 'workbook';
    const scopes = seen.get(name) ?? new Set<string>();
    scopes.add(scope);
    seen.set(name, scopes);
  }
  return [...seen.values()].some((scopes) => scopes.size > 1);
}

/** What in this file a save would lose, in a PM's words; empty when nothing. */
export async function unkeptParts(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const names = Object.keys(zip.files);
  const found = new Set<string>();
  for (const [pattern, what] of UNKEPT_PARTS) if (names.some((name) => pattern.test(name))) found.add(what);
  for (const name of names) {
    const checks = UNKEPT_CONTENT.filter(([part, , what]) => part.test(name) && !found.has(what));
    if (checks.length === 0) continue;
    const text = await zip.file(name)!.async('string');
    for (const [, content, what] of checks) if (content.test(text)) found.add(what);
  }
  const workbook = zip.file('xl/workbook.xml');
  if (workbook && sharedLocalNames(await workbook.async('string'))) found.add('names local to a tab that another name shares');
  return [...found];
}
