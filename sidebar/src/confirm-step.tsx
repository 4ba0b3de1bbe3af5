/**
 * The question asked before a write the PM should think twice about (replacing their own links,
 * freezing the plan into a tab never changed afterwards): a group named by the question, one
 * sentence saying what the write does, the action and Back. Every such step in the sidebar is
 * this one, so each looks, reads to a screen reader and takes the focus the same way.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  /** The group's name, read by a screen reader (the sentence says it on screen): "Replace the link?". */
  question: string;
  /** The primary button's label; it may change while `busy` ("Freezing…"). */
  action: ComponentChildren;
  /** A write is under way: both buttons wait for its answer. */
  busy: boolean;
  onConfirm(): void;
  onBack(): void;
  /** The sentence: what the write does, from what the server said. */
  children: ComponentChildren;
}

export function ConfirmStep({ question, action, busy, onConfirm, onBack, children }: Props) {
  const yes = useRef<HTMLButtonElement>(null);
  // The step replaces the button that asked for it, which took the focus with it: the answer gets it.
  useEffect(() => yes.current?.focus(), []);
  return (
    <fieldset class="confirm">
      <legend class="visually-hidden">{question}</legend>
      <p>{children}</p>
      <div class="actions">
        <button type="button" class="primary" ref={yes} disabled={busy} onClick={onConfirm}>
          {action}
        </button>
        <button type="button" disabled={busy} onClick={onBack}>
          Back
        </button>
      </div>
    </fieldset>
  );
}
