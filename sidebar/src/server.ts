/**
 * One way for the sidebar to call the server, wherever it runs: google.script.run inside
 * Sheets, HTTP in the local preview. Every call answers { ok, value } or { ok: false, error }.
 */
import type { ApiInput, ApiName, ApiOutput } from '../../src/api/calls';
import { gasName, type Reply, writes } from '../../src/shared/calls';
import { previewSession, SESSION_HEADER } from './preview-session';

export type { Reply } from '../../src/shared/calls';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

function scriptRun(): ScriptRun | null {
  const google = (window as unknown as { google?: { script?: { run?: ScriptRun } } }).google;
  return google?.script?.run ?? null;
}

/** Whether the sidebar runs inside Sheets (else in the local preview). */
export const inAppsScript = (): boolean => scriptRun() !== null;

function failure(error: unknown): { ok: false; error: string } {
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  return { ok: false, error: message };
}

function announce(name: string, reply: Reply<unknown>): Reply<unknown> {
  // The preview also says when it read the file again (saved elsewhere, or a failed save): the grid follows.
  const reread = !reply.ok && (reply as { changedOnDisk?: boolean }).changedOnDisk === true;
  if (((reply.ok && writes(name)) || reread) && window.parent !== window)
    window.parent.postMessage({ type: 'ladder-changed' }, window.location.origin);
  return reply;
}

/** Calls the server; the name, the input and the answer are typed from the server's list. */
export function call<N extends ApiName>(name: N, input?: ApiInput<N>): Promise<Reply<ApiOutput<N>>> {
  return send<ApiOutput<N>>(name, input).then((reply) => announce(name, reply) as Reply<ApiOutput<N>>);
}

function send<T>(name: string, input?: unknown): Promise<Reply<T>> {
  const run = scriptRun();
  if (run) {
    return new Promise((resolve) => {
      const runner = run.withSuccessHandler((value) => resolve(value as Reply<T>)).withFailureHandler((error) => resolve(failure(error)));
      // A name the runner does not have throws a TypeError here instead of calling the
      // failure handler: answer it as a failure, so no view is left loading on a rejection.
      try {
        (runner[gasName(name)] as (input: unknown) => void)(input);
      } catch (error) {
        resolve(failure(error));
      }
    });
  }
  return fetch(`/api/call/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SESSION_HEADER]: previewSession() },
    body: JSON.stringify(input ?? null),
  }).then(
    (response) => response.json() as Promise<Reply<T>>,
    (error: unknown) => failure(`the preview server did not answer (${failure(error).error})`),
  );
}
