/**
 * Setup: which tab Ladder reads as which layer, from which header row, with which columns.
 * The PM can change any of it; the choice is saved in the document and wins over detection.
 * Only what the PM changed is saved, so the rest keeps following the sheet. After saving it
 * reads the tabs again and says what Ladder now does with each changed tab, including where
 * that differs from what was asked (a header row with no headers on it, say).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiInput } from '../../../src/api/calls';
import { call } from '../server';
import type { Setup as SetupData, SetupTab } from '../types';
import { useCall } from '../use-call';
import { useLatest } from '../use-latest';

type Mapping = ApiInput<'saveSetup'>['tabs'][number];
type Use = Mapping['use'];
type Role = keyof NonNullable<Mapping['columns']>;

const ROLE_LABELS: Record<string, string> = {
  id: 'Id',
  title: 'Title',
  parent: 'Link up',
  group: 'Listed under (objective)',
  why: 'Why',
  kind: 'Type',
  effort: 'Effort',
  impact: 'Impact',
  confidence: 'Confidence',
  reach: 'Reach',
  weight: 'Weight',
  baseline: 'Baseline',
  target: 'Target',
  current: 'Current value',
  direction: 'Direction',
  progress: 'Progress',
  start: 'Start date',
  due: 'Due date',
  date: 'Date',
  who: 'Who asked',
  pillar: "Pillar it didn't fit",
  goal: "Goal it didn't move",
};

/** Layers as a PM names them. */
const USE_LABELS: Record<Use, string> = {
  mission: 'Mission',
  vision: 'Vision',
  strategy: 'Strategy pillars',
  'anti-priorities': 'Anti-priorities',
  goals: 'Goals or OKRs',
  roadmap: 'Roadmap',
  tasks: 'Tasks or backlog',
  declined: 'Declined requests',
  ignore: 'Not read',
};

const SOURCE_LABELS: Record<string, string> = {
  settings: 'your setting',
  detected: 'detected from its name',
  columns: 'guessed from its columns',
};

interface Edit {
  use: Use;
  headerRow: string;
  columns: Partial<Record<Role, string>>;
}

/** "7 rows", "1 row", "2 requests" (a declined list holds requests). */
const countOf = (tab: SetupTab) => {
  const noun = tab.use === 'declined' ? 'request' : 'row';
  return `${tab.items} ${noun}${tab.items === 1 ? '' : 's'}`;
};

const detectedColumn = (tab: SetupTab, role: string) => tab.columns.find((column) => column.role === role)?.headers[0] ?? '';

/** What Ladder does with each changed tab now, read back after saving: one sentence each. */
function savedReport(edits: Record<string, Edit>, fresh: SetupData): string[] {
  return Object.entries(edits).map(([sheet, edit]) => {
    const tab = fresh.tabs.find((candidate) => candidate.sheet === sheet);
    if (!tab) return `“${sheet}” is no longer in the workbook.`;
    if (tab.use === 'ignore')
      return edit.use === 'ignore'
        ? `“${sheet}” is not read from now on.`
        : `“${sheet}” could not be read as ${USE_LABELS[edit.use]}${tab.notes[0] ? `: ${tab.notes[0]}` : ''}.`;
    const parts = [
      `“${sheet}” is read as ${USE_LABELS[tab.use as Use] ?? tab.use}${tab.headerRow === null ? '' : `, headers on row ${tab.headerRow}`}`,
    ];
    const asked = edit.headerRow === '' ? null : Number(edit.headerRow);
    if (tab.use !== edit.use) parts.push(`, not as ${USE_LABELS[edit.use]} as you chose`);
    if (asked !== null && tab.headerRow !== asked) parts.push(`, not row ${asked} as you chose`);
    for (const [role, header] of Object.entries(edit.columns)) {
      if (header === '') continue;
      const now = detectedColumn(tab, role);
      parts.push(
        now === header
          ? `; ${ROLE_LABELS[role] ?? role} from “${header}”`
          : `; ${ROLE_LABELS[role] ?? role} could not be read from “${header}”`,
      );
    }
    const mismatch = tab.use !== edit.use || (asked !== null && tab.headerRow !== asked);
    return `${parts.join('')}.${mismatch && tab.notes.length > 0 ? ` ${tab.notes.join(' ')}` : ''}`;
  });
}

export function Setup({ active, onDirty }: { active: boolean; onDirty(dirty: boolean): void }) {
  const setup = useCall('setup', undefined, [], active);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  // The answer is at the top and the Save button at the bottom: take the PM (and the focus) to it.
  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);
  const changed = Object.keys(edits).length > 0;
  const report = useLatest(onDirty);
  useEffect(() => report.current(changed), [changed, report]);
  if (setup.loading && !setup.value)
    return (
      <p class="muted" role="status">
        Reading the tabs…
      </p>
    );
  if (setup.error || !setup.value)
    return (
      <p class="error" role="alert">
        {setup.error}
      </p>
    );
  const data = setup.value;
  const shownOf = (tab: SetupTab): Edit =>
    edits[tab.sheet] ?? { use: tab.use as Use, headerRow: tab.headerRow === null ? '' : String(tab.headerRow), columns: {} };
  const edit = (tab: SetupTab, change: Partial<Edit>) => setEdits({ ...edits, [tab.sheet]: { ...shownOf(tab), ...change } });

  const save = () => {
    const kept = data.saved.tabs.filter((tab) => !(tab.sheet in edits) && data.tabs.some((candidate) => candidate.sheet === tab.sheet));
    const changed = Object.entries(edits)
      .map(([sheet, { use, headerRow, columns }]) => {
        const tab = data.tabs.find((candidate) => candidate.sheet === sheet)!;
        const chosen: Partial<Record<Role, string>> = Object.fromEntries(
          Object.entries(columns).filter(([role, header]) => header !== '' && header !== detectedColumn(tab, role)),
        );
        const mapping: Mapping = {
          sheet,
          use,
          ...(headerRow && Number(headerRow) !== tab.headerRow ? { headerRow: Number(headerRow) } : {}),
          ...(Object.keys(chosen).length > 0 ? { columns: chosen } : {}),
        };
        return mapping;
      })
      // A tab set back to what Ladder reads anyway saves nothing, so it keeps following the sheet.
      .filter((mapping) => {
        const tab = data.tabs.find((candidate) => candidate.sheet === mapping.sheet)!;
        const wasSaved = data.saved.tabs.some((saved) => saved.sheet === mapping.sheet);
        return wasSaved || mapping.use !== tab.use || mapping.headerRow !== undefined || mapping.columns !== undefined;
      });
    setBusy(true);
    void call('saveSetup', { version: 1, tabs: [...kept, ...changed] }).then(async (reply) => {
      if (!reply.ok) {
        setBusy(false);
        setMessage({ ok: false, lines: [reply.error] });
        return;
      }
      const fresh = await call('setup');
      setBusy(false);
      setMessage(
        fresh.ok
          ? { ok: true, lines: ['Saved.', ...savedReport(edits, fresh.value)] }
          : { ok: true, lines: ['Saved, but the tabs could not be read again:', fresh.error] },
      );
      setEdits({});
      void setup.reload();
    });
  };

  return (
    <div>
      <h2>Tabs</h2>
      {data.warnings.map((warning) => (
        <p key={warning} class="flag">
          ⚠ {warning}
        </p>
      ))}
      <div role="status" tabIndex={-1} ref={status} class={message?.ok === false ? 'error' : 'said'}>
        {message?.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {data.tabs.map((tab) => {
        const shown = shownOf(tab);
        const roles: readonly Role[] =
          shown.use === 'declined'
            ? data.choices.declinedRoles
            : shown.use === 'goals'
              ? [...data.choices.layerRoles, ...data.choices.metricRoles]
              : data.choices.layerRoles;
        return (
          <section key={tab.sheet} class="card">
            <h3 class="title">
              <bdi>{tab.sheet}</bdi>
            </h3>
            <div class="row-fields">
              <label class="field">
                Layer
                <select
                  aria-label={`Layer of ${tab.sheet}`}
                  value={shown.use}
                  onChange={(event) => edit(tab, { use: (event.target as HTMLSelectElement).value as Use })}
                >
                  {data.choices.uses.map((use) => (
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
                  onInput={(event) => edit(tab, { headerRow: (event.target as HTMLInputElement).value })}
                />
              </label>
            </div>
            <p class="muted">
              {tab.sheet in edits
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
            {shown.use !== 'ignore' && tab.headers.length > 0 && (
              <details>
                <summary>Columns</summary>
                {roles.map((role) => (
                  <label key={role} class="field">
                    {ROLE_LABELS[role] ?? role}
                    <select
                      aria-label={`${ROLE_LABELS[role] ?? role} column of ${tab.sheet}`}
                      value={shown.columns[role] ?? detectedColumn(tab, role)}
                      onChange={(event) => edit(tab, { columns: { ...shown.columns, [role]: (event.target as HTMLSelectElement).value } })}
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
            )}
          </section>
        );
      })}
      <div class="actions">
        <button type="button" class="primary" disabled={!changed || busy} onClick={save}>
          Save setup
        </button>
        {changed && (
          <button type="button" disabled={busy} onClick={() => setEdits({})}>
            Undo changes
          </button>
        )}
      </div>
    </div>
  );
}
