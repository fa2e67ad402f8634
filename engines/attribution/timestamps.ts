const MS_PER_DAY = 86_400_000;

/**
 * Parses a timestamp into milliseconds since the Unix epoch, or NaN when it is not one.
 * Accepts ISO 8601 dates and date-times (`2024-03-01`, `2024-03-01T12:30:00Z`, `2024-03-01 12:30:00.250+02:00`;
 * no offset means UTC) and plain Unix epoch seconds (`1709296200`, `1709296200.5`).
 */
export function parseTimestamp(text: string): number {
  const s = text.trim();
  const n = s.length;
  if (n === 0) return Number.NaN;
  if (n >= 10 && s.charCodeAt(4) === 45 /* - */ && s.charCodeAt(7) === 45) return parseIsoDateTime(s);
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  return Number.NaN;
}

function parseIsoDateTime(s: string): number {
  const year = readDigits(s, 0, 4);
  const month = readDigits(s, 5, 2);
  const day = readDigits(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  let ms = daysFromCivil(year, month, day) * MS_PER_DAY;
  let at = 10;
  if (at === s.length) return ms;
  const separator = s.charCodeAt(at);
  if (separator !== 84 /* T */ && separator !== 32 /* space */ && separator !== 116 /* t */) return Number.NaN;
  const hour = readDigits(s, at + 1, 2);
  if (s.charCodeAt(at + 3) !== 58 /* : */) return Number.NaN;
  const minute = readDigits(s, at + 4, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  ms += hour * 3_600_000 + minute * 60_000;
  at += 6;
  if (s.charCodeAt(at) === 58) {
    const second = readDigits(s, at + 1, 2);
    if (second < 0 || second > 59) return Number.NaN;
    ms += second * 1000;
    at += 3;
    if (s.charCodeAt(at) === 46 /* . */ || s.charCodeAt(at) === 44 /* , */) {
      let end = at + 1;
      while (end < s.length && isDigit(s.charCodeAt(end))) end++;
      if (end === at + 1) return Number.NaN;
      ms += Number(`0.${s.slice(at + 1, end)}`) * 1000;
      at = end;
    }
  }
  if (at === s.length) return ms;
  const zone = s.charCodeAt(at);
  if ((zone === 90 /* Z */ || zone === 122) && at + 1 === s.length) return ms;
  if (zone !== 43 /* + */ && zone !== 45 /* - */) return Number.NaN;
  const offsetHours = readDigits(s, at + 1, 2);
  let offsetMinutes = 0;
  if (at + 3 === s.length) offsetMinutes = 0;
  else if (s.charCodeAt(at + 3) === 58 && at + 6 === s.length) offsetMinutes = readDigits(s, at + 4, 2);
  else if (at + 5 === s.length) offsetMinutes = readDigits(s, at + 3, 2);
  else return Number.NaN;
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return Number.NaN;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return zone === 43 ? ms - offset : ms + offset;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Reads `count` decimal digits at `at`, or −1 when any is missing. */
function readDigits(s: string, at: number, count: number): number {
  if (at + count > s.length) return -1;
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = s.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + code - 48;
  }
  return value;
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
