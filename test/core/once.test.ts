/** Values made on first use: made once, not before, and standing in for what they make. */
import { expect, test } from 'vitest';
import * as z from 'zod/mini';
import { madeOnUse, once } from '../../src/core/once';

test('once makes its value on the first call only', () => {
  let made = 0;
  const table = once(() => ({ n: ++made }));
  expect(made).toBe(0);
  expect(table()).toBe(table());
  expect(made).toBe(1);
});

test('a schema made on use is not built until it parses, then parses as the schema does', () => {
  let built = 0;
  const schema = madeOnUse(() => {
    built++;
    return z.strictObject({ sheet: z.string() });
  });
  expect(built).toBe(0);
  expect(schema.safeParse({ sheet: 'Roadmap' }).success).toBe(true);
  expect(schema.safeParse({ sheet: 'Roadmap', extra: 1 }).success).toBe(false);
  expect(schema.safeParse(null).success).toBe(false);
  expect(built).toBe(1);
});
