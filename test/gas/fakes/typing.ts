/**
 * What Sheets makes of a string a script writes with setValue / setValues: the same as a
 * user typing it. Range.setValue (developers.google.com/apps-script/reference/spreadsheet/range
 * #setValue(Object)) documents only the formula case ("if it begins with '=' it is interpreted
 * as a formula"); the rest is Sheets' typing behaviour (support.google.com/docs "Format numbers
 * in a spreadsheet": numbers, currency, percentages, dates, times and booleans are recognised;
 * a leading apostrophe keeps text as typed and is not shown). Where in doubt this parses more
 * than Sheets would, so a string Ladder forgot to protect turns into something else here too.
 */

export type Value = string | number | boolean | Date;

export interface Typed {
  readonly value: Value;
  readonly formula: string;
  /** An error literal typed into a cell ("#N/A") is an error value, not text. */
  readonly error?: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ERRORS = /^#(n\/a|ref!|value!|div\/0!|name\?|num!|null!|error!)$/i;

function monthOf(word: string): number | null {
  const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return index >= 0 && /^[a-z]+\.?$/i.test(word) ? index : null;
}

/** A day as a Date whose UTC fields are that day (the caller puts it in the sheet's time zone). */
function day(year: number, month: number, date: number): Date | null {
  if (month < 0 || month > 11 || date < 1 || date > 31) return null;
  return new Date(Date.UTC(year, month, date));
}

/** Numbers as Sheets reads them when typed: signs, thousands separators, currency, percent, accounting brackets. */
function parseNumber(text: string): number | null {
  let body = text;
  let sign = 1;
  const bracketed = /^\((.*)\)$/.exec(body);
  if (bracketed) {
    body = bracketed[1]!.trim();
    sign = -1;
  }
  if (/^[+-]/.test(body)) {
    if (body[0] === '-') sign = -sign;
    body = body.slice(1).trim();
  }
  body = body.replace(/^[$€£¥]\s*/, '').replace(/\s*[$€£¥]$/, '');
  let scale = 1;
  if (body.endsWith('%')) {
    scale = 0.01;
    body = body.slice(0, -1).trim();
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?(e[+-]?\d+)?$/i.test(body) || !/\d/.test(body)) return null;
  return sign * Number(body.replace(/,/g, '')) * scale;
}

function parseDate(text: string, thisYear: number): Date | null {
  const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
  if (iso) return day(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3] ?? 1));
  const slash = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(text);
  if (slash) {
    const year = slash[3] === undefined ? thisYear : Number(slash[3]) + (slash[3].length === 2 ? 2000 : 0);
    return day(year, Number(slash[1]) - 1, Number(slash[2]));
  }
  const words = text.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  // "Mar 1 2026", "March 1", "1 Mar 2026", "March 2026"
  if (words.length >= 2 && words.length <= 3) {
    const [a, b, c] = words as [string, string, string | undefined];
    const first = monthOf(a);
    if (first !== null && /^\d{1,2}$/.test(b)) return day(c && /^\d{4}$/.test(c) ? Number(c) : thisYear, first, Number(b));
    if (first !== null && /^\d{4}$/.test(b) && c === undefined) return day(Number(b), first, 1);
    const second = monthOf(b);
    if (second !== null && /^\d{1,2}$/.test(a)) return day(c && /^\d{4}$/.test(c) ? Number(c) : thisYear, second, Number(a));
  }
  return null;
}

/** A time of day ("10:30", "9:05 pm") as Sheets holds it: that time on 30 December 1899. */
function parseTime(text: string): Date | null {
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text);
  if (!match) return null;
  let hours = Number(match[1]);
  if (match[4]) hours = (hours % 12) + (match[4].toLowerCase() === 'pm' ? 12 : 0);
  if (hours > 23 || Number(match[2]) > 59) return null;
  return new Date(Date.UTC(1899, 11, 30, hours, Number(match[2]), Number(match[3] ?? 0)));
}

/** A string as Sheets stores it when typed (dates as UTC fields of the day shown). */
export function parseTyped(text: string, thisYear = 2026): Typed {
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  if (trimmed === '') return { value: text, formula: '' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: '' };
  if (ERRORS.test(trimmed)) return { value: trimmed.toUpperCase(), formula: '', error: true };
  const number = parseNumber(trimmed);
  if (number !== null) return { value: number, formula: '' };
  const date = parseDate(trimmed, thisYear) ?? parseTime(trimmed);
  if (date) return { value: date, formula: '' };
  return { value: text, formula: '' };
}

/** The instant at which the wall clock in `timeZone` shows the UTC fields of `fields`. */
export function wallClock(fields: Date, timeZone: string): Date {
  const shown = (instant: number) => {
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
        .formatToParts(instant)
        .map((part) => [part.type, part.value]),
    );
    return Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
  };
  const target = fields.getTime();
  let instant = target;
  for (let i = 0; i < 2; i++) instant += target - shown(instant);
  return new Date(instant);
}
