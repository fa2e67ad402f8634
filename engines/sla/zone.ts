// A time zone's UTC offsets, read from Intl.DateTimeFormat (no time-zone data of our own), as segments of
// constant offset between transitions. Offsets and transitions are whole seconds, as Intl reports them.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
// Offsets are sampled this far apart; two transitions closer than this would go unseen (no zone has them).
const SAMPLE_STEP = 12 * HOUR;

/** Offset segments: offset `offsets[i]` (ms, local − UTC) holds on [starts[i], starts[i + 1]); starts[0] is −∞. */
export interface OffsetSegments {
  starts: number[];
  offsets: number[];
}

/** Returns a reader of the zone's offset (local wall time − UTC, in ms) at an instant. */
export function createOffsetReader(timeZone: string): (instant: number) => number {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const fields = [0, 0, 0, 0, 0, 0];
  return (instant) => {
    const second = Math.floor(instant / 1000) * 1000;
    // format() is several times faster than formatToParts(); en-US prints "M/D/YYYY, HH:MM:SS" in ASCII digits.
    const text = format.format(second);
    let count = 0;
    let value = -1;
    for (let i = 0; i <= text.length; i += 1) {
      const code = i < text.length ? text.charCodeAt(i) : 0;
      if (code >= 48 && code <= 57) value = (value < 0 ? 0 : value * 10) + code - 48;
      else if (value >= 0) {
        if (count < 6) fields[count] = value;
        count += 1;
        value = -1;
      }
    }
    if (count !== 6) return offsetFromParts(format, second);
    return wallTime(fields[2], fields[0], fields[1], fields[3], fields[4], fields[5]) - second;
  };
}

function offsetFromParts(format: Intl.DateTimeFormat, second: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(second)) parts[part.type] = Number(part.value);
  return wallTime(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second) - second;
}

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
function wallTime(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime();
}

/** The zone's offset segments over [from, to], found by sampling and bisecting each change to the second. */
export function findOffsetSegments(offsetAt: (instant: number) => number, from: number, to: number): OffsetSegments {
  const starts = [Number.NEGATIVE_INFINITY];
  const offsets = [offsetAt(from)];
  let previous = from;
  let previousOffset = offsets[0];
  for (let at = from + SAMPLE_STEP; previous < to; at += SAMPLE_STEP) {
    const sample = Math.min(at, to);
    const offset = offsetAt(sample);
    if (offset !== previousOffset) {
      // The change lies in (previous, sample]: bisect on whole seconds.
      let low = Math.floor(previous / 1000);
      let high = Math.floor(sample / 1000);
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetAt(middle * 1000) === previousOffset) low = middle;
        else high = middle;
      }
      starts.push(high * 1000);
      offsets.push(offset);
    }
    previous = sample;
    previousOffset = offset;
  }
  return { starts, offsets };
}

/**
 * The first instant at which the local wall clock reads `wall` (ms since 1970-01-01T00:00 local) or later.
 * In a spring-forward gap that is the transition itself; in a fall-back overlap, the earlier of the two.
 */
export function firstInstantAtOrAfter(segments: OffsetSegments, wall: number): number {
  const { starts, offsets } = segments;
  const last = starts.length - 1;
  for (let i = 0; i < last; i += 1) {
    // In segment i the wall clock runs over [starts[i] + offset, starts[i + 1] + offset).
    if (starts[i + 1] + offsets[i] > wall) return Math.max(starts[i], wall - offsets[i]);
  }
  return Math.max(starts[last], wall - offsets[last]);
}
