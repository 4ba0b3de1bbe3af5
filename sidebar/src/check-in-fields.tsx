/**
 * The boxes of a check-in form: the value (required), the confidence (checked as typed), a
 * note and who checks in. Each hint and error is tied to its box for a screen reader.
 */
import type { Ref } from 'preact';
import type { Typed } from './use-check-in';

const typedIn = (event: Event) => (event.target as HTMLInputElement).value;

export function CheckInFields({
  typed,
  sure,
  ids,
  valueRef,
}: {
  typed: Typed;
  sure: boolean;
  ids: string;
  valueRef: Ref<HTMLInputElement>;
}) {
  return (
    <>
      <div class="row-fields">
        <label class="field">
          Value now <span class="muted">(required)</span>
          <input
            ref={valueRef}
            type="text"
            required
            autoComplete="off"
            aria-describedby={`${ids}-hint`}
            value={typed.value}
            onInput={(event) => typed.setValue(typedIn(event))}
          />
        </label>
        <label class="field narrow">
          Confidence %
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={!sure}
            aria-describedby={sure ? undefined : `${ids}-sure`}
            value={typed.confidence}
            onInput={(event) => typed.setConfidence(typedIn(event))}
          />
        </label>
      </div>
      <p id={`${ids}-hint`} class="hint">
        A number (17, 1,200, 17%, $200) or done / not done.
      </p>
      {!sure && (
        <p id={`${ids}-sure`} class="error" role="alert">
          Confidence is a whole percent from 0 to 100, or blank.
        </p>
      )}
      <label class="field">
        Note
        <textarea rows={2} value={typed.note} onInput={(event) => typed.setNote(typedIn(event))} />
      </label>
      <label class="field">
        Checked in by
        <input type="text" autoComplete="off" value={typed.by} onInput={(event) => typed.setBy(typedIn(event))} />
      </label>
    </>
  );
}
