import { expect, test } from 'vitest';
import { TESLA } from '../../examples/tesla';
import { auditDocument, auditJson } from '../../src/core/audit';
import { buildCascade } from '../../src/core/cascade';
import { cascadeOf } from '../fixtures/workbook';

test('the JSON text is the document: compact for programs, indented for people', () => {
  const cascade = buildCascade(TESLA);
  expect(auditJson(cascade)).toBe(JSON.stringify(auditDocument(cascade)));
  expect(auditJson(cascade, { indent: true })).toBe(JSON.stringify(auditDocument(cascade), null, 2));
});

test('a plan with no items still prints a valid document', () => {
  const cascade = cascadeOf({ Roadmap: [['ID', 'Initiative', 'Goal']] });
  expect(JSON.parse(auditJson(cascade)).items).toEqual([]);
});
