/**
 * Review's health at a glance: how much of each layer reaches a goal, the flags counted (those
 * of queued rows filter the queue), the strategy's own checks, and warnings about the setup.
 */
import type { Health } from '../types';
import { percent } from './review-format';

interface Filters {
  filter: ReadonlySet<string>;
  onFilter(code: string): void;
}

function FlagCounts({ health, filter, onFilter }: { health: Health } & Filters) {
  if (health.flagCounts.length === 0) return <p class="ok">Nothing flagged.</p>;
  const inQueue = new Set(health.queue.flatMap((at) => health.flagged[at]!.codes));
  return (
    <fieldset class="chips">
      <legend class="visually-hidden">Show only rows with</legend>
      {health.flagCounts.map((entry) =>
        // Only the flags of rows in the queue filter it; the others (goals nothing reaches, a missing why)
        // are counted here and listed below.
        !inQueue.has(entry.code) ? (
          <span key={entry.code} class="chip-count">
            {entry.label} <strong>{entry.rows}</strong>
          </span>
        ) : (
          <button
            key={entry.code}
            type="button"
            class="chip-filter"
            aria-pressed={filter.has(entry.code)}
            title={entry.code}
            onClick={() => onFilter(entry.code)}
          >
            {entry.label} <strong>{entry.rows}</strong>
          </button>
        ),
      )}
    </fieldset>
  );
}

function Warnings({ warnings, onOpenSetup }: { warnings: readonly string[]; onOpenSetup(): void }) {
  if (warnings.length === 0) return null;
  return (
    <div class="warning" role="note">
      {warnings.map((warning) => (
        <p key={warning}>{warning}</p>
      ))}
      <button type="button" class="link-button" onClick={onOpenSetup}>
        Check it in Setup
      </button>
    </div>
  );
}

export function Summary({ health, onOpenSetup, ...filters }: { health: Health; onOpenSetup(): void } & Filters) {
  return (
    <section aria-labelledby="health-head">
      <h2 id="health-head">Health</h2>
      {health.coverage.map((cover) => (
        <p key={cover.layer} class="coverage">
          <strong>{percent(cover.reaching, cover.rows)}</strong> of {cover.noun}s reach a goal ({cover.reaching} of {cover.rows})
          {cover.effort > 0 ? `; ${percent(cover.effortReaching, cover.effort)} of their effort` : ''}.
        </p>
      ))}
      <FlagCounts health={health} {...filters} />
      {health.strategy.checks.map((check) => (
        <p key={check} class="flag">
          ⚠ {check}
        </p>
      ))}
      <Warnings warnings={health.warnings} onOpenSetup={onOpenSetup} />
    </section>
  );
}
