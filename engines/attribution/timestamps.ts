import { decodeUtf8, encodeUtf8 } from "./utf8";

const MS_PER_DAY = 86_400_000;

/**
 * Parses a timestamp into milliseconds since the Unix epoch, or NaN when it is not one.
 * Accepts ISO 8601 dates and date-times (`2024-03-01`, `2024-03-01T12:30:00Z`, `2024-03-01 12:30:00.250+02:00`;
 * no offset means UTC) and plain Unix epoch seconds (`1709296200`, `1709296200.5`).
 */
export function parseTimestamp(text: string): number {
  const bytes = encodeUtf8(text);
  let start = 0;
  let end = bytes.length;
  while (start < end && isBlank(bytes[start])) start++;
  while (end > start && isBlank(bytes[end - 1])) end--;
  return parseRange(bytes, start, end, { date: -1, days: 0 });
}

/**
 * Returns a parser of the UTF-8 bytes[start … end − 1] that works like parseTimestamp, for the hot path of large
 * files. It remembers the last date it converted to days, since rows mostly share the previous row's date.
 */
export function createTimestampParser(): (bytes: Uint8Array, start: number, end: number) => number {
  const cache: DateCache = { date: -1, days: 0 };
  return (text, start, end) => parseRange(text, start, end, cache);
}

interface DateCache {
  date: number;
  days: number;
}

function parseRange(s: Uint8Array, start: number, end: number, cache: DateCache): number {
  if (end - start >= 10 && s[start + 4] === 45 /* - */ && s[start + 7] === 45) {
    return parseIsoDateTime(s, start, end, cache);
  }
  return parseEpochSeconds(s, start, end);
}

function parseEpochSeconds(s: Uint8Array, start: number, end: number): number {
  if (start === end) return Number.NaN;
  let seconds = 0;
  let at = start;
  while (at < end && isDigit(s[at])) seconds = seconds * 10 + s[at++] - 48;
  if (at === start) return Number.NaN;
  if (at === end) return seconds * 1000;
  if (s[at] !== 46 /* . */ || at + 1 === end) return Number.NaN;
  for (let i = at + 1; i < end; i++) if (!isDigit(s[i])) return Number.NaN;
  return Number(decodeUtf8(s, start, end)) * 1000;
}

function parseIsoDateTime(s: Uint8Array, start: number, end: number, cache: DateCache): number {
  const year = digit(s, start) * 1000 + digit(s, start + 1) * 100 + digit(s, start + 2) * 10 + digit(s, start + 3);
  const month = digit(s, start + 5) * 10 + digit(s, start + 6);
  const day = digit(s, start + 8) * 10 + digit(s, start + 9);
  const date = year * 10_000 + month * 100 + day;
  if (date !== cache.date || year < 0 || month < 0 || day < 0) {
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
    cache.date = date;
    cache.days = daysFromCivil(year, month, day);
  }
  let ms = cache.days * MS_PER_DAY;
  let at = start + 10;
  if (at === end) return ms;
  const separator = s[at];
  if (separator !== 84 /* T */ && separator !== 32 /* space */ && separator !== 116 /* t */) return Number.NaN;
  if (at + 6 > end || s[at + 3] !== 58 /* : */) return Number.NaN;
  const hour = digit(s, at + 1) * 10 + digit(s, at + 2);
  const minute = digit(s, at + 4) * 10 + digit(s, at + 5);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  ms += hour * 3_600_000 + minute * 60_000;
  at += 6;
  if (at < end && s[at] === 58) {
    if (at + 3 > end) return Number.NaN;
    const second = digit(s, at + 1) * 10 + digit(s, at + 2);
    if (second < 0 || second > 59) return Number.NaN;
    ms += second * 1000;
    at += 3;
    if (at < end && (s[at] === 46 /* . */ || s[at] === 44) /* , */) {
      let stop = at + 1;
      while (stop < end && isDigit(s[stop])) stop++;
      if (stop === at + 1) return Number.NaN;
      ms += Number(`0.${decodeUtf8(s, at + 1, stop)}`) * 1000;
      at = stop;
    }
  }
  if (at === end) return ms;
  const zone = s[at];
  if ((zone === 90 /* Z */ || zone === 122) /* z */ && at + 1 === end) return ms;
  if (zone !== 43 /* + */ && zone !== 45 /* - */) return Number.NaN;
  let offsetMinutes: number;
  if (at + 3 === end) offsetMinutes = 0;
  else if (s[at + 3] === 58 && at + 6 === end) offsetMinutes = digit(s, at + 4) * 10 + digit(s, at + 5);
  else if (at + 5 === end) offsetMinutes = digit(s, at + 3) * 10 + digit(s, at + 4);
  else return Number.NaN;
  const offsetHours = digit(s, at + 1) * 10 + digit(s, at + 2);
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return Number.NaN;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return zone === 43 ? ms - offset : ms + offset;
}

/** The digit at s[at], or −1000 when it is not one, so any number built from it comes out negative. */
function digit(s: Uint8Array, at: number): number {
  const d = s[at] - 48;
  return d >= 0 && d <= 9 ? d : -1000;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
