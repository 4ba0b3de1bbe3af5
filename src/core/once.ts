/**
 * Values made the first time they are needed. Apps Script loads the whole bundle for every
 * execution, each formula's included, and most executions use few of Ladder's tables and
 * none of its input schemas: building them at load would be paid by every one.
 */

/** A function that makes the value on its first call and returns the same value after. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/**
 * An object that is made when one of its properties is first read, and stands for it from
 * then on (its methods keep their `this`). For zod schemas used as values by the call list.
 */
export function madeOnUse<T extends object>(make: () => T): T {
  const made = once(make);
  return new Proxy({} as T, {
    get(_target, key) {
      const target = made();
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    has: (_target, key) => Reflect.has(made(), key),
  });
}
