/**
 * The sidebar's server calls as both sides know them: each call's name and whether it changes
 * the workbook, the name Apps Script exposes it under, and the shape of every answer.
 * Dependency-free, so the sidebar (in the browser), the Apps Script entry points and the
 * preview server share this one file. The calls themselves, with their input schemas, are in
 * src/api/calls; a call missing here, or here and missing there, does not compile.
 */
export const CALL_WRITES = {
  health: false,
  setup: false,
  saveSetup: true,
  rowContext: false,
  linkRow: true,
  declineRow: true,
  strategy: false,
  goalProgress: false,
  checkIn: true,
  freezePlan: true,
  planChanges: false,
} as const;

export type CallName = keyof typeof CALL_WRITES;

/** What every call answers: { ok: true, value } or { ok: false, error }. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Whether a call changes the workbook (the preview reloads its grid after one). */
export function writes(name: string): boolean {
  return Object.hasOwn(CALL_WRITES, name) && CALL_WRITES[name as CallName];
}

/** The top-level function name Apps Script exposes for a call ("linkRow" → "ladderLinkRow"). */
export function gasName(call: string): string {
  return `ladder${call.charAt(0).toUpperCase()}${call.slice(1)}`;
}
