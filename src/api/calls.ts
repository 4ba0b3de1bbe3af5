/**
 * The sidebar's server calls, in one list. `callApi` is the single door: it looks the call
 * up, validates the input with the call's zod schema, runs it against the port, and answers
 * { ok, value } or { ok: false, error }. Apps Script (google.script.run) and the local
 * preview (HTTP) both come through here, so what is tested locally is what ships.
 */
import type * as z from 'zod/mini';
import { issueText } from '../core/input-issues';
import type { CallName } from '../shared/calls';
import { checkIn, goalProgress } from './calls/check-in';
import { declineRow } from './calls/decline-row';
import { health } from './calls/health';
import { linkRow } from './calls/link-row';
import { freezePlan, planChanges } from './calls/plan-changes';
import { rowContext } from './calls/row-context';
import { saveSetup, setup } from './calls/setup';
import { strategy } from './calls/strategy';
import type { WorkbookPort } from './port';
import { type Reply, toReply } from './reply';

export { gasName } from '../shared/calls';

/** Any call, as the one door sees it before it knows which: the input is checked by the call's own schema first. */
interface AnyCall {
  readonly name: string;
  readonly input: z.ZodMiniType;
  run(port: WorkbookPort, input: unknown): unknown;
}

export const API_CALLS = [
  health,
  setup,
  saveSetup,
  rowContext,
  linkRow,
  declineRow,
  strategy,
  goalProgress,
  checkIn,
  freezePlan,
  planChanges,
] as const;

/** The client's view of the list: each call's name, what it takes and what it answers. */
type Calls = (typeof API_CALLS)[number];
export type ApiName = Calls['name'];
export type ApiInput<N extends ApiName> = z.input<Extract<Calls, { name: N }>['input']>;
export type ApiOutput<N extends ApiName> = ReturnType<Extract<Calls, { name: N }>['run']>;

// Every call of the shared list is defined here, and nothing else: the sidebar relies on that list.
const _everyCallDefined: Record<CallName, true> = Object.fromEntries(API_CALLS.map((call) => [call.name, true])) as Record<ApiName, true>;
void _everyCallDefined;

export function callApi(port: WorkbookPort, name: unknown, input: unknown): Reply<unknown> {
  const call = (API_CALLS as readonly AnyCall[]).find((candidate) => candidate.name === name);
  if (!call) return { ok: false, error: `Ladder has no call named "${String(name).slice(0, 60)}".` };
  // google.script.run sends a call made with no argument (undefined) as null (DESIGN §8): for
  // the server it is the same "no input", which calls without input accept and others refuse.
  const parsed = call.input.safeParse(input === null ? undefined : input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return { ok: false, error: `That request was not valid${where}: ${issue ? issueText(issue) : 'unreadable input'}.` };
  }
  return toReply(() => call.run(port, parsed.data));
}
