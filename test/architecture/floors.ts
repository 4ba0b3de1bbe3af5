/**
 * Ladder's floors and what each may import (DESIGN §7: imports point down only). A source
 * file's imports are read as text (every `import … from` and `export … from`, and `import()`),
 * each resolved to the floor it lands on, and checked against its own floor's rule.
 */
import { posix } from 'node:path';

export type Floor = 'shared' | 'core' | 'api' | 'gas' | 'local' | 'preview-page' | 'sidebar' | 'examples' | 'outside';

/** The floor a repository path is on (the preview's page is a browser page, apart from the Node side of local). */
export function floorOf(path: string): Floor {
  if (path.startsWith('src/local/preview/page/')) return 'preview-page';
  const match = /^src\/(shared|core|api|gas|local)\//.exec(path);
  if (match) return match[1] as Floor;
  if (path.startsWith('examples/')) return 'examples';
  return path.startsWith('sidebar/') ? 'sidebar' : 'outside';
}

interface Rule {
  /** Floors it may import values from (its own always). */
  readonly floors: readonly Floor[];
  /** Floors it may import types from, and nothing else. */
  readonly typesFrom?: readonly Floor[];
  /** Packages it may import, by name or prefix ending in "/" or ":". */
  readonly packages: readonly string[];
}

export const RULES: Record<Exclude<Floor, 'outside'>, Rule> = {
  shared: { floors: [], packages: [] },
  core: { floors: ['shared'], packages: ['zod/'] },
  api: { floors: ['shared', 'core'], packages: ['zod/'] },
  // The starter cascade is the bundled example, as data.
  gas: { floors: ['shared', 'core', 'api', 'examples'], packages: ['zod/'] },
  local: { floors: ['shared', 'core', 'api', 'examples'], packages: ['node:', 'exceljs', 'jszip', 'zod/'] },
  // A browser page like the sidebar, beside it: it shares the sidebar's client helpers.
  'preview-page': { floors: ['shared', 'sidebar'], typesFrom: ['local', 'api'], packages: ['preact'] },
  sidebar: { floors: ['shared'], typesFrom: ['api', 'core'], packages: ['preact'] },
  // The example workbook is data: a snapshot, typed by the core.
  examples: { floors: [], typesFrom: ['core'], packages: [] },
};

export interface ImportOf {
  readonly target: string;
  readonly typeOnly: boolean;
}

/** The imports of a source text: static imports and re-exports (with whether they are type-only) and dynamic imports. */
export function importsOf(source: string): ImportOf[] {
  const out: ImportOf[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\bfrom\s+'([^']+)'/gms)) {
    out.push({ target: match[4]!, typeOnly: match[2] !== undefined });
  }
  for (const match of source.matchAll(/^\s*import\s+'([^']+)'/gm)) out.push({ target: match[1]!, typeOnly: false });
  for (const match of source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) out.push({ target: match[1]!, typeOnly: false });
  return out;
}

/** What is wrong with one file's imports, as sentences (none when it keeps to its floor). */
export function importProblems(path: string, source: string): string[] {
  const floor = floorOf(path);
  if (floor === 'outside') return [];
  const rule = RULES[floor];
  const problems: string[] = [];
  for (const { target, typeOnly } of importsOf(source)) {
    if (target.startsWith('.')) {
      const landed = floorOf(posix.normalize(posix.join(posix.dirname(path), target)));
      if (landed === floor || rule.floors.includes(landed)) continue;
      if (typeOnly && rule.typesFrom?.includes(landed)) continue;
      problems.push(`${path} imports ${typeOnly ? 'types ' : ''}from ${landed} (${target}), which ${floor} must not`);
    } else if (
      !rule.packages.some((name) => target === name || (/[/:]$/.test(name) && target.startsWith(name)) || target.startsWith(`${name}/`))
    ) {
      problems.push(`${path} imports the package ${target}, which ${floor} must not`);
    }
  }
  return problems;
}
