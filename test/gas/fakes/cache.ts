/**
 * CacheService's document cache, per "Class Cache" (developers.google.com/apps-script/reference/cache/cache,
 * put / putAll): keys up to 250 characters, values up to 100 KB, a lifetime of 600 s unless given
 * (1 to 21600 s), and a cap of 1,000 items: "If more than 1,000 items are written, the cache stores
 * the 900 items farthest from expiration." Time runs on the test's clock, so expiry is tested
 * without waiting; `evictAll` stands for "cached data may be removed before this time".
 */

import { type AuthState, guard } from './services';
import type { CallLog } from './sheets';

export class Clock {
  now = Date.UTC(2026, 11, 1, 9, 0, 0);
  advance(seconds: number) {
    this.now += seconds * 1000;
  }
}

interface Entry {
  readonly value: string;
  readonly expires: number;
}

export class FakeCache {
  static readonly CAP = 1000;
  static readonly KEPT = 900;
  readonly entries = new Map<string, Entry>();
  failing = false;
  /** How many items the cap has thrown away so far. */
  evicted = 0;
  constructor(
    private readonly auth: AuthState,
    private readonly log: CallLog,
    private readonly clock: Clock,
  ) {}

  private check(key: string, value?: string, seconds?: number) {
    guard(this.auth, 'CacheService');
    if (this.failing) throw new Error('Service invoked too many times: cache');
    if (typeof key !== 'string' || key.length === 0) throw new Error('Invalid argument: key');
    if (key.length > 250) throw new Error('Argument too large: key');
    if (value !== undefined) {
      if (typeof value !== 'string') throw new Error('Invalid argument: value');
      if (new TextEncoder().encode(value).length > 100 * 1024) throw new Error('Argument too large: value');
    }
    if (seconds !== undefined && !(Number.isInteger(seconds) && seconds >= 1 && seconds <= 21600))
      throw new Error('Invalid argument: expirationInSeconds');
  }
  private live(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expires <= this.clock.now) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }
  private store(values: Record<string, string>, seconds = 600) {
    for (const [key, value] of Object.entries(values)) {
      this.entries.delete(key);
      this.entries.set(key, { value, expires: this.clock.now + seconds * 1000 });
    }
    for (const key of [...this.entries.keys()]) this.live(key);
    if (this.entries.size > FakeCache.CAP) {
      const kept = [...this.entries].sort((a, b) => b[1].expires - a[1].expires).slice(0, FakeCache.KEPT);
      this.evicted += this.entries.size - kept.length;
      this.entries.clear();
      for (const [key, entry] of kept) this.entries.set(key, entry);
    }
  }
  /** Live items, for assertions. */
  get size(): number {
    for (const key of [...this.entries.keys()]) this.live(key);
    return this.entries.size;
  }
  get(key: string) {
    this.check(key);
    this.log.count('Cache.get');
    return this.live(key);
  }
  getAll(keys: string[]) {
    keys.forEach((key) => {
      this.check(key);
    });
    this.log.count('Cache.getAll');
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.live(key);
      if (value !== null) out[key] = value;
    }
    return out;
  }
  put(key: string, value: string, seconds?: number) {
    this.check(key, value, seconds);
    this.log.count('Cache.put');
    this.store({ [key]: value }, seconds);
  }
  putAll(values: Record<string, string>, seconds?: number) {
    for (const [key, value] of Object.entries(values)) this.check(key, value, seconds);
    this.log.count('Cache.putAll');
    this.store(values, seconds);
  }
  remove(key: string) {
    this.check(key);
    this.log.count('Cache.remove');
    this.entries.delete(key);
  }
  removeAll(keys: string[]) {
    keys.forEach((key) => {
      this.check(key);
    });
    this.log.count('Cache.removeAll');
    for (const key of keys) this.entries.delete(key);
  }
  /** Everything goes at once, as the cache may drop items before they expire. */
  evictAll() {
    this.evicted += this.entries.size;
    this.entries.clear();
  }
}
