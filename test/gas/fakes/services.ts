/**
 * Stand-ins for the other Apps Script services Ladder uses: document properties, the UI
 * (menus, alerts, sidebars, dialogs), LockService and Utilities.formatDate. The cache has its
 * own file (cache.ts). Each refuses to work in AuthMode.NONE except the menu (Add-on
 * authorization lifecycle, developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle:
 * in NONE "the add-on can only … add menu items"), and the UI is out of reach in a custom
 * function or a simple trigger.
 */
import type { CallLog } from './sheets';

export interface AuthState {
  mode: 'NONE' | 'LIMITED' | 'FULL';
  /** Running a custom function (Custom functions guide: read-only Spreadsheet, no UI). */
  customFunction: boolean;
}

export function guard(auth: AuthState, service: string): void {
  if (auth.mode === 'NONE') throw new Error(`You do not have permission to call ${service} (AuthMode.NONE)`);
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

/**
 * PropertiesService document properties. Quotas page (developers.google.com/apps-script/guides/services/quotas,
 * "Current limitations"): a property value up to 9 KB, a property store up to 500 KB in all.
 */
export class FakeProperties {
  static readonly VALUE_BYTES = 9 * 1024;
  static readonly STORE_BYTES = 500 * 1024;
  readonly store = new Map<string, string>();
  constructor(
    private readonly auth: AuthState,
    private readonly log: CallLog,
  ) {}
  private used(without?: string) {
    let total = 0;
    for (const [key, value] of this.store) if (key !== without) total += bytes(key) + bytes(value);
    return total;
  }
  getProperty(key: string) {
    guard(this.auth, 'PropertiesService');
    this.log.count('Properties.getProperty');
    return this.store.get(key) ?? null;
  }
  getProperties() {
    guard(this.auth, 'PropertiesService');
    this.log.count('Properties.getProperties');
    return Object.fromEntries(this.store);
  }
  setProperty(key: string, value: string) {
    guard(this.auth, 'PropertiesService');
    this.log.count('Properties.setProperty');
    if (this.auth.customFunction) throw new Error('You do not have permission to call setProperty');
    const text = String(value);
    if (bytes(text) > FakeProperties.VALUE_BYTES) throw new Error('Argument too large: value');
    if (this.used(key) + bytes(key) + bytes(text) > FakeProperties.STORE_BYTES) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.store.set(key, text);
    return this;
  }
  deleteProperty(key: string) {
    guard(this.auth, 'PropertiesService');
    this.log.count('Properties.deleteProperty');
    if (this.auth.customFunction) throw new Error('You do not have permission to call deleteProperty');
    this.store.delete(key);
    return this;
  }
}

export interface Dialog {
  readonly title: string;
  readonly content: string;
}

export class FakeUi {
  readonly menus: { items: ({ label: string; handler: string } | null)[] }[] = [];
  readonly alerts: string[] = [];
  readonly sidebars: string[] = [];
  readonly dialogs: Dialog[] = [];
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' };
  constructor(private readonly auth: AuthState) {}
  /** Alerts, sidebars and dialogs need a user at the keyboard: not in a trigger's LIMITED or NONE mode. */
  private shown(what: string) {
    if (this.auth.mode !== 'FULL') throw new Error(`Cannot call Ui.${what} from this context.`);
  }
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
    this.shown('alert');
    this.alerts.push(prompt === undefined ? title : `${title}: ${prompt}`);
    return 'OK';
  }
  showSidebar(output: { getContent(): string }) {
    this.shown('showSidebar');
    this.sidebars.push(output.getContent());
  }
  showModalDialog(output: { getContent(): string }, title: string) {
    this.shown('showModalDialog');
    this.dialogs.push({ title, content: output.getContent() });
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
  waitLock(_ms: number) {
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
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return (
    pattern
      .replace(/'([^']*)'/g, '\u0000$1\u0000')
      .replace('yyyy', parts.year!)
      .replace('MM', parts.month!)
      .replace('dd', parts.day!)
      .replace('HH', parts.hour!)
      .replace('mm', parts.minute!)
      .replace('ss', parts.second!)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this removes.
      .replace(/\u0000/g, '')
  );
}
