/**
 * What inside an .xlsx exceljs would leave out or change when the preview saves it, found
 * before anything is written so the workbook opens read-only instead: whole parts (charts,
 * pivot tables, threaded comments, links to other workbooks, custom document properties),
 * and things inside the parts it does write (UNKEPT_CONTENT: Excel 2010 dropdowns, sparklines,
 * protected ranges, page breaks, data tables, names local to a tab or holding a value, and
 * more), each found by its XML.
 */
import type JSZip from 'jszip';
import { partNames, partText } from './zip-parts';

const UNKEPT_PARTS: readonly [RegExp, string][] = [
  [/^xl\/charts\//, 'charts'],
  [/^xl\/chartsheets\//, 'chart sheets'],
  [/^xl\/pivotTables\//, 'pivot tables'],
  [/^xl\/threadedComments\//, 'threaded comments'],
  [/^xl\/externalLinks\//, 'links to other workbooks'],
  [/^docProps\/custom\.xml$/, 'custom document properties'],
];

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const WORKBOOK = /^xl\/workbook\.xml$/;

/** Things inside parts exceljs writes that it drops or changes, each found by its XML (measured by writing each back). */
const UNKEPT_CONTENT: readonly [RegExp, RegExp, string][] = [
  [SHEET, /<x14:dataValidations?\b/, 'Excel 2010 dropdowns'],
  [SHEET, /<x14:sparklineGroups?\b/, 'sparklines'],
  [SHEET, /<x14:conditionalFormattings?\b/, 'colour rules that refer to other tabs'],
  [SHEET, /<protectedRanges?\b/, 'protected ranges'],
  [SHEET, /<filterColumn\b/, 'filter settings'],
  [SHEET, /<ignoredErrors?\b/, 'ignored-error marks'],
  [SHEET, /<(rowBreaks|colBreaks)\b/, 'page breaks'],
  [SHEET, /\bt=["']dataTable["']/, 'data tables'],
  [SHEET, /<hyperlink\b[^>]*\b(location|tooltip)=/, 'links to places in the workbook'],
  [/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/, /<rPh\b/, 'phonetic text'],
  [/^xl\/drawings\/[^/]+\.xml$/, /<xdr:sp\b/, 'text boxes or shapes'],
  [/^xl\/drawings\/[^/]+\.xml$/, /\bdescr=/, 'alt text on images'],
  [WORKBOOK, /<workbookProtection\b/, 'workbook protection'],
  [WORKBOOK, /<calcPr\b[^>]*\b(iterate=["'](1|true)["']|calcMode=["']manual["'])/, 'calculation settings'],
  [WORKBOOK, /<definedName\b[^>]*\blocalSheetId=/, 'names local to a tab'],
  [WORKBOOK, /<definedName\b[^>]*\b(hidden=["'](1|true)["']|comment=)/, 'hidden or commented names'],
  [WORKBOOK, /<definedName\b[^>]*>[^<!]*<\/definedName>/, 'names that hold a value'],
  [/^xl\/styles\.xml$/, /<indexedColors\b/, 'a custom colour palette'],
  [/^xl\/styles\.xml$/, /<cellStyle\b(?![^>]*\bname=["']Normal["'])[^>]*>/, 'named cell styles'],
  [/^docProps\/core\.xml$/, /<(dc:title|dc:subject|cp:keywords|dc:description)\b[^>]*>[^<]+</, 'a document title, subject or keywords'],
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

/** What in this workbook's zip a save would lose, in a PM's words; empty when nothing. */
export async function unkeptIn(zip: JSZip): Promise<string[]> {
  const names = partNames(zip);
  const found = new Set<string>();
  for (const [pattern, what] of UNKEPT_PARTS) if (names.some((name) => pattern.test(name))) found.add(what);
  for (const name of names) {
    const checks = UNKEPT_CONTENT.filter(([part, , what]) => part.test(name) && !found.has(what));
    if (checks.length === 0) continue;
    const text = await partText(zip, name);
    for (const [, content, what] of checks) if (content.test(text)) found.add(what);
  }
  if (names.includes('xl/workbook.xml') && sharedLocalNames(await partText(zip, 'xl/workbook.xml')))
    found.add('names local to a tab that another name shares');
  return [...found];
}
