/**
 * Every floor keeps to what it may import (test/architecture/floors.ts), and the check itself
 * catches a deliberate bad import of each kind, so a clean run means something.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { floorOf, importProblems } from './floors';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const FILES = [...sources('src'), ...sources('sidebar/src'), ...sources('examples')];

describe('every file keeps to its floor', () => {
  test('there are files on every floor', () => {
    expect(new Set(FILES.map(floorOf))).toEqual(new Set(['shared', 'core', 'api', 'gas', 'local', 'preview-page', 'sidebar', 'examples']));
  });

  test.each(FILES)('%s', (path) => {
    expect(importProblems(path, readFileSync(path, 'utf8'))).toEqual([]);
  });
});

describe('the check catches a bad import', () => {
  test.each([
    ['src/api/calls/x.ts', "import { openSidebar } from '../../gas/sidebar';", 'from gas'],
    ['src/api/x.ts', "import { openXlsxPort } from '../local/xlsx-port';", 'from local'],
    ['src/core/x.ts', "import { readFile } from 'node:fs/promises';", 'the package node:fs/promises'],
    ['src/core/x.ts', "import type { WorkbookPort } from '../api/port';", 'types from api'],
    ['src/gas/x.ts', "export { openXlsxPort } from '../local/xlsx-port';", 'from local'],
    ['src/local/x.ts', "import { main } from '../gas/main';", 'from gas'],
    ['sidebar/src/x.ts', "import { callApi } from '../../src/api/calls';", 'from api'],
    ['sidebar/src/x.ts', "import { cascadeHealth } from '../../src/core/health';", 'from core'],
    ['src/shared/x.ts', "import { clip } from '../core/text';", 'from core'],
    ['src/core/x.ts', "const lazy = () => import('../gas/main');", 'from gas'],
  ])('%s: %s', (path, source, said) => {
    expect(importProblems(path, source)).toEqual([expect.stringContaining(said)]);
  });

  test('types the sidebar may read stay allowed', () => {
    expect(importProblems('sidebar/src/x.ts', "import type { ApiOutput } from '../../src/api/calls';")).toEqual([]);
  });
});
