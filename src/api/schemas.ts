/**
 * The shapes of what the sidebar sends, checked with zod before anything else runs. Objects
 * are strict (an unknown key, `__proto__` included, is refused) and every string is bounded.
 * Each schema is built the first time a call checks its input, not when the bundle loads
 * (see core/once.ts): a formula's execution never checks any.
 */
import * as z from 'zod/mini';
import { madeOnUse } from '../core/once';

const sheetName = () => z.string().check(z.minLength(1), z.maxLength(200));
const itemKey = () => z.string().check(z.minLength(1), z.maxLength(1000));
const title = () => z.string().check(z.maxLength(50_000));

const rowRef = () => ({
  sheet: sheetName(),
  key: itemKey(),
  /** The title the sidebar showed; a different title now means the row changed. */
  expectedTitle: z.optional(title()),
});

export const noInput = madeOnUse(() => z.optional(z.strictObject({})));

export const selectionInput = madeOnUse(() =>
  z.optional(
    z.strictObject({
      sheet: z.optional(sheetName()),
      row: z.optional(z.int().check(z.gte(1), z.lte(10_000_000))),
      /** The row's key: the row is found by it wherever it moved (sorted, rows inserted above), else by its number. */
      key: z.optional(itemKey()),
    }),
  ),
);

export const linkInput = madeOnUse(() =>
  z.strictObject({
    ...rowRef(),
    /** The link cell as the sidebar showed it; if the cell holds something else now, nothing is written. */
    expectedLink: z.optional(title()),
    goals: z
      .array(
        z.strictObject({
          key: itemKey(),
          /** Percent; without shares a row's links share equally. */
          share: z.optional(z.number().check(z.gt(0), z.lte(100))),
        }),
      )
      .check(z.minLength(1), z.maxLength(20)),
  }),
);

export const declineInput = madeOnUse(() =>
  z.strictObject({
    ...rowRef(),
    // Kept exactly as typed (a leading tab is the PM's); only a blank reason is refused.
    reason: z.string().check(
      z.maxLength(2000),
      z.refine((text) => text.trim() !== '', 'a reason is needed'),
    ),
    who: z.optional(z.string().check(z.maxLength(200))),
    /** Keys of the pillar it didn't fit and the goal it didn't move. */
    pillar: z.optional(z.string().check(z.maxLength(1000))),
    goal: z.optional(z.string().check(z.maxLength(1000))),
    /** What happens to the roadmap row: left as is, marked declined, or removed. */
    action: z.enum(['keep', 'mark', 'remove']),
    /** Removing a row that tasks link to leaves them without a goal: the PM says so explicitly. */
    removeWithTasks: z.optional(z.boolean()),
  }),
);

export const goalInput = madeOnUse(() => z.strictObject({ sheet: sheetName(), key: itemKey() }));

export const checkInInput = madeOnUse(() =>
  z.strictObject({
    ...rowRef(),
    /** As typed: "17", "17%", "done". Read on the server (core/check-in-value.ts). */
    value: z.string().check(z.maxLength(100)),
    /** Percent. */
    confidence: z.optional(z.int().check(z.gte(0), z.lte(100))),
    // Kept exactly as typed, like a decline's reason.
    note: z.optional(z.string().check(z.maxLength(2000))),
    by: z.optional(z.string().check(z.maxLength(200))),
  }),
);

export const sinceInput = madeOnUse(() => z.optional(z.strictObject({ since: z.optional(sheetName()) })));
