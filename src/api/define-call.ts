/**
 * One server call, declared once: its name (one of src/shared/calls.ts), the zod schema of
 * what it takes, and what it does with the workbook. The input's type is the schema's output
 * and the answer's type is what `run` returns, both inferred, so neither is typed by hand.
 */
import type * as z from 'zod/mini';
import { CALL_WRITES, type CallName } from '../shared/calls';
import type { WorkbookPort } from './port';

export interface CallDefinition<N extends CallName, S extends z.ZodMiniType, O> {
  readonly name: N;
  readonly input: S;
  /** Whether the call changes the workbook (from the shared list the sidebar reads too). */
  readonly writes: (typeof CALL_WRITES)[N];
  run(port: WorkbookPort, input: z.output<S>): O;
}

export function defineCall<N extends CallName, S extends z.ZodMiniType, O>(definition: {
  name: N;
  input: S;
  run(port: WorkbookPort, input: z.output<S>): O;
}): CallDefinition<N, S, O> {
  return { ...definition, writes: CALL_WRITES[definition.name] };
}
