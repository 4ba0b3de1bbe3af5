/** How the sidebar names rows and goals in what it says: by title, with the id when it differs. */

/** “Model S” (R-2), or “R-2” when the row has no other title. */
export const named = (item: { title: string; key: string }) =>
  item.title && item.title !== item.key ? `“${item.title}” (${item.key})` : `“${item.key}”`;

/** Reach 10% of US luxury sedan sales (2) 60%, Be profitable at every rung (3) 40%. */
export const goalNames = (goals: readonly { key: string; title: string; share: number | null }[]) =>
  goals
    .map(
      (goal) =>
        `${goal.title && goal.title !== goal.key ? `${goal.title} (${goal.key})` : goal.key}${goal.share === null ? '' : ` ${goal.share}%`}`,
    )
    .join(', ');
