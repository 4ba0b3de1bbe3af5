/**
 * The layout corpus (test/fixtures/layouts/): workbooks laid out as public templates, real
 * files and tools' exports lay them out, each read through a real .xlsx as `ladder audit`
 * reads it, against the expectations written down for it before Ladder was run on it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type AuditDocument, auditDocument } from '../../src/core/audit';
import { buildCascade } from '../../src/core/cascade';
import { readWorkbookFile } from '../../src/local/xlsx-read-values';
import type { ExpectedRow, LayoutFixture } from '../fixtures/layouts/layout';
import { tempDirPerFile, writeXlsx } from '../fixtures/xlsx';

const folder = join(import.meta.dirname, '../fixtures/layouts');
const fixtures: LayoutFixture[] = [];
for (const file of readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && name !== 'layout.ts')
  .sort()) {
  fixtures.push(((await import(join(folder, file))) as { fixture: LayoutFixture }).fixture);
}

const temp = tempDirPerFile();

async function audit(fixture: LayoutFixture): Promise<AuditDocument> {
  const path = await writeXlsx(temp.path, `${fixture.name}.xlsx`, fixture.tabs as LayoutFixture['tabs'] & Record<string, never[][]>);
  return auditDocument(buildCascade(await readWorkbookFile(path), undefined, fixture.today === undefined ? {} : { today: fixture.today }));
}

function rowOf(doc: AuditDocument, expected: ExpectedRow) {
  const found = doc.items.filter(
    (item) =>
      item.sheet === expected.sheet &&
      item.row === expected.row &&
      (expected.title === undefined || item.title === expected.title) &&
      (expected.layer === undefined || item.layer === expected.layer) &&
      (expected.key === undefined || item.key === expected.key),
  );
  const where = `${expected.sheet}!${expected.row}${expected.title ? ` "${expected.title}"` : ''}`;
  expect(found.length, `one item at ${where} (found ${found.length})`).toBe(1);
  return found[0]!;
}

test('the corpus has at least 15 layouts, each citing its source', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(15);
  for (const fixture of fixtures) expect(fixture.source.length, fixture.name).toBeGreaterThan(10);
});

describe.each(fixtures.map((fixture) => [fixture.name, fixture] as const))('%s', (_, fixture) => {
  let doc: AuditDocument;
  const read = async () => (doc ??= await audit(fixture));

  test('each tab is read as the layer it is, with its items; the others are ignored', async () => {
    const { layers, declined } = await read();
    const got = [
      ...layers.map((entry) => ({ sheet: entry.sheet, layer: entry.layer as string, items: entry.items })),
      ...[...new Set(declined.map((request) => request.sheet))].map((sheet) => ({
        sheet,
        layer: 'declined',
        items: declined.filter((request) => request.sheet === sheet).length,
      })),
    ];
    const order = (list: { sheet: string; layer: string }[]) =>
      [...list].sort((a, b) => `${a.sheet}/${a.layer}`.localeCompare(`${b.sheet}/${b.layer}`));
    expect(order(got)).toEqual(order(fixture.expect.tabs.map((tab) => ({ ...tab }))));
  });

  test.runIf((fixture.expect.rows ?? []).length > 0)('rows link where they should and carry the flags they deserve', async () => {
    const d = await read();
    for (const expected of fixture.expect.rows ?? []) {
      const item = rowOf(d, expected);
      const where = `${expected.sheet}!${expected.row}`;
      if (expected.layer !== undefined) expect(item.layer, `${where} layer`).toBe(expected.layer);
      if (expected.key !== undefined) expect(item.key, `${where} key`).toBe(expected.key);
      if (expected.parents !== undefined) expect(item.parents, `${where} parents`).toEqual(expected.parents);
      if (expected.flags !== undefined) expect([...item.flags].sort(), `${where} flags`).toEqual([...expected.flags].sort());
      for (const code of expected.notFlags ?? []) expect(item.flags, `${where} must not carry ${code}`).not.toContain(code);
      if (expected.progress === null) expect(item.progress, `${where} progress`).toBeNull();
      else if (expected.progress !== undefined)
        expect(Math.abs(item.progress! - expected.progress), `${where} progress ${item.progress}`).toBeLessThan(1e-9);
      if (expected.status !== undefined) expect(item.status, `${where} status`).toBe(expected.status);
    }
  });

  test('flags that must not appear, the strategy checks, and the warnings', async () => {
    const d = await read();
    for (const code of fixture.expect.absentFlags ?? []) {
      const carriers = d.items.filter((item) => (item.flags as string[]).includes(code)).map((item) => `${item.sheet}!${item.row}`);
      expect(carriers, `rows flagged ${code}`).toEqual([]);
    }
    if (fixture.expect.strategyFlags !== undefined) expect([...d.strategy.flags].sort()).toEqual([...fixture.expect.strategyFlags].sort());
    for (const expected of fixture.expect.warnings ?? []) {
      const wanted = expected.toLowerCase().split(/\s+/);
      const match = d.warnings.find((warning) => wanted.every((word) => warning.toLowerCase().includes(word)));
      expect(match, `a warning with "${expected}" among:\n${d.warnings.join('\n')}`).toBeDefined();
    }
  });
});
