/**
 * Stand-ins for the other Apps Script services Ladder uses: document properties and cache
 * (with their documented size limits), the UI (menus, alerts, sidebars), HtmlService,
 * LockService and Utilities.formatDate. Each refuses to work in AuthMode.NONE except the
 * menu, as Apps Script does when onOpen runs before the add-on is authorised.
 */
import type { CallLog } from './sheets';

export interface AuthState {
  mode: 'NONE' | 'LIMITED' | 'FULL';
}

export function guard(auth: AuthState, service: string): void {
  if (auth.mode === 'NONE') throw new Error(`You do not have permission to call ${service} (AuthMode.NONE)`);
}

export class FakeProperties {
  readonly store = new Map<string, string>();
  constructor(private readonly auth: AuthState, private readonly log: CallLog) {}
  getProperty(key: string) {
    guard(this.auth, 'PropertiesService');
    this.log.count('Properties.getProperty');
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    guard(this.auth, 'PropertiesService');
    this.log.count('Properties.setProperty');
    // Apps Script caps one property value at 9 KB.
    if (new TextEncoder().encode(value).length > 9 * 1024) throw new Error('Argument too large: value');
    this.store.set(key, value);
    return this;
  }
  deleteProperty(key: string) {
    guard(this.auth, 'PropertiesService');
    this.store.delete(key);
    return this;
  }
}

export class FakeCache {
  readonly store = new Map<string, string>();
  failing = false;
  constructor(private readonly auth: AuthState, private readonly log: CallLog) {}
  private check(key: string, value?: string) {
    guard(this.auth, 'CacheService');
    if (this.failing) throw new Error('Service invoked too many times: cache');
    if (key.length > 250) throw new Error('Argument too large: key');
    if (value !== undefined && new TextEncoder().encode(value).length > 100 * 1024) throw new Error('Argument too large: value');
  }
  get(key: string) {
    this.check(key);
    this.log.count('Cache.get');
    return this.store.get(key) ?? null;
  }
  getAll(keys: string[]) {
    keys.forEach((key) => this.check(key));
    this.log.count('Cache.getAll');
    const out: Record<string, string> = {};
    for (const key of keys) if (this.store.has(key)) out[key] = this.store.get(key)!;
    return out;
  }
  put(key: string, value: string) {
    this.check(key, value);
    this.log.count('Cache.put');
    this.store.set(key, value);
  }
  putAll(values: Record<string, string>) {
    for (const [key, value] of Object.entries(values)) this.check(key, value);
    this.log.count('Cache.putAll');
    for (const [key, value] of Object.entries(values)) this.store.set(key, value);
  }
  remove(key: string) {
    this.check(key);
    this.log.count('Cache.remove');
    this.store.delete(key);
  }
}

export class FakeUi {
  readonly menus: { items: ({ label: string; handler: string } | null)[] }[] = [];
  readonly alerts: string[] = [];
  readonly sidebars: string[] = [];
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' };
  createAddonMenu() {
    const items: ({ label: string; handler: string } | null)[] = [];
    const menu = {
      addItem: (label: string, handler: string) => {
        items.push({ label, handler });
        return menu;
      },
      addSeparator: () => {
        items.push(null);
        return menu;
      },
      addToUi: () => {
        this.menus.push({ items });
      },
    };
    return menu;
  }
  alert(title: string, prompt?: string) {
    this.alerts.push(prompt === undefined ? title : `${title}: ${prompt}`);
    return 'OK';
  }
  showSidebar(output: { getContent(): string }) {
    this.sidebars.push(output.getContent());
  }
}

export class FakeLock {
  held = false;
  /** Another execution holds the lock: tryLock times out. */
  busy = false;
  releases = 0;
  tryLock(_ms?: number) {
    if (this.busy || this.held) return false;
    this.held = true;
    return true;
  }
  waitLock() {
    this.held = true;
  }
  releaseLock() {
    this.held = false;
    this.releases++;
  }
  hasLock() {
    return this.held;
  }
}

/** Utilities.formatDate for the patterns Ladder uses, in any IANA time zone. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).formatToParts(date).map((part) => [part.type, part.value]),
  );
  return pattern
    .replace(/'([^']*)'/g, '\u0000$1\u0000')
    .replace('yyyy', parts.year!).replace('MM', parts.month!).replace('dd', parts.day!)
    .replace('HH', parts.hour!).replace('mm', parts.minute!).replace('ss', parts.second!)
    .replace(/\u0000/g, '');
}
