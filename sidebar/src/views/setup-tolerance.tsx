/**
 * Setup's one planning setting: how many points a pillar's share of effort may be off its
 * target before Ladder flags it over or under invested (DESIGN §10). Left empty, the default
 * applies; what was saved is kept when only the tabs are changed.
 */
export interface ToleranceChoice {
  readonly saved: number | null;
  readonly default: number;
}

/** The tolerance to save from what is in the box: a whole or decimal number of points, 0 to 100, or none. */
export function toleranceOf(text: string): { ok: true; value: number | null } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0 || value > 100)
    return {
      ok: false,
      error: `Nothing was saved: the tolerance must be a number of points from 0 to 100, not “${trimmed.slice(0, 40)}”.`,
    };
  return { ok: true, value };
}

/** The sentence said after saving a changed tolerance. */
export function toleranceReport(value: number | null, choice: ToleranceChoice): string {
  const points = value ?? choice.default;
  return `A pillar's share of effort may now be ${points} point${points === 1 ? '' : 's'} off its target before it is flagged${value === null ? ' (the default)' : ''}.`;
}

export function ToleranceField({ choice, shown, onEdit }: { choice: ToleranceChoice; shown: string; onEdit(text: string): void }) {
  return (
    <section class="card">
      <h3 class="title">Effort against targets</h3>
      <label class="field narrow">
        Tolerance, in points
        <input
          type="number"
          min={0}
          max={100}
          step="any"
          inputMode="decimal"
          placeholder={`${choice.default} (the default)`}
          value={shown}
          aria-describedby="tolerance-help"
          onInput={(event) => onEdit((event.target as HTMLInputElement).value)}
        />
      </label>
      <p id="tolerance-help" class="muted">
        How far a pillar's share of the roadmap's effort may be from its target before Ladder flags it over or under invested. Empty means{' '}
        {choice.default}.
      </p>
    </section>
  );
}
