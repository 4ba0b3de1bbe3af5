/**
 * The core stays pure: no Node, no Apps Script, nothing from the adapters above it. Every
 * other part of Ladder stands on it, and this is what lets it run in all of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const CORE = 'src/core';
const files = readdirSync(CORE).filter((name) => name.endsWith('.ts'));

test.each(files)('%s imports only the core and zod', (name) => {
  const source = readFileSync(join(CORE, name), 'utf8');
  const imports = [...source.matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gms)].map((match) => match[1]!);
  for (const target of imports) expect(target, `${name} imports ${target}`).toMatch(/^(\.\/[\w-]+|zod\/mini|zod\/locales)$/);
});

test.each(files)('%s uses no Node or Apps Script globals', (name) => {
  const source = readFileSync(join(CORE, name), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  expect(source).not.toMatch(
    /\b(process|require|Buffer|__dirname|document|window|fetch|SpreadsheetApp|PropertiesService|CacheService|HtmlService|Utilities|Session)\b/,
  );
});
