/**
 * A workbook's zip opened once for the checks the preview makes before reading it (its
 * dropdowns, what a save would lose): each part is inflated at most once, whoever asks.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';

const texts = new WeakMap<JSZip, Map<string, Promise<string>>>();

export async function openZip(path: string): Promise<JSZip> {
  return JSZip.loadAsync(await readFile(path));
}

/** A part's text, inflated the first time it is asked for. */
export function partText(zip: JSZip, name: string): Promise<string> {
  let cache = texts.get(zip);
  if (!cache) texts.set(zip, (cache = new Map()));
  let text = cache.get(name);
  if (!text) cache.set(name, (text = zip.file(name)?.async('string') ?? Promise.resolve('')));
  return text;
}

/** The names of the zip's files (not its folders), without a leading slash. */
export const partNames = (zip: JSZip): string[] => Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
