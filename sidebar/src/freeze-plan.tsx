/**
 * The "Freeze this plan" button, the question before it writes (a snapshot tab is never changed
 * afterwards), and what it did: the sentence takes the focus from the buttons it replaced, and
 * is in a live region for a screen reader.
 */
import { useEffect, useRef } from 'preact/hooks';
import { ConfirmStep } from './confirm-step';
import { useFreeze } from './use-freeze';

/** The question before the write: a snapshot tab is never changed afterwards. */
function Ask({ busy, onFreeze, onBack }: { busy: boolean; onFreeze(): void; onBack(): void }) {
  return (
    <ConfirmStep question="Freeze the plan?" action={busy ? 'Freezing…' : 'Freeze it'} busy={busy} onConfirm={onFreeze} onBack={onBack}>
      Freeze the plan as it is now into a new tab? It is never changed afterwards.
    </ConfirmStep>
  );
}

export function FreezePlan({ onFrozen }: { onFrozen: (sheet: string) => void }) {
  const { step, said, ask, back, freeze } = useFreeze(onFrozen);
  const result = useRef<HTMLParagraphElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    // What it did takes the focus; Back gives it to the button again.
    if (said) result.current?.focus();
    else if (step === 'idle' && asked.current) start.current?.focus();
    asked.current = step !== 'idle';
  }, [said, step]);
  return (
    <section aria-labelledby="freeze-head">
      <h2 id="freeze-head">Freeze this plan</h2>
      <p class="muted">Keeps the whole cascade as it is today, as values in a new tab, to compare with later.</p>
      {step === 'idle' ? (
        <div class="actions">
          <button type="button" ref={start} onClick={ask}>
            Freeze this plan
          </button>
        </div>
      ) : (
        <Ask busy={step === 'busy'} onFreeze={freeze} onBack={back} />
      )}
      <div aria-live="polite">
        {said && (
          <p ref={result} tabIndex={-1} class={said.ok ? 'said' : 'error'}>
            {said.text}
          </p>
        )}
      </div>
    </section>
  );
}
