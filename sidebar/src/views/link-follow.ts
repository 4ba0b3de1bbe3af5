/**
 * Following the selected row: the server is asked one call at a time, again a few seconds
 * after each answer in Sheets, and an answer to a question older than the newest is dropped.
 */
import type { Reply } from '../server';
import type { RowContext } from '../types';

/** How long after an answer the Link view asks Sheets for the selection again. */
export const POLL_MS = 3000;

export interface Follower {
  /** Wants a fresh answer: sent now, or as soon as the call in flight comes back. */
  request(): void;
  stop(): void;
}

/**
 * Asks for the row one call at a time. google.script.run answers in any order and takes
 * as long as Apps Script takes, so: a poll is a timer started when an answer arrives (an
 * interval would pile calls up behind a slow server); a request made while a call is in
 * flight waits for it; and each request takes a sequence number, so an answer to an older
 * request than the newest (asked before a save or a new selection) is dropped and the row
 * asked for again, instead of painting the view with what the sheet used to say.
 */
export function follow(ask: () => Promise<Reply<RowContext>>, show: (reply: Reply<RowContext>) => void, poll: boolean): Follower {
  let newest = 0;
  let inFlight = false;
  let stopped = false;
  let timer: number | undefined;
  const send = () => {
    const asked = newest;
    inFlight = true;
    const answered = (reply: Reply<RowContext>) => {
      inFlight = false;
      if (stopped) return;
      if (asked < newest) return send();
      show(reply);
      if (poll) timer = window.setTimeout(request, POLL_MS);
    };
    ask().then(answered, (error: unknown) => answered({ ok: false, error: String(error) }));
  };
  const request = () => {
    if (stopped) return;
    newest += 1;
    window.clearTimeout(timer);
    timer = undefined;
    if (!inFlight) send();
  };
  return {
    request,
    stop() {
      stopped = true;
      window.clearTimeout(timer);
    },
  };
}
