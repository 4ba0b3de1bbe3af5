/**
 * A model of `google.script.run`, the sidebar's only road to the server in Sheets, for
 * browser tests of the built sidebar. It has two halves:
 *  - a client shim (buildClientShim) injected into the page, which only describes each
 *    argument and hands it over, and calls the success or failure handler later;
 *  - a Node-side ScriptRunModel, which holds every rule (what may cross, how it is copied,
 *    how many calls may be in flight, when and in which order replies come back) and calls
 *    the server through a callback, in the browser test the vm-loaded bundle.
 * The rules live in Node so they are unit-tested (test/gas/script-run.test.ts) and so the
 * page cannot loosen them.
 *
 * Sources, cited below by short name:
 *  [run]  "Class google.script.run (Client-side API)",
 *         https://developers.google.com/apps-script/guides/html/reference/run
 *  [comm] "HTML Service: Communicate with Server Functions",
 *         https://developers.google.com/apps-script/guides/html/communication
 * Quotation marks mark Google's words (checked in the English pages); the rest paraphrases
 * them (the parameter rules were checked in the pages' translations). Where Google says
 * nothing, the model picks the stricter reading, and says so.
 */
import { types } from 'node:util';
import type { Page } from 'playwright-core';
import { seededRandom as seeded } from '../../fixtures/random';

/** What crosses the wire: JSON values only. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A reply as the client shim receives it. */
export type Outcome = { ok: true; value: Json } | { ok: false; error: { name: string; message: string } };

/** The server side: runs the top-level function `name` with positional `args`. */
export type ServerCall = (name: string, args: unknown[]) => unknown;

/**
 * How the shim describes one value for the trip to Node. It decides nothing: a Date is
 * described as a Date, so that Node (not the page) refuses it. See decode().
 */
export type Encoded =
  | { t: 'undefined' }
  | { t: 'json'; v: null | boolean | string | number }
  | { t: 'number'; v: string }
  | { t: 'bigint'; v: string }
  | { t: 'symbol' }
  | { t: 'function'; name: string }
  | { t: 'date'; v: number }
  | { t: 'dom'; tag: string }
  | { t: 'array'; items: Encoded[] }
  | { t: 'object'; entries: [string, Encoded][] }
  | { t: 'other'; kind: string }
  | { t: 'cycle' };

/** Stand-ins for values that only exist in the page, so the Node rules can see them. */
export class DomElement {
  constructor(readonly tag: string) {}
}
export class Opaque {
  constructor(readonly kind: string) {}
}
export class Cycle {}

/** The page's description back into a value the rules can judge. */
export function decode(encoded: Encoded): unknown {
  switch (encoded.t) {
    case 'undefined':
      return undefined;
    case 'json':
      return encoded.v;
    case 'number':
      return Number(encoded.v);
    case 'bigint':
      return BigInt(encoded.v);
    case 'symbol':
      return Symbol('from the page');
    case 'function':
      return Object.defineProperty(() => undefined, 'name', { value: encoded.name });
    case 'date':
      return new Date(encoded.v);
    case 'dom':
      return new DomElement(encoded.tag);
    case 'array':
      return encoded.items.map(decode);
    case 'object':
      return Object.fromEntries(encoded.entries.map(([key, value]) => [key, decode(value)]));
    case 'other':
      return new Opaque(encoded.kind);
    case 'cycle':
      return new Cycle();
  }
}

type Copied = { ok: true; value: Json } | { ok: false; error: string };

const where = (path: string) => (path === '' ? '' : ` (at ${path})`);
const REFUSED = 'google.script.run carries only numbers, booleans, strings, null, and arrays and plain objects of them';

/** "Map", "RegExp", or "Goal instance" for an object of a class. */
function kindOf(value: object): string {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return tag === 'Object' ? `${(value as { constructor?: { name?: string } }).constructor?.name || 'Object'} instance` : tag;
}

/** A plain object of any realm (the bundle's replies are made in the vm's realm). */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]');
}

/**
 * Copies one value as google.script.run would send it, or says why it cannot go. Per
 * [run] myFunction(...) > Parameters, and [comm] "Parameters and return values": legal
 * values are the primitives (number, boolean, string, null) and objects and arrays made of
 * them; a Date, a function, a DOM element other than a form, or any other prohibited type,
 * also deep inside an object or array, makes the request fail; so does a circular
 * reference; undefined fields of an array become null; the server receives a copy. Per
 * [run] myFunction(...) > Return, a return value obeys the same rules (and a form is not
 * a legal return value).
 */
function copy(value: unknown, path: string, ancestors: Set<object>): Copied {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') {
    // Not documented: JSON would turn NaN and Infinity into null. Refusing is stricter and
    // catches a NaN before a view shows "null" for a number.
    return Number.isFinite(value)
      ? { ok: true, value }
      : { ok: false, error: `${String(value)} is not a finite number${where(path)}; ${REFUSED}` };
  }
  if (typeof value === 'function') return { ok: false, error: `a function${where(path)} cannot be sent; ${REFUSED}` };
  if (typeof value !== 'object') return { ok: false, error: `a ${typeof value}${where(path)} cannot be sent; ${REFUSED}` };
  if (types.isDate(value))
    return {
      ok: false,
      error: `a Date${where(path)} cannot be sent (Apps Script refuses Dates both ways: send an ISO string); ${REFUSED}`,
    };
  if (value instanceof DomElement) {
    // A form as the only argument is legal [run], but the sidebar sends none: the model
    // refuses every element rather than imitate the form encoding.
    return { ok: false, error: `a DOM element <${value.tag.toLowerCase()}>${where(path)} cannot be sent; ${REFUSED}` };
  }
  if (value instanceof Cycle || ancestors.has(value)) return { ok: false, error: `a circular reference${where(path)} cannot be sent` };
  if (value instanceof Opaque) return { ok: false, error: `a ${value.kind}${where(path)} cannot be sent; ${REFUSED}` };
  if (Array.isArray(value)) {
    ancestors.add(value);
    const items: Json[] = [];
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      // [run] and [comm]: undefined fields within arrays become null (holes included).
      if (item === undefined) {
        items.push(null);
        continue;
      }
      const copied = copy(item, `${path}[${index}]`, ancestors);
      if (!copied.ok) return copied;
      items.push(copied.value);
    }
    ancestors.delete(value);
    return { ok: true, value: items };
  }
  if (!isPlain(value)) {
    // Not documented for Map, Set, RegExp, class instances: JSON would send most as {}.
    // Refusing is stricter: the server and the sidebar then never lose data silently.
    return { ok: false, error: `a ${kindOf(value)}${where(path)} cannot be sent; ${REFUSED}` };
  }
  ancestors.add(value);
  const object: { [key: string]: Json } = {};
  for (const key of Object.keys(value)) {
    const field: unknown = (value as Record<string, unknown>)[key];
    // Not documented for objects: the model drops undefined fields, as JSON does, so a
    // sidebar cannot rely on `'key' in value` for an optional field.
    if (field === undefined) continue;
    const copied = copy(field, path === '' ? key : `${path}.${key}`, ancestors);
    if (!copied.ok) return copied;
    object[key] = copied.value;
  }
  ancestors.delete(value);
  return { ok: true, value: object };
}

/**
 * The arguments of one call. [comm] and [run] describe them as positional values; DESIGN
 * §8 records that they travel as an array, so by the array rule above a top-level
 * `undefined` (a call made with no input) arrives as null.
 */
export function serialiseArguments(args: readonly unknown[]): { ok: true; value: Json[] } | { ok: false; error: string } {
  const sent: Json[] = [];
  for (const [index, arg] of args.entries()) {
    if (arg === undefined) {
      sent.push(null);
      continue;
    }
    const copied = copy(arg, '', new Set());
    if (!copied.ok) return { ok: false, error: `google.script.run refused the call: argument ${index + 1}: ${copied.error}` };
    sent.push(copied.value);
  }
  return { ok: true, value: sent };
}

/**
 * A server function's return value. Not documented for a top-level undefined (a function
 * that returns nothing): the model hands null to the success handler, as the array rule
 * would, so no view can tell "nothing" from "null".
 */
export function serialiseReply(value: unknown): Copied {
  if (value === undefined) return { ok: true, value: null };
  const copied = copy(value, '', new Set());
  return copied.ok ? copied : { ok: false, error: `the server's reply could not be sent back: ${copied.error}` };
}

export interface CallRecord {
  readonly id: number;
  readonly name: string;
  /** The arguments as the server received them (null when they were refused). */
  readonly args: Json[] | null;
  /** When it was asked and answered, on the model's event counter (asked < answered). */
  readonly asked: number;
  answered: number | null;
  /** A refused call never reached the server and holds no slot while its failure travels. */
  status: 'in flight' | 'held' | 'refused' | 'answered';
  outcome: Outcome | null;
}

export interface ScriptRunOptions {
  /** [comm]: "The google.script.run API allows 10 concurrent calls to server functions." */
  maxInFlight?: number;
  /** Replies come back after a pseudo-random delay up to this many ms, seeded by `seed`. */
  jitterMs?: number;
  seed?: number;
  /** Callable names; default: whatever the server callback accepts. */
  functions?: readonly string[];
}

const failed = (message: string, name = 'ScriptError'): Outcome => ({ ok: false, error: { name, message } });

export class ScriptRunModel {
  readonly calls: CallRecord[] = [];
  private events = 0;
  private readonly holding = new Set<string>();
  private readonly delays = new Map<string, number>();
  private readonly pending = new Map<number, (outcome: Outcome) => void>();
  private readonly peaks = new Map<string, number>();
  private readonly random: (() => number) | null;
  readonly maxInFlight: number;

  constructor(
    private readonly server: ServerCall,
    private readonly options: ScriptRunOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? 10;
    this.random = options.jitterMs ? seeded(options.seed ?? 1) : null;
  }

  /** Replies to `name` wait `ms` (real time, in Node) before they come back. */
  delay(name: string, ms: number): this {
    this.delays.set(name, ms);
    return this;
  }

  /** Replies to `name` wait until released: the test decides when, and in which order. */
  hold(name: string): this {
    this.holding.add(name);
    return this;
  }

  /** Later calls to `name` are answered again; replies already held stay held. */
  unhold(name: string): this {
    this.holding.delete(name);
    return this;
  }

  /** Sends back the reply of one held call. */
  release(id: number): void {
    const record = this.calls.find((call) => call.id === id);
    if (record?.status !== 'held') throw new Error(`call ${id} is not held`);
    this.answer(record);
  }

  /** Sends back every held reply (of `name`, or all), newest first unless told otherwise. */
  releaseAll(name?: string, order: 'newest first' | 'oldest first' = 'newest first'): number[] {
    const held = this.held(name);
    if (order === 'newest first') held.reverse();
    for (const record of held) this.answer(record);
    return held.map((record) => record.id);
  }

  held(name?: string): CallRecord[] {
    return this.calls.filter((call) => call.status === 'held' && (name === undefined || call.name === name));
  }

  /** Calls sent and not answered yet (of `name`, or all). */
  inFlight(name?: string): number {
    return this.calls.filter(
      (call) => (call.status === 'in flight' || call.status === 'held') && (name === undefined || call.name === name),
    ).length;
  }

  /** The most calls of `name` that were ever in flight at once. */
  peak(name: string): number {
    return this.peaks.get(name) ?? 0;
  }

  callsOf(name: string): CallRecord[] {
    return this.calls.filter((call) => call.name === name);
  }

  /**
   * One call, as the shim makes it. The promise settles later, never in the same turn:
   * [comm] "Client-side calls to server-side functions are asynchronous".
   */
  invoke(name: string, args: readonly unknown[]): Promise<Outcome> {
    return new Promise((resolve) => {
      const id = this.calls.length + 1;
      const refuse = (outcome: Outcome, sent: Json[] | null) => {
        const record: CallRecord = { id, name, args: sent, asked: ++this.events, answered: null, status: 'refused', outcome };
        this.calls.push(record);
        setTimeout(() => {
          record.status = 'answered';
          record.answered = ++this.events;
          resolve(outcome);
        }, 0);
      };
      if (this.options.functions && !this.options.functions.includes(name)) {
        return refuse(failed(`Script function not found: ${name}`), null);
      }
      // [comm]: "If you make an 11th call while 10 are still running, the server function
      // will be delayed until one of the 10 spots is freed." Google queues it; the model
      // refuses it instead, so a sidebar that lets calls pile up fails a test rather than
      // slowing down unseen in Sheets.
      if (this.inFlight() >= this.maxInFlight) {
        return refuse(
          failed(
            `google.script.run (model): call ${name} refused: ${this.maxInFlight} calls are already in flight (Google delays an 11th call; this model is stricter)`,
          ),
          null,
        );
      }
      const sent = serialiseArguments(args);
      if (!sent.ok) return refuse(failed(sent.error), null);

      const record: CallRecord = { id, name, args: sent.value, asked: ++this.events, answered: null, status: 'in flight', outcome: null };
      this.calls.push(record);
      this.peaks.set(name, Math.max(this.peak(name), this.inFlight(name)));
      // The server runs when the call arrives; only the trip back is delayed. So a held
      // reply says what the sheet said when it was asked: that is what makes it stale.
      let outcome: Outcome;
      try {
        // A fresh copy for the server: [run] the server gets a copy, never the original.
        const reply = serialiseReply(this.server(name, JSON.parse(JSON.stringify(sent.value)) as Json[]));
        outcome = reply.ok ? { ok: true, value: reply.value } : failed(reply.error);
      } catch (error) {
        // [run] withFailureHandler: "Sets a callback function to run if the server-side
        // function throws an exception"; its first parameter is an Error.
        outcome = failed(
          error instanceof Error || (typeof error === 'object' && error && 'message' in error)
            ? String((error as Error).message)
            : String(error),
          'Error',
        );
      }
      record.outcome = outcome;
      this.pending.set(id, resolve);
      if (this.holding.has(name)) {
        record.status = 'held';
        return undefined;
      }
      const wait = this.delays.get(name) ?? (this.random ? Math.floor(this.random() * (this.options.jitterMs ?? 0)) : 0);
      setTimeout(() => this.answer(record), wait);
      return undefined;
    });
  }

  /** What the page's bridge calls: the shim's descriptions, copied as a wire would. */
  bridge = (name: string, encoded: Encoded[]): Promise<Outcome> => {
    const args = (JSON.parse(JSON.stringify(encoded)) as Encoded[]).map(decode);
    return this.invoke(name, args).then((outcome) => JSON.parse(JSON.stringify(outcome)) as Outcome);
  };

  private answer(record: CallRecord): void {
    const resolve = this.pending.get(record.id);
    if (!resolve || record.status === 'answered') return;
    this.pending.delete(record.id);
    record.status = 'answered';
    record.answered = ++this.events;
    resolve(record.outcome!);
  }
}

/** The names a page may call: top-level functions, without the private ones. */
export function topLevelFunctions(context: object): string[] {
  // Apps Script keeps a function whose name ends with an underscore private: the client
  // cannot call it ([comm], section "Private functions").
  // The search corpus did not return that section, so this one rests on the guide as
  // remembered, and on Ladder never needing a private name from the page.
  return Object.keys(context).filter((name) => typeof (context as Record<string, unknown>)[name] === 'function' && !name.endsWith('_'));
}

export const BRIDGE = '__ladderScriptRunBridge';

/**
 * The client shim's source, for page.addInitScript (or a vm in the unit tests). It runs in
 * the page, so it is plain JavaScript in a string: nothing a test runner's transform could
 * add helpers to, nothing that closes over this module.
 */
export function buildClientShim(functions: readonly string[], bridge = BRIDGE): string {
  return `(${CLIENT_SHIM})(${JSON.stringify({ functions, bridge })});`;
}

const CLIENT_SHIM = `function (config) {
  'use strict';
  var root = globalThis;
  // Describes a value for the trip to Node and decides nothing: Node refuses what must be.
  function describe(value, ancestors) {
    if (value === undefined) return { t: 'undefined' };
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return { t: 'json', v: value };
    if (typeof value === 'number') return Number.isFinite(value) ? { t: 'json', v: value } : { t: 'number', v: String(value) };
    if (typeof value === 'bigint') return { t: 'bigint', v: String(value) };
    if (typeof value === 'symbol') return { t: 'symbol' };
    if (typeof value === 'function') return { t: 'function', name: value.name || '' };
    var kind = Object.prototype.toString.call(value).slice(8, -1);
    if (kind === 'Date') return { t: 'date', v: value.getTime() };
    if (typeof root.Node === 'function' && value instanceof root.Node) return { t: 'dom', tag: String(value.nodeName || '?') };
    if (ancestors.indexOf(value) >= 0) return { t: 'cycle' };
    var inner = ancestors.concat([value]);
    if (Array.isArray(value)) {
      var items = [];
      for (var index = 0; index < value.length; index++) items.push(describe(value[index], inner));
      return { t: 'array', items: items };
    }
    // Plain in any realm (a frame's objects have their own Object.prototype).
    var proto = Object.getPrototypeOf(value);
    if (proto !== null && (Object.getPrototypeOf(proto) !== null || kind !== 'Object')) {
      var named = kind === 'Object' && value.constructor && value.constructor.name ? value.constructor.name + ' instance' : kind;
      return { t: 'other', kind: named };
    }
    return { t: 'object', entries: Object.keys(value).map(function (key) { return [key, describe(value[key], inner)]; }) };
  }
  function report(error) {
    // A handler that throws is the page's own error: reported as the browser would.
    if (typeof root.reportError === 'function') root.reportError(error);
    else if (root.console) root.console.error(error);
  }
  function runner(settings) {
    function withSetting(key, value) {
      var next = { success: settings.success, failure: settings.failure, user: settings.user };
      next[key] = value;
      return runner(next);
    }
    // [run] Methods: withSuccessHandler, withFailureHandler and withUserObject each have
    // the return type "google.script.run", i.e. a runner to chain on. The model returns a
    // new runner each time, so setting a handler on one never changes another.
    var made = {
      withSuccessHandler: function (handler) { return withSetting('success', handler); },
      withFailureHandler: function (handler) { return withSetting('failure', handler); },
      // [run] withUserObject: "Sets an object to pass as a second parameter to the success
      // and failure handlers"; it gives context "without sending the object to the server",
      // so it stays in the page and may be anything (even a DOM element).
      withUserObject: function (object) { return withSetting('user', object); },
    };
    config.functions.forEach(function (name) {
      made[name] = function () {
        // Described now: the server gets a copy ([run]) made at the time of the call.
        var described = Array.prototype.map.call(arguments, function (arg) { return describe(arg, []); });
        function deliver(outcome) {
          try {
            if (outcome.ok) {
              if (typeof settings.success === 'function') settings.success(outcome.value, settings.user);
              return;
            }
            var error = new Error(outcome.error.message);
            error.name = outcome.error.name;
            // [run] withFailureHandler: with no failure handler a failure is logged to the
            // JavaScript console; withFailureHandler(null) turns that off.
            if (typeof settings.failure === 'function') settings.failure(error, settings.user);
            else if (settings.failure === undefined && root.console) root.console.error(error);
          } catch (thrown) {
            report(thrown);
          }
        }
        // [comm]: the browser "continues immediately to the next line of code without
        // waiting for a response": nothing, not even a refusal, is handled in this turn.
        Promise.resolve()
          .then(function () { return root[config.bridge](name, described); })
          .then(deliver, function (error) {
            deliver({ ok: false, error: { name: 'Error', message: String(error && error.message ? error.message : error) } });
          });
        // [run] myFunction(...): returns void.
        return undefined;
      };
    });
    return made;
  }
  root.google = root.google || {};
  root.google.script = root.google.script || {};
  root.google.script.run = runner({});
}`;

/** Wires a page to the model: the bridge first, then the shim, before any page script. */
export async function installScriptRun(page: Page, model: ScriptRunModel, functions: readonly string[]): Promise<void> {
  await page.exposeFunction(BRIDGE, model.bridge);
  await page.addInitScript(buildClientShim(functions));
}
