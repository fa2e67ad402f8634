// Benchmark of the service-level clock engine (issue 4): the SLA report's 100,000 requests × 3 clocks
// (first response, decision, delivery) on a Berlin office calendar with holidays, spans from minutes to
// months and up to four pauses each. Two references are measured in the same run on the same clocks:
//   - a calendar-free loop: elapsed = end − start − the union of the pauses, plain Date arithmetic with
//     the same pause sorting and merging; the ratio shows what the working calendar costs on top;
//   - the brute-force minute walk (Intl for every minute, as in the property tests) on a sample of short
//     clocks, whose results must equal the engine's; the ratio shows what the day tables save.
// Budget: 300,000 clocks well under 1 s. Run: node --import tsx bench/sla.ts
import {
  addBusinessMinutes,
  businessMinutes,
  type ClockInput,
  clock,
  compileCalendar,
  type Interval,
} from "#engines/sla";
import { describeMachine, writeResult } from "./machine";

const REQUESTS = Number(process.env.BENCH_SLA_REQUESTS ?? 100_000);
const RUNS = 5;
const BUDGET_MS = 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const calendar = {
  timeZone: "Europe/Berlin",
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: "09:00", end: "17:30" },
  // German national holidays 2025–2027.
  holidays: [
    "2025-01-01",
    "2025-04-18",
    "2025-04-21",
    "2025-05-01",
    "2025-05-29",
    "2025-06-09",
    "2025-10-03",
    "2025-12-25",
    "2025-12-26",
    "2026-01-01",
    "2026-04-03",
    "2026-04-06",
    "2026-05-01",
    "2026-05-14",
    "2026-05-25",
    "2026-10-03",
    "2026-12-25",
    "2026-12-26",
    "2027-01-01",
    "2027-03-26",
    "2027-03-29",
    "2027-05-01",
    "2027-05-06",
    "2027-05-17",
    "2027-10-03",
    "2027-12-25",
    "2027-12-26",
  ],
};

/** A small seeded PRNG (mulberry32): the same clocks on every run and machine. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(20260329);
const between = (low: number, high: number) => Math.round(low + random() * (high - low));
const now = Date.UTC(2027, 0, 15, 12);
// Targets in business minutes: 4 hours to first response, 5 days to decision, 30 days to delivery.
const targets = [
  { name: "firstResponse", minutes: 4 * 60, stopAfter: [10 * MINUTE, 4 * DAY] },
  { name: "decision", minutes: 5 * 510, stopAfter: [DAY, 45 * DAY] },
  { name: "delivery", minutes: 30 * 510, stopAfter: [10 * DAY, 150 * DAY] },
] as const;

const clocks: ClockInput[] = [];
for (let request = 0; request < REQUESTS; request += 1) {
  const start = between(Date.UTC(2025, 0, 1), Date.UTC(2026, 11, 31));
  const pauses: Interval[] = [];
  const pauseCount = Math.floor(random() * 5);
  for (let p = 0; p < pauseCount; p += 1) {
    const pauseStart = start + between(0, 60 * DAY);
    if (pauseStart >= now) continue;
    pauses.push({ start: pauseStart, end: Math.min(now, pauseStart + between(HOUR, 10 * DAY)) });
  }
  for (const target of targets) {
    const stop = start + between(target.stopAfter[0], target.stopAfter[1]);
    clocks.push({
      start,
      stop: stop > now || random() < 0.1 ? null : stop,
      pauses,
      now,
      targetMinutes: target.minutes,
    });
  }
}
const spanDays = clocks.map((c) => ((c.stop ?? c.now) - c.start) / DAY).sort((a, b) => a - b);

let sink = 0;
function time(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Cold: a freshly compiled calendar, so the first pass also builds its day tables.
let compiled = compileCalendar(calendar);
const coldClockMs = time(() => {
  for (const input of clocks) sink += clock(compiled, input).elapsedMinutes;
});

const clockMs: number[] = [];
const businessMs: number[] = [];
const addMs: number[] = [];
const referenceMs: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  compiled = compileCalendar(calendar);
  sink += businessMinutes(compiled, clocks[0].start, clocks[0].start + DAY); // build the tables outside the timing
  clockMs.push(
    time(() => {
      for (const input of clocks) sink += clock(compiled, input).dueAt;
    }),
  );
  businessMs.push(
    time(() => {
      for (const input of clocks) sink += businessMinutes(compiled, input.start, input.stop ?? input.now, input.pauses);
    }),
  );
  addMs.push(
    time(() => {
      for (const input of clocks) sink += addBusinessMinutes(compiled, input.start, input.targetMinutes, input.pauses);
    }),
  );
  referenceMs.push(
    time(() => {
      for (const input of clocks) sink += calendarFreeClock(input);
    }),
  );
}

/** The calendar-free reference: wall-clock minutes from start to stop ?? now outside the union of the pauses. */
function calendarFreeClock(input: ClockInput): number {
  const end = input.stop ?? input.now;
  const sorted = input.pauses
    .map((pause) => ({ start: Math.max(pause.start, input.start), end: Math.min(pause.end, end) }))
    .filter((pause) => pause.end > pause.start)
    .sort((a, b) => a.start - b.start);
  let paused = 0;
  let cursor = input.start;
  for (const pause of sorted) {
    const from = Math.max(pause.start, cursor);
    if (pause.end > from) {
      paused += pause.end - from;
      cursor = pause.end;
    }
  }
  return Math.max(0, end - input.start - paused) / MINUTE;
}

// The brute-force reference on a sample: first-response clocks that end within three days.
const walkFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: calendar.timeZone,
  hourCycle: "h23",
  weekday: "short",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
const workingWeekdays = new Set(["Mon", "Tue", "Wed", "Thu", "Fri"]);
function walkMinutes(input: ClockInput): number {
  const end = input.stop ?? input.now;
  let total = 0;
  for (let minute = Math.floor(input.start / MINUTE) * MINUTE; minute < end; minute += MINUTE) {
    const parts = Object.fromEntries(walkFormat.formatToParts(minute).map((part) => [part.type, part.value]));
    const time = Number(parts.hour) * 60 + Number(parts.minute);
    if (!workingWeekdays.has(parts.weekday) || time < 9 * 60 || time >= 17 * 60 + 30) continue;
    if (calendar.holidays.includes(`${parts.year}-${parts.month}-${parts.day}`)) continue;
    const from = Math.max(minute, input.start);
    const to = Math.min(minute + MINUTE, end);
    let free = to - from;
    // Minute-sized pieces are subtracted against the union of the pauses, swept in order.
    let cursor = from;
    for (const pause of [...input.pauses].sort((a, b) => a.start - b.start)) {
      const s = Math.max(pause.start, cursor);
      const e = Math.min(pause.end, to);
      if (e > s) {
        free -= e - s;
        cursor = e;
      }
    }
    total += free;
  }
  return total / MINUTE;
}
const sample = clocks.filter((c, i) => i % 3 === 0 && c.stop !== null && c.stop - c.start <= 3 * DAY).slice(0, 60);
let mismatches = 0;
const walkMs = time(() => {
  for (const input of sample) {
    if (walkMinutes(input) !== businessMinutes(compiled, input.start, input.stop!, input.pauses)) mismatches += 1;
  }
});
const sampleEngineMs = time(() => {
  for (let repeat = 0; repeat < 1000; repeat += 1) {
    for (const input of sample) sink += businessMinutes(compiled, input.start, input.stop!, input.pauses);
  }
});

const count = clocks.length;
const rate = (ms: number, n = count) => Math.round(n / (ms / 1000));
const figures = {
  benchmark: "sla",
  machine: describeMachine(),
  data: {
    requests: REQUESTS,
    clocks: count,
    calendar: "Europe/Berlin, Mon–Fri 09:00–17:30, 27 holidays 2025–2027",
    spanDays: {
      median: round(median(spanDays), 1),
      p90: round(spanDays[Math.floor(count * 0.9)], 1),
      max: round(spanDays[count - 1], 1),
    },
    pausesPerRequest: "0–4, 1 hour to 10 days each",
  },
  reference: {
    name: "calendar-free loop: end − start − union of pauses in plain Date arithmetic, same clocks",
    clocksPerSecond: rate(median(referenceMs)),
  },
  bruteForce: {
    name: "minute-by-minute walk with Intl (the property tests' reference), businessMinutes of short first-response clocks",
    sample: sample.length,
    mismatches,
    clocksPerSecond: rate(walkMs, sample.length),
    engineOnSampleClocksPerSecond: rate(sampleEngineMs, sample.length * 1000),
  },
  results: [
    { operation: "clock", medianMs: round(median(clockMs), 1), coldMs: round(coldClockMs, 1) },
    { operation: "businessMinutes", medianMs: round(median(businessMs), 1) },
    { operation: "addBusinessMinutes", medianMs: round(median(addMs), 1) },
  ].map((row) => ({
    ...row,
    perSecond: rate(row.medianMs),
    ratioToCalendarFree: round(rate(row.medianMs) / rate(median(referenceMs)), 3),
  })),
  budget: {
    description: "300,000 clocks (100,000 requests × 3 targets) through clock()",
    medianMs: round(median(clockMs), 1),
    coldMs: round(coldClockMs, 1),
    budgetMs: BUDGET_MS,
    withinBudget: coldClockMs < BUDGET_MS && median(clockMs) < BUDGET_MS,
  },
};
writeResult("sla", figures);

const m = figures.machine;
console.log(`sla engine — ${m.cpu}, ${m.cores} cores, Node ${m.node}`);
console.log(
  `${count.toLocaleString("en")} clocks, spans median ${figures.data.spanDays.median} d, p90 ${figures.data.spanDays.p90} d, max ${figures.data.spanDays.max} d`,
);
console.log(`reference (calendar-free loop): ${figures.reference.clocksPerSecond.toLocaleString("en")} clocks/s`);
console.log("operation            median ms   per second   ratio to calendar-free");
for (const row of figures.results) {
  console.log(
    `${row.operation.padEnd(20)} ${String(row.medianMs).padStart(9)}   ${String(row.perSecond).padStart(10)}   ${row.ratioToCalendarFree}`,
  );
}
console.log(
  `brute force (minute walk with Intl) on ${sample.length} clocks of ≤ 3 days: ${figures.bruteForce.clocksPerSecond.toLocaleString("en")} clocks/s ` +
    `vs engine ${figures.bruteForce.engineOnSampleClocksPerSecond.toLocaleString("en")} clocks/s on the same clocks ` +
    `(${Math.round(figures.bruteForce.engineOnSampleClocksPerSecond / figures.bruteForce.clocksPerSecond).toLocaleString("en")}×); ${mismatches} mismatches`,
);
console.log(
  `budget: 300,000 clocks in ${figures.budget.medianMs} ms (median of ${RUNS}; cold first pass with table building ${figures.budget.coldMs} ms) — ` +
    `${figures.budget.withinBudget ? "within" : "OVER"} the ${BUDGET_MS} ms budget`,
);
if (Number.isNaN(sink)) console.log("(sink)");
process.exitCode = figures.budget.withinBudget && mismatches === 0 ? 0 : 1;

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
