/**
 * One tab in Setup, as a card: the layer it is read as, its header row, what Ladder found on
 * it, and (folded away) which column holds each role.
 */
import type { Setup as SetupData, SetupTab } from '../types';
import { countOf, detectedColumn, type Edit, ROLE_LABELS, type Role, SOURCE_LABELS, USE_LABELS, type Use } from './setup-labels';

interface Props {
  tab: SetupTab;
  choices: SetupData['choices'];
  shown: Edit;
  edited: boolean;
  onEdit(change: Partial<Edit>): void;
}

/** The roles a layer's columns can hold: a declined list has its own, goals add their metric's. */
const rolesOf = (use: Use, choices: SetupData['choices']): readonly Role[] =>
  use === 'declined' ? choices.declinedRoles : use === 'goals' ? [...choices.layerRoles, ...choices.metricRoles] : choices.layerRoles;

function LayerFields({ tab, choices, shown, onEdit }: Omit<Props, 'edited'>) {
  return (
    <div class="row-fields">
      <label class="field">
        Layer
        <select
          aria-label={`Layer of ${tab.sheet}`}
          value={shown.use}
          onChange={(event) => onEdit({ use: (event.target as HTMLSelectElement).value as Use })}
        >
          {choices.uses.map((use) => (
            <option key={use} value={use}>
              {USE_LABELS[use]}
            </option>
          ))}
        </select>
      </label>
      <label class="field narrow">
        Header row
        <input
          type="number"
          aria-label={`Header row of ${tab.sheet}`}
          min={1}
          max={1000}
          value={shown.headerRow}
          onInput={(event) => onEdit({ headerRow: (event.target as HTMLInputElement).value })}
        />
      </label>
    </div>
  );
}

function Columns({ tab, choices, shown, onEdit }: Omit<Props, 'edited'>) {
  return (
    <details>
      <summary>Columns</summary>
      {rolesOf(shown.use, choices).map((role) => (
        <label key={role} class="field">
          {ROLE_LABELS[role] ?? role}
          <select
            aria-label={`${ROLE_LABELS[role] ?? role} column of ${tab.sheet}`}
            value={shown.columns[role] ?? detectedColumn(tab, role)}
            onChange={(event) => onEdit({ columns: { ...shown.columns, [role]: (event.target as HTMLSelectElement).value } })}
          >
            <option value="">—</option>
            {tab.headers.map((header) => (
              <option key={header} value={header}>
                {header}
              </option>
            ))}
          </select>
        </label>
      ))}
    </details>
  );
}

export function TabCard({ edited, ...props }: Props) {
  const { tab, shown } = props;
  return (
    <section class="card">
      <h3 class="title">
        <bdi>{tab.sheet}</bdi>
      </h3>
      <LayerFields {...props} />
      <p class="muted">
        {edited
          ? 'Changed: Save setup to read it this way.'
          : shown.use === 'ignore'
            ? 'Not read.'
            : `${countOf(tab)} · ${SOURCE_LABELS[tab.source] ?? tab.source}`}
      </p>
      {tab.notes.map((note) => (
        <p key={note} class="flag">
          ⚠ {note}
        </p>
      ))}
      {shown.use !== 'ignore' && tab.headers.length > 0 && <Columns {...props} />}
    </section>
  );
}
