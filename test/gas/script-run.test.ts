/**
 * Unit tests of the google.script.run model (test/gas/fakes/script-run.ts) itself, so the
 * browser test of the sidebar rests on a model that is known to be strict. The client shim
 * runs here in a bare Node vm, through the same bridge the browser uses.
 */
import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import {
  BRIDGE,
  buildClientShim,
  ScriptRunModel,
  type ServerCall,
  serialiseArguments,
  serialiseReply,
  topLevelFunctions,
} from './fakes/script-run';

type Handler = (value: unknown, user?: unknown) => void;
interface Runner {
  withSuccessHandler(handler: Handler | null): Runner;
  withFailureHandler(handler: Handler | null): Runner;
  withUserObject(object: unknown): Runner;
  [name: string]: unknown;
}

/** A page: the shim in a vm of its own, its console.error collected. */
function page(server: ServerCall, functions = ['echo', 'slow', 'when', 'boom'], options = {}) {
  const model = new ScriptRunModel(server, options);
  const logged: unknown[] = [];
  const context = vm.createContext({ console: { error: (error: unknown) => logged.push(error) } });
  (context as Record<string, unknown>)[BRIDGE] = model.bridge;
  vm.runInContext(buildClientShim(functions), context);
  const run = (context as { google: { script: { run: Runner } } }).google.script.run;
  const call = (runner: Runner, name: string, ...args: unknown[]) => (runner[name] as (...a: unknown[]) => void)(...args);
  /** Calls `name` and waits for whichever handler runs. */
  const settle = (name: string, ...args: unknown[]) =>
    new Promise<{ ok: boolean; value: unknown }>((resolve) => {
      call(
        run.withSuccessHandler((value) => resolve({ ok: true, value })).withFailureHandler((error) => resolve({ ok: false, value: error })),
        name,
        ...args,
      );
    });
  return { model, run, context, logged, call, settle };
}

const echo: ServerCall = (_name, args) => args;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('arguments and replies are copied as google.script.run copies them', () => {
  test('a top-level undefined arrives as null, undefined in arrays as null, undefined fields are dropped', async () => {
    const received: unknown[][] = [];
    const { settle } = page((_name, args) => {
      received.push(args);
      return args;
    });
    const reply = await settle('echo', undefined, { a: undefined, b: 1, c: [undefined, 2] }, 'x');
    expect(received).toEqual([[null, { b: 1, c: [null, 2] }, 'x']]);
    expect(Object.keys(received[0]![1] as object)).toEqual(['b', 'c']);
    expect(reply).toEqual({ ok: true, value: [null, { b: 1, c: [null, 2] }, 'x'] });
    // Called with no argument at all: the server gets no argument, not a null.
    await settle('echo');
    expect(received[1]).toEqual([]);
  });

  test('the server gets a copy made at the time of the call', async () => {
    const received: unknown[][] = [];
    const { run, call, model } = page((_name, args) => received.push(args));
    model.hold('echo');
    const input = { goals: ['2'] };
    call(run, 'echo', input);
    input.goals.push('3');
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toEqual([{ goals: ['2'] }]);
  });

  test('a Date as an argument fails the call, nested or not, and the server never runs', async () => {
    let ran = 0;
    const { settle, context } = page(() => ran++);
    const pageDate = vm.runInContext('new Date(0)', context);
    const top = await settle('echo', pageDate);
    expect(top.ok).toBe(false);
    expect((top.value as Error).message).toMatch(/argument 1: a Date cannot be sent/);
    const nested = await settle('echo', 'fine', { goals: [{ key: '2', due: pageDate }] });
    expect((nested.value as Error).message).toMatch(/argument 2: a Date \(at goals\[0\]\.due\) cannot be sent/);
    expect(ran).toBe(0);
  });

  test('a reply containing a Date fails the call too, whatever realm made the Date', async () => {
    const vmDate = vm.runInNewContext('new Date(0)') as Date;
    expect(vmDate instanceof Date).toBe(false);
    const { settle } = page(() => ({ ok: true, value: { updated: vmDate } }));
    const reply = await settle('when');
    expect(reply.ok).toBe(false);
    expect((reply.value as Error).message).toMatch(/reply could not be sent back: a Date \(at value\.updated\)/);
    expect(serialiseReply({ at: new Date() }).ok).toBe(false);
  });

  test('functions, DOM elements, cycles, NaN and Maps are refused; repeated objects are not cycles', async () => {
    const { settle, context } = page(echo);
    vm.runInContext('globalThis.Node = class Node { constructor(name) { this.nodeName = name; } }', context);
    const element = vm.runInContext('new Node("BUTTON")', context);
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    const shared = { key: '2' };
    const messages = await Promise.all([
      settle('echo', () => 1),
      settle('echo', { el: element }),
      settle('echo', cycle),
      settle('echo', [Number.NaN]),
      settle('echo', new Map()),
    ]);
    expect(messages.map((reply) => reply.ok)).toEqual([false, false, false, false, false]);
    expect(messages.map((reply) => (reply.value as Error).message.replace(/;.*/, ''))).toEqual([
      'google.script.run refused the call: argument 1: a function cannot be sent',
      'google.script.run refused the call: argument 1: a DOM element <button> (at el) cannot be sent',
      'google.script.run refused the call: argument 1: a circular reference (at self) cannot be sent',
      'google.script.run refused the call: argument 1: NaN is not a finite number (at [0])',
      'google.script.run refused the call: argument 1: a Map cannot be sent',
    ]);
    expect(await settle('echo', [shared, shared])).toEqual({ ok: true, value: [[{ key: '2' }, { key: '2' }]] });
    expect(serialiseArguments([new (class Goal {})()])).toEqual({
      ok: false,
      error: expect.stringMatching(/^google\.script\.run refused the call: argument 1: a Goal instance cannot be sent/),
    });
  });
});

describe('the runner', () => {
  test('is asynchronous: neither the server nor a handler runs in the turn of the call', async () => {
    let served = 0;
    const { run, call } = page(() => ++served);
    const seen: string[] = [];
    call(
      run.withSuccessHandler(() => seen.push('success')),
      'echo',
    );
    call(
      run.withFailureHandler(() => seen.push('failure')),
      'echo',
      new Date(),
    );
    expect({ served, seen }).toEqual({ served: 0, seen: [] });
    await expect.poll(() => seen.sort()).toEqual(['failure', 'success']);
    expect(served).toBe(1);
  });

  test('each with… returns a new runner; the user object is the second parameter; failures without a handler are logged', async () => {
    const { run, call, logged } = page((name) => {
      if (name === 'boom') throw new Error('Service Spreadsheets timed out');
      return name;
    });
    const seen: unknown[] = [];
    const first = run.withSuccessHandler((value) => seen.push(['first', value]));
    const second = first.withSuccessHandler((value, user) => seen.push(['second', value, user])).withUserObject('the button');
    expect(second).not.toBe(first);
    call(first, 'echo');
    call(second, 'echo');
    call(run.withFailureHandler((error, user) => seen.push(['failed', (error as Error).message, user])).withUserObject(7), 'boom');
    await expect.poll(() => seen.length).toBe(3);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['first', 'echo'],
        ['second', 'echo', 'the button'],
        ['failed', 'Service Spreadsheets timed out', 7],
      ]),
    );
    // The first runner kept its own handler: "second" was not added to it.
    expect(seen.filter((entry) => (entry as unknown[])[0] === 'second')).toHaveLength(1);

    call(run, 'boom');
    call(run.withFailureHandler(null), 'boom');
    await tick();
    await expect.poll(() => logged.length).toBe(1);
    await tick();
    expect(logged).toHaveLength(1);
    expect((logged[0] as Error).message).toBe('Service Spreadsheets timed out');
    // A private function (name_) is not callable from the page.
    expect(topLevelFunctions({ ladderHealth() {}, helper_() {}, SpreadsheetApp: {} })).toEqual(['ladderHealth']);
  });

  test('at most 10 calls are in flight: an 11th fails with a clear error until one comes back', async () => {
    let served = 0;
    const { model, run, call, settle } = page(() => ++served);
    model.hold('slow');
    for (let i = 0; i < 10; i++) call(run, 'slow', i);
    await expect.poll(() => model.inFlight()).toBe(10);
    const eleventh = await settle('echo', 'one too many');
    expect(eleventh.ok).toBe(false);
    expect((eleventh.value as Error).message).toBe(
      'google.script.run (model): call echo refused: 10 calls are already in flight (Google delays an 11th call; this model is stricter)',
    );
    expect(served).toBe(10);
    model.release(model.held('slow')[0]!.id);
    await expect.poll(() => model.inFlight()).toBe(9);
    expect(await settle('echo', 'now there is room')).toMatchObject({ ok: true });
    expect(served).toBe(11);
    expect(model.peak('slow')).toBe(10);
  });

  test('replies come back in the order the test releases them, not the order of the calls', async () => {
    const { model, run, call } = page(echo);
    const order: unknown[] = [];
    model.hold('echo');
    for (const n of [1, 2, 3])
      call(
        run.withSuccessHandler((value) => order.push((value as number[])[0])),
        'echo',
        n,
      );
    await expect.poll(() => model.held('echo').length).toBe(3);
    const [one, two, three] = model.held('echo').map((record) => record.id);
    for (const id of [three!, one!, two!]) {
      model.release(id);
      await tick();
    }
    await expect.poll(() => order.length).toBe(3);
    expect(order).toEqual([3, 1, 2]);
    expect(model.calls.map((record) => record.asked < record.answered!)).toEqual([true, true, true]);
  });

  test('a delayed function answers after a quicker one called later', async () => {
    const { model, run, call } = page(echo);
    const order: string[] = [];
    model.delay('slow', 60);
    call(
      run.withSuccessHandler(() => order.push('slow')),
      'slow',
    );
    call(
      run.withSuccessHandler(() => order.push('echo')),
      'echo',
    );
    await expect.poll(() => order.length).toBe(2);
    expect(order).toEqual(['echo', 'slow']);
  });

  test('a seeded jitter shuffles replies the same way every time', async () => {
    const orderFor = async (seed: number) => {
      const { run, call } = page(echo, ['echo'], { jitterMs: 200, seed });
      const order: number[] = [];
      for (let n = 1; n <= 6; n++)
        call(
          run.withSuccessHandler((value) => order.push((value as number[])[0]!)),
          'echo',
          n,
        );
      await expect.poll(() => order.length, { timeout: 2000 }).toBe(6);
      return order;
    };
    const first = await orderFor(7);
    expect(first).not.toEqual([1, 2, 3, 4, 5, 6]);
    expect(await orderFor(7)).toEqual(first);
  });
});
