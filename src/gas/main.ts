/**
 * The bundle's entry. esbuild wraps everything in one global object (LadderApp_); the
 * generated top-level functions call into `handlers`, and the build reads `entryPoints`
 * to know which functions to generate. Nothing runs when the bundle loads.
 */
import { ENTRY_POINTS } from './entry-points';

export const handlers: Record<string, (...args: never[]) => unknown> = Object.fromEntries(
  ENTRY_POINTS.map((entry) => [entry.name, entry.run]),
);

export const entryPoints = ENTRY_POINTS.map(({ name, kind, params, doc }) => ({ name, kind, params, doc }));
